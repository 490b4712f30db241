/**
 * Uni-tel's way of matching answers to requests on a framing without invoke ids (NUL-terminated
 * XML): each request carries `<privateData><requestID>N-…</requestID></privateData>` directly
 * under its root and the answer echoes it. Here the outgoing invoke id is put in the requestID
 * (`<invokeId>-<link nonce>`), and read back from the answer's kept raw XML (`$xml`). An answer
 * without requestID (ECMA-354 responses, errors) goes to the oldest outstanding request of the
 * same service, else the oldest one. Outstanding requests are bounded
 * ({@link MAX_UNCORRELATED_REQUESTS}); the oldest is forgotten first.
 */
import { randomUUID } from 'node:crypto';
import type { CstaPdu } from '../../protocol/pdu.js';
import { escapeText } from '../../protocol/xml/text.js';

/** Requests remembered while their answer has not come. */
export const MAX_UNCORRELATED_REQUESTS = 1024;

const REQUEST_ID = /<(?:[\w.-]+:)?requestID>\s*(\d+)-[^<]*<\/(?:[\w.-]+:)?requestID>/;

type Loose = Record<string, unknown>;

function serviceOfAnswer(pdu: CstaPdu): string | undefined {
  if (pdu.pdu === 'returnResult' && 'operation' in pdu) return pdu.operation;
  if (pdu.pdu === 'applicationSession') return pdu.message.kind.replace(/(?:Pos|Neg)?Response$/, '');
  return undefined;
}

/** The raw XML kept on a PDU's value (argument, result or error parameter): where a requestID echo is. */
function rawXmlOf(pdu: CstaPdu): readonly unknown[] {
  const value =
    pdu.pdu === 'invoke' ? (pdu.argument as unknown) : pdu.pdu === 'returnResult' && 'result' in pdu ? pdu.result : pdu.pdu === 'returnError' ? pdu.parameter : undefined;
  const raw = typeof value === 'object' && value !== null ? (value as Loose).$xml : undefined;
  return Array.isArray(raw) ? raw : [];
}

const ANY_REQUEST_ID = /<(?:[\w.-]+:)?requestID>([^<]*)<\/(?:[\w.-]+:)?requestID>/;

/**
 * The switch's side (the simulator playing Uni-tel): each request gets a local invoke id, and its
 * requestID is echoed in the answer. Bounded like the client side.
 */
export class RequestIdEcho {
  private nextId = 0;
  /** local invoke id → the request's requestID, oldest first. */
  private readonly waiting = new Map<number, string>();

  constructor(private readonly max = MAX_UNCORRELATED_REQUESTS) {}

  /** An incoming request with a fresh local invoke id (its requestID remembered). */
  incoming(pdu: CstaPdu): CstaPdu {
    if (pdu.pdu !== 'invoke' && !(pdu.pdu === 'applicationSession' && !/Response$/.test(pdu.message.kind))) return pdu;
    this.nextId = this.nextId >= 9998 ? 1 : this.nextId + 1;
    const id = this.nextId;
    let requestID = '';
    for (const raw of rawXmlOf(pdu)) {
      const m = typeof raw === 'string' ? ANY_REQUEST_ID.exec(raw) : null;
      if (m !== null) {
        requestID = m[1]!;
        break;
      }
    }
    this.waiting.set(id, requestID);
    while (this.waiting.size > this.max) this.waiting.delete(this.waiting.keys().next().value!);
    return { ...pdu, invokeId: id } as CstaPdu;
  }

  /** An outgoing answer with its request's requestID added where the result has room for it. */
  outgoing(pdu: CstaPdu): CstaPdu {
    if ((pdu.pdu !== 'returnResult' && pdu.pdu !== 'returnError') || typeof pdu.invokeId !== 'number') return pdu;
    const requestID = this.waiting.get(pdu.invokeId);
    if (requestID === undefined) return pdu;
    this.waiting.delete(pdu.invokeId);
    if (requestID === '' || pdu.pdu !== 'returnResult' || !('result' in pdu)) return pdu;
    const result = pdu.result as unknown;
    // A CHOICE result (`{ noData: null }`, `{ extensions }`) has no place for it.
    if (typeof result !== 'object' || result === null || Array.isArray(result) || Object.keys(result).length === 1 && 'noData' in result) return pdu;
    const raw = Array.isArray((result as Loose).$xml) ? ((result as Loose).$xml as string[]) : [];
    const tagged: Loose = { ...(result as Loose), $xml: [...raw, `<privateData><requestID>${escapeText(requestID)}</requestID></privateData>`] };
    return { ...pdu, result: tagged } as unknown as CstaPdu;
  }
}

export class RequestIdCorrelation {
  private readonly nonce = randomUUID();
  /** invoke id → service, oldest first (Map keeps insertion order). */
  private readonly outstanding = new Map<number, string>();

  constructor(private readonly max = MAX_UNCORRELATED_REQUESTS) {}

  /** An outgoing PDU with the requestID added (invokes with an argument object), remembered. */
  outgoing(pdu: CstaPdu): CstaPdu {
    if (pdu.pdu === 'invoke' && pdu.operation !== 'unknown' && typeof pdu.invokeId === 'number') {
      const arg = pdu.argument as unknown;
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return pdu;
      this.remember(pdu.invokeId, pdu.operation);
      const raw = Array.isArray((arg as Loose).$xml) ? ((arg as Loose).$xml as string[]) : [];
      const tag = `<privateData><requestID>${pdu.invokeId}-${this.nonce}</requestID></privateData>`;
      const argument: Loose = { ...(arg as Loose), $xml: [...raw, tag] };
      return { ...pdu, argument } as unknown as CstaPdu;
    }
    if (pdu.pdu === 'applicationSession' && typeof pdu.invokeId === 'number' && !/Response$/.test(pdu.message.kind)) this.remember(pdu.invokeId, pdu.message.kind);
    return pdu;
  }

  /** An incoming answer with the invoke id of its request; anything else unchanged. */
  incoming(pdu: CstaPdu): CstaPdu {
    const isAnswer = pdu.pdu === 'returnResult' || pdu.pdu === 'returnError' || (pdu.pdu === 'applicationSession' && /Response$/.test(pdu.message.kind));
    if (!isAnswer) return pdu;
    let id: number | undefined;
    for (const raw of rawXmlOf(pdu)) {
      const m = typeof raw === 'string' ? REQUEST_ID.exec(raw) : null;
      if (m !== null && this.outstanding.has(Number(m[1]))) {
        id = Number(m[1]);
        break;
      }
    }
    const service = serviceOfAnswer(pdu);
    if (id === undefined && service !== undefined) for (const [k, s] of this.outstanding) if (s === service) { id = k; break; }
    if (id === undefined) id = this.outstanding.keys().next().value;
    if (id === undefined) return pdu;
    this.outstanding.delete(id);
    return { ...pdu, invokeId: id } as CstaPdu;
  }

  /** Requests waiting for their answer. */
  get size(): number {
    return this.outstanding.size;
  }

  private remember(id: number, service: string): void {
    this.outstanding.delete(id);
    this.outstanding.set(id, service);
    while (this.outstanding.size > this.max) this.outstanding.delete(this.outstanding.keys().next().value!);
  }
}
