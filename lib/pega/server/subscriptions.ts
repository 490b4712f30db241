/**
 * Event subscriptions per DN (Pega's SubscribeForEvents / UnSubscribeForEvents: `DN`, `AgentID`,
 * `AgentPassword`, pega-call-notes §2) and the bridge that sends the link's events for subscribed
 * DNs, in their server-side form, to the pusher.
 *
 * A subscription decides which DNs' events go to Pega. The CSTA monitor is the link's while an
 * agent is logged in at the DN (PegaCtiLink.login), else a monitor-only one (monitors.ts). A login
 * through the API subscribes its DN first, so the login Snapshot reaches Pega even when Pega
 * subscribes afterwards.
 */
import type { PegaEvent } from '../types.js';
import { ServerEventStream } from '../server-view.js';
import type { PegaServerEvent, ServerEventContext } from '../server-view.js';

/** Default of {@link SubscriptionTableOptions.maxSubscriptions}. */
export const DEFAULT_MAX_SUBSCRIPTIONS = 2000;

/** One subscribed DN. */
export type Subscription = {
  readonly dn: string;
  readonly agentId: string;
  /** Subscribed by SubscribeForEvents (kept after a logout), not only by a login (removed at its logout). */
  readonly explicit: boolean;
};

/** What subscribing answers. */
export type SubscribeOutcome = 'created' | 'existing' | 'conflict' | 'full';

/** The subscribed DNs, with a bound. */
export class SubscriptionTable {
  private readonly byDn = new Map<string, Subscription>();
  readonly max: number;

  constructor(maxSubscriptions = DEFAULT_MAX_SUBSCRIPTIONS) {
    this.max = Math.max(1, maxSubscriptions);
  }

  /** Number of subscribed DNs. */
  get size(): number {
    return this.byDn.size;
  }

  /**
   * Subscribes `dn` for `agentId` ("" = no agent). Same DN and agent again is `existing` (an
   * explicit subscription stays explicit, an implicit one becomes explicit when asked so);
   * another agent's DN is `conflict`.
   */
  subscribe(dn: string, agentId: string, explicit = true): SubscribeOutcome {
    const had = this.byDn.get(dn);
    if (had !== undefined) {
      if (had.agentId !== agentId && agentId !== '' && had.agentId !== '') return 'conflict';
      this.byDn.set(dn, { dn, agentId: had.agentId !== '' ? had.agentId : agentId, explicit: had.explicit || explicit });
      return 'existing';
    }
    if (this.byDn.size >= this.max) return 'full';
    this.byDn.set(dn, { dn, agentId, explicit });
    return 'created';
  }

  /** Removes the subscription of `dn` (of `agentId` when given). False when there was none to remove. */
  unsubscribe(dn: string, agentId = ''): boolean {
    const had = this.byDn.get(dn);
    if (had === undefined || (agentId !== '' && had.agentId !== '' && had.agentId !== agentId)) return false;
    this.byDn.delete(dn);
    return true;
  }

  /** The subscription of `dn`. */
  get(dn: string): Subscription | undefined {
    return this.byDn.get(dn);
  }

  /** Every subscription. */
  list(): Subscription[] {
    return [...this.byDn.values()];
  }
}

/** What the bridge needs from the link. */
export interface ServerEventSource {
  on(event: 'event', listener: (agentId: string, event: PegaEvent) => void): unknown;
  off(event: 'event', listener: (agentId: string, event: PegaEvent) => void): unknown;
  agentAt(device: string): { readonly agentId: string } | undefined;
  readonly agents: readonly { readonly agentId: string; readonly device: string }[];
}

/** Where the bridge sends server-side events (a PegaEventPusher fits). */
export interface ServerEventTarget {
  push(ctiEvent: PegaServerEvent, event?: PegaEvent): boolean;
}

/** Link events of subscribed DNs → server-side events → the target. */
export class SubscriptionBridge {
  private readonly source: ServerEventSource;
  private readonly table: SubscriptionTable;
  private readonly stream: ServerEventStream;
  private readonly onEvent = (agentId: string, event: PegaEvent): void => this.handle(agentId, event);

  constructor(source: ServerEventSource, table: SubscriptionTable, target: ServerEventTarget) {
    this.source = source;
    this.table = table;
    this.stream = new ServerEventStream((ctiEvent: PegaServerEvent, _context: ServerEventContext, original: PegaEvent) => target.push(ctiEvent, original));
    source.on('event', this.onEvent);
  }

  /** Stops listening (held Offerings are sent first). */
  detach(): void {
    this.stream.flush();
    this.source.off('event', this.onEvent);
  }

  /** An event for a subscribed DN from elsewhere than the link (a monitor-only subscription). */
  inject(agentId: string, dn: string, event: PegaEvent): void {
    if (this.table.get(dn) === undefined) return;
    this.stream.push(event, { dn, agentId });
  }

  private handle(agentId: string, event: PegaEvent): void {
    const dn = dnOf(event) ?? this.source.agents.find((a) => a.agentId === agentId)?.device;
    if (dn === undefined || this.table.get(dn) === undefined) return;
    this.stream.push(event, { dn, agentId });
  }
}

/** The monitored DN an event names (`pyThisDN`, on every event this library emits). */
function dnOf(event: PegaEvent): string | undefined {
  const dn = (event as { pyThisDN?: unknown }).pyThisDN;
  return typeof dn === 'string' && dn !== '' ? dn : undefined;
}
