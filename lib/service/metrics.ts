/**
 * The service's Prometheus metrics (prom-client), all named `csta_*`. Counters the session keeps
 * itself (frames) and the current sizes (calls, monitors, sockets, event-pusher queue) are read
 * when /metrics is scraped; events (requests, decode errors, link changes) are counted as they happen.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Where the scrape-time values come from (the service fills it in). */
export interface MetricSources {
  frames(): { readonly framesIn: number; readonly framesOut: number };
  liveCalls(): number;
  monitoredDevices(): number;
  gatewaySockets(): number;
  /** Event pusher (server-side API), when there is one. */
  pusher(): { readonly queueDepth: number; readonly dropped: number } | undefined;
}

/** Outcome label of a request. */
export type RequestOutcome = 'ok' | 'error' | 'timeout' | 'rejected' | 'closed';

/** The link states exported as `csta_link_state{state}` (1 for the current one). */
export const LINK_STATES = ['connecting', 'associated', 'degraded', 'reconnecting', 'closed'] as const;
/** A link state label. */
export type LinkStateLabel = (typeof LINK_STATES)[number];

/** Counter whose value is read from a monotonic source at scrape time. */
function mirroredCounter(registry: Registry, name: string, help: string, labelNames: string[], read: () => Record<string, number>): Counter {
  const last = new Map<string, number>();
  return new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      for (const [label, value] of Object.entries(read())) {
        const delta = value - (last.get(label) ?? 0);
        if (delta > 0) {
          this.inc({ [labelNames[0]!]: label }, delta);
          last.set(label, value);
        }
      }
    },
  });
}

/** The metrics of one service. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly decodeErrors: Counter<'kind'>;
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation'>;
  readonly pegaRequests: Counter<'action' | 'outcome'>;
  readonly reconnects: Counter;
  readonly failovers: Counter;
  readonly unmatched: Counter;
  private readonly linkState: Gauge<'state'>;
  private readonly endpointInfo: Gauge<'endpoint' | 'role'>;

  constructor(linkName: string, sources: MetricSources) {
    const r = this.registry;
    r.setDefaultLabels({ link: linkName });
    collectDefaultMetrics({ register: r, prefix: 'csta_' });
    mirroredCounter(r, 'csta_frames_total', 'CSTA frames on the PBX link, by direction.', ['direction'], () => {
      const f = sources.frames();
      return { in: f.framesIn, out: f.framesOut };
    });
    this.decodeErrors = new Counter({ name: 'csta_decode_errors_total', help: 'Frames from the PBX that did not decode (dropped), by DecodeError code.', labelNames: ['kind'], registers: [r] });
    this.unmatched = new Counter({ name: 'csta_unmatched_replies_total', help: 'Replies for no pending request (late, after a timeout).', registers: [r] });
    this.requests = new Counter({ name: 'csta_requests_total', help: 'CSTA requests to the PBX, by operation and outcome.', labelNames: ['operation', 'outcome'], registers: [r] });
    this.requestSeconds = new Histogram({
      name: 'csta_request_duration_seconds',
      help: 'Time from sending a CSTA request to its answer.',
      labelNames: ['operation'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [r],
    });
    this.pegaRequests = new Counter({ name: 'csta_pega_requests_total', help: 'Agent requests (gateway, API, plugins), by action and outcome.', labelNames: ['action', 'outcome'], registers: [r] });
    new Gauge({ name: 'csta_live_calls', help: 'Calls in the call model.', registers: [r], collect() { this.set(sources.liveCalls()); } });
    new Gauge({ name: 'csta_monitored_devices', help: 'Devices monitored on the PBX link.', registers: [r], collect() { this.set(sources.monitoredDevices()); } });
    new Gauge({ name: 'csta_gateway_sockets', help: 'Open gateway WebSockets.', registers: [r], collect() { this.set(sources.gatewaySockets()); } });
    new Gauge({ name: 'csta_event_pusher_queue_depth', help: 'Events waiting in the event pusher (server-side API).', registers: [r], collect() { this.set(sources.pusher()?.queueDepth ?? 0); } });
    let droppedSeen = 0;
    new Counter({
      name: 'csta_event_pusher_dropped_total',
      help: 'Events the event pusher dropped (queue bound, or given up).',
      registers: [r],
      collect() {
        const dropped = sources.pusher()?.dropped ?? 0;
        if (dropped > droppedSeen) this.inc(dropped - droppedSeen);
        droppedSeen = Math.max(droppedSeen, dropped);
      },
    });
    this.linkState = new Gauge({ name: 'csta_link_state', help: 'PBX link state (1 for the current one).', labelNames: ['state'], registers: [r] });
    this.reconnects = new Counter({ name: 'csta_link_reconnects_total', help: 'Reconnect attempts to the PBX.', registers: [r] });
    this.failovers = new Counter({ name: 'csta_link_failovers_total', help: 'Times the link came up on a different endpoint than before (primary ⇄ secondary).', registers: [r] });
    this.endpointInfo = new Gauge({ name: 'csta_link_endpoint', help: 'The PBX endpoint in use (1) by address and role.', labelNames: ['endpoint', 'role'], registers: [r] });
    this.setLinkState('closed');
  }

  setLinkState(state: LinkStateLabel): void {
    for (const s of LINK_STATES) this.linkState.set({ state: s }, s === state ? 1 : 0);
  }

  setEndpoint(endpoint: string, role: string): void {
    this.endpointInfo.reset();
    this.endpointInfo.set({ endpoint, role }, 1);
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The outcome label of a settled request. */
export function outcomeOf(error: Error | undefined): RequestOutcome {
  if (error === undefined) return 'ok';
  const code = (error as { code?: unknown }).code;
  if (code === 'TIMEOUT') return 'timeout';
  if (code === 'REJECTED') return 'rejected';
  if (code === 'CONNECTION_CLOSED') return 'closed';
  return 'error';
}
