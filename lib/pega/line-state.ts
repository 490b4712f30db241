/**
 * The per-device state the Pega mapping keeps: the calls on the line (direction, ANI, DNIS, other
 * party, consult link) and the agent's state. Pega call IDs stay stable for the life of a call
 * at the device even when the switch moves the device into a new CSTA call (transfer,
 * conference): `cstaCallId` follows the switch, `pyCallId` does not.
 *
 * Which calls exist at a device, and their connection states, are the session's call model's
 * (lib/session/model): PegaCtiLink reconciles the line from it on refresh and re-login. The line
 * keeps only what the model has no place for — the stable Pega call ID, Pega's call type, ANI /
 * DNIS as Pega shows them, consult links, what was already reported to Pega — and it stays
 * usable without a session, so the mapper remains a pure function of its input (fixtures, the
 * CLI's replay and conformance).
 */
import type { PegaAgentState, PegaCallEventName, PegaCallType, PegaWorkMode } from './types.js';
import type { OctetForm } from './csta-values.js';

/** Where a call is at this device. `ended`: reported to Pega as over, kept until the switch clears it. */
export type LinePhase = 'initiated' | 'alerting' | 'connected' | 'held' | 'ended';

/** One call on the line. */
export interface LineCall {
  /** The ID Pega knows the call by (the CSTA callID when the call first appeared here). */
  readonly pyCallId: string;
  /** The call's current CSTA callID. */
  cstaCallId: string;
  callType: PegaCallType;
  /** true when the call came to this device, false when it was placed from it. */
  incoming: boolean;
  ani: string;
  dnis: string;
  otherDN: string;
  phase: LinePhase;
  /** Whether this device was ever connected to the call (answered or was answered). */
  answered: boolean;
  /** Pega call ID of the call this one consults from (consultation calls). */
  primaryCallId: string | undefined;
  /** The other parties (device numbers, this device excluded), in order of arrival. */
  parties: string[];
  /** Whether a CallInfoEvent has been sent. */
  callInfoSent: boolean;
  /** Last call-state event name sent for the call, if any. */
  lastEvent: PegaCallEventName | undefined;
}

/** The agent at the device as the mapping tracks it. */
export interface LineAgent {
  agentId: string;
  state: PegaAgentState;
  reasonCode: string;
  workMode: PegaWorkMode;
  /** What the agent last asked for through this link, used to fill reason code and work mode the switch does not carry. */
  requested: { reasonCode: string; workMode: PegaWorkMode | undefined } | undefined;
}

/** Most calls a line remembers as created by its own requests before their events arrive. */
export const MAX_REQUESTED_CALLS = 8;

/** State of one monitored device. */
export class DeviceLine {
  readonly device: string;
  private readonly byCsta = new Map<string, LineCall>();
  private readonly byPega = new Map<string, LineCall>();
  /** Pega call ID of a call held for a consultation whose new call has not appeared yet. */
  pendingConsultFrom: string | undefined;
  readonly agent: LineAgent = { agentId: '', state: 'Unknown', reasonCode: '', workMode: 'MODE_NONE', requested: undefined };

  /** Most calls kept; adding one more forgets the oldest (see PegaMapperOptions.maxCallsPerLine). */
  readonly maxCalls: number;
  /** Calls forgotten because the line was full. */
  evicted = 0;

  /**
   * CSTA callIDs the switch gave this device's own makeCall/consultationCall answers, newest
   * last: the agent may act on such a call before its first event reaches the line. Bounded by
   * {@link MAX_REQUESTED_CALLS}.
   */
  private readonly requested = new Set<string>();

  /** How the session's OCTET STRING values carry text (agent IDs, call data). */
  readonly octets: OctetForm;

  /** Most other parties one call keeps (see PegaMapperOptions.maxPartiesPerCall). */
  readonly maxParties: number;
  /** Parties not kept because their call had `maxParties` already. */
  partiesDropped = 0;

  constructor(device: string, maxCalls = Number.POSITIVE_INFINITY, octets: OctetForm = 'hex', maxParties = Number.POSITIVE_INFINITY) {
    this.device = device;
    this.maxCalls = maxCalls;
    this.octets = octets;
    this.maxParties = maxParties;
  }

  /**
   * Adds `dn` to the call's other parties unless it is empty, this device, already there, or the
   * call has `maxParties` (then counted in `partiesDropped`). Constant work per call: the list is
   * bounded.
   */
  addParty(call: LineCall, dn: string): void {
    if (dn === '' || dn === this.device || call.parties.includes(dn)) return;
    if (call.parties.length >= this.maxParties) {
      this.partiesDropped++;
      return;
    }
    call.parties.push(dn);
  }

  /** Replaces the call's other parties with `dns` (first `maxParties` of them; the rest counted in `partiesDropped`). */
  setParties(call: LineCall, dns: readonly string[]): void {
    if (dns.length > this.maxParties) this.partiesDropped += dns.length - this.maxParties;
    call.parties = dns.slice(0, this.maxParties);
  }

  /** Records a call the switch created for this device's own request (see `requested`). */
  noteRequestedCall(cstaCallId: string): void {
    if (cstaCallId === '') return;
    this.requested.delete(cstaCallId);
    this.requested.add(cstaCallId);
    while (this.requested.size > MAX_REQUESTED_CALLS) {
      const oldest = this.requested.values().next();
      if (oldest.done === true) break;
      this.requested.delete(oldest.value);
    }
  }

  /** Whether `cstaCallId` was created by this device's own request (and not yet seen on the line). */
  wasRequested(cstaCallId: string): boolean {
    return this.requested.has(cstaCallId);
  }

  /** The call with CSTA callID `cstaCallId`. */
  byCstaId(cstaCallId: string): LineCall | undefined {
    return this.byCsta.get(cstaCallId);
  }

  /** The call Pega knows as `pyCallId`. */
  byPegaId(pyCallId: string): LineCall | undefined {
    return this.byPega.get(pyCallId);
  }

  /** Adds a new call (its Pega ID is its current CSTA callID). */
  add(fields: Omit<LineCall, 'pyCallId' | 'callInfoSent' | 'lastEvent' | 'parties' | 'answered' | 'primaryCallId'> & Partial<Pick<LineCall, 'primaryCallId' | 'parties'>>): LineCall {
    const pyCallId = this.freePegaId(fields.cstaCallId);
    const call: LineCall = {
      ...fields,
      pyCallId,
      answered: false,
      primaryCallId: fields.primaryCallId,
      parties: fields.parties ?? (fields.otherDN === '' ? [] : [fields.otherDN]),
      callInfoSent: false,
      lastEvent: undefined,
    };
    while (this.byPega.size >= this.maxCalls) {
      const oldest = this.byPega.values().next();
      if (oldest.done === true) break;
      this.remove(oldest.value);
      this.evicted++;
    }
    this.byCsta.set(call.cstaCallId, call);
    this.byPega.set(call.pyCallId, call);
    // From now on the line itself knows the call (and forgets it when the switch clears it).
    this.requested.delete(call.cstaCallId);
    return call;
  }

  /** `cstaCallId`, or `cstaCallId.N` with the lowest N not in use on this line (switches reuse callIDs). */
  private freePegaId(cstaCallId: string): string {
    if (!this.byPega.has(cstaCallId)) return cstaCallId;
    let n = 1;
    while (this.byPega.has(`${cstaCallId}.${n}`)) n++;
    return `${cstaCallId}.${n}`;
  }

  /** The switch moved the call into CSTA call `cstaCallId` (transfer, conference). */
  rekey(call: LineCall, cstaCallId: string): void {
    if (call.cstaCallId === cstaCallId) return;
    if (this.byCsta.get(call.cstaCallId) === call) this.byCsta.delete(call.cstaCallId);
    call.cstaCallId = cstaCallId;
    this.byCsta.set(cstaCallId, call);
  }

  remove(call: LineCall): void {
    if (this.byCsta.get(call.cstaCallId) === call) this.byCsta.delete(call.cstaCallId);
    if (this.byPega.get(call.pyCallId) === call) this.byPega.delete(call.pyCallId);
    if (this.pendingConsultFrom === call.pyCallId) this.pendingConsultFrom = undefined;
  }

  /** Calls on the line, oldest first. */
  calls(): LineCall[] {
    return [...this.byPega.values()];
  }

  /** The consultation call made from `pyCallId`, if one is on the line. */
  consultOf(pyCallId: string): LineCall | undefined {
    for (const c of this.byPega.values()) if (c.primaryCallId === pyCallId && c.phase !== 'ended') return c;
    return undefined;
  }

  /** The held call on the line (the most recent), if any. */
  heldCall(): LineCall | undefined {
    let held: LineCall | undefined;
    for (const c of this.byPega.values()) if (c.phase === 'held') held = c;
    return held;
  }
}
