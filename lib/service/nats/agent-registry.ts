/**
 * The agents logged in on a link, kept in a NATS KV bucket by the active instance so that the
 * instance taking over logs the same agents in again (monitors, agent state, a fresh snapshot
 * each). Written from the link's own events, whatever front end logged the agent in: a
 * SnapshotEvent with the device OPENED adds the agent, the final Logout snapshot removes it.
 *
 * Passwords are not stored: at a takeover the switch still has the agents logged on, so the
 * new instance's login is answered "already in that state", which the link accepts.
 */
import { Buffer } from 'node:buffer';
import type { JetStreamClient } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { KV } from '@nats-io/kv';
import type { PegaEvent } from '../../pega/types.js';
import { safeName } from './stream.js';
import type { PegaEventListenerFn, PegaEventSource } from './types.js';

/** Most agents a registry keeps (the bucket's `max_msgs_per_subject` is 1, this bounds the keys). */
export const MAX_REGISTERED_AGENTS = 100_000;
/** Bytes the registry bucket may hold. */
export const MAX_REGISTRY_BYTES = 64 * 1024 * 1024;

/** One registered agent. */
export interface RegisteredAgent {
  readonly agentId: string;
  readonly device: string;
}

/** KV keys allow `-/_=.A-Za-z0-9`: agent ids are written in base64url, which uses only those. */
function keyOf(agentId: string): string {
  return Buffer.from(agentId, 'utf8').toString('base64url');
}

/** See the file header. */
export class AgentRegistry {
  private readonly kv: KV;
  private detachFn: (() => void) | undefined;
  /** Writes that failed (the registry is best effort: the next snapshot of the agent writes again). */
  failures = 0;

  private constructor(kv: KV) {
    this.kv = kv;
  }

  /** Opens (creating when missing) the link's registry bucket `csta_agents_<link>`. */
  static async open(js: JetStreamClient, link: string): Promise<AgentRegistry> {
    const kv = await new Kvm(js).create(`csta_agents_${safeName(link)}`, { history: 1, max_bytes: MAX_REGISTRY_BYTES });
    return new AgentRegistry(kv);
  }

  /** Keeps the registry in step with `link`'s events until {@link detach}. */
  attach(link: PegaEventSource): void {
    this.detach();
    const f: PegaEventListenerFn = (agentId, e) => this.onEvent(agentId, e);
    link.on('event', f);
    this.detachFn = () => link.off('event', f);
  }

  /** Stops following the link. */
  detach(): void {
    this.detachFn?.();
    this.detachFn = undefined;
  }

  /** The registered agents (at most {@link MAX_REGISTERED_AGENTS}). */
  async list(): Promise<RegisteredAgent[]> {
    const out: RegisteredAgent[] = [];
    const keys = await this.kv.keys();
    for await (const k of keys) {
      if (out.length >= MAX_REGISTERED_AGENTS) break;
      const e = await this.kv.get(k);
      if (e === null || e.operation !== 'PUT') continue;
      try {
        const v = e.json<RegisteredAgent>();
        if (typeof v?.agentId === 'string' && typeof v.device === 'string') out.push({ agentId: v.agentId, device: v.device });
      } catch {
        this.failures++;
      }
    }
    return out;
  }

  /** Registers an agent. */
  async put(agent: RegisteredAgent): Promise<void> {
    await this.kv.put(keyOf(agent.agentId), JSON.stringify({ agentId: agent.agentId, device: agent.device }));
  }

  /** Forgets an agent. */
  async remove(agentId: string): Promise<void> {
    await this.kv.delete(keyOf(agentId));
  }

  private onEvent(agentId: string, e: PegaEvent): void {
    if (e.pyEventType !== 'SnapshotEvent' || agentId === '') return;
    const write = e.pyAgentState === 'Logout' && e.pyDeviceState === 'CLOSED' ? this.remove(agentId) : e.pyDeviceState === 'OPENED' ? this.put({ agentId, device: e.pyThisDN }) : undefined;
    write?.catch(() => this.failures++);
  }
}
