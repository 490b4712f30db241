/**
 * ROSE APDU decoding. The envelope is read by hand (it is four small SEQUENCEs) so the argument,
 * result or error parameter is decoded in place with the codec its opcode selects: one pass over
 * the bytes, no intermediate tree.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import { TagClass, Universal, identifierHex, tagKey, universal } from '../ber/tags.js';
import type { BerReader } from '../ber/reader.js';
import { OBJECT_IDENTIFIER } from '../schema/index.js';
import type { AnyCodec } from '../schema/index.js';
import { operationByCode } from '../csta/operations.js';
import { UniversalFailure } from '../csta/types/error-definition.js';
import { RejectProblem, RoseTag, UNIVERSAL_FAILURE_CODE } from './pdu.js';
import type { Code, InvokeId, RosePdu } from './pdu.js';

/** Tag keys of the ROSE envelope's components (also used by the CLI's annotated tree). */
export const INTEGER_TAG = universal(Universal.integer);
export const NULL_TAG = universal(Universal.null);
export const OID_TAG = universal(Universal.objectIdentifier);
export const SEQUENCE_TAG = universal(Universal.sequence);
/** invoke's linkedId: present [0] / absent [1] (X.880). */
export const LINKED_PRESENT = tagKey(TagClass.context, 0);
export const LINKED_ABSENT = tagKey(TagClass.context, 1);

type Mutable = Record<string, unknown>;
// Module constants: read once, not through the import binding on every frame.
const ROSE_INVOKE: number = RoseTag.invoke;
const ROSE_RETURNRESULT: number = RoseTag.returnResult;
const ROSE_RETURNERROR: number = RoseTag.returnError;
const ROSE_REJECT: number = RoseTag.reject;

function unexpected(r: BerReader, what: string, expected: string): DecodeError {
  return new DecodeError(DecodeErrorCode.UnexpectedTag, r.hdr, `unexpected tag for ${what}`, { expected, found: r.foundTag() });
}

function readInvokeId(r: BerReader): InvokeId {
  if (r.tag === INTEGER_TAG && !r.cons) return r.integer(r.start, r.end);
  if (r.tag === NULL_TAG && !r.cons) return r.null(r.start, r.end);
  throw unexpected(r, 'invokeId', '02|05');
}

function readCode(r: BerReader, what: string): Code {
  if (r.tag === INTEGER_TAG && !r.cons) return { local: r.integer(r.start, r.end) };
  if (r.tag === OID_TAG) return { global: OBJECT_IDENTIFIER.decode(r) };
  throw unexpected(r, what, '02|06');
}

/**
 * Decodes `codec` at the element the reader just parsed, checking its tag first. The path is
 * `what + suffix`, joined only when an error needs it.
 */
function decodeTyped(r: BerReader, codec: AnyCodec, what: string, suffix = ''): unknown {
  const tags = codec.firstTags;
  if (tags !== null && !tags.includes(r.tag)) {
    throw unexpected(r, what + suffix, tags.map((t) => identifierHex(t, true)).join('|'));
  }
  try {
    return codec.decode(r);
  } catch (e) {
    if (e instanceof DecodeError && e.path === undefined) (e as { path: string | undefined }).path = what + suffix;
    throw e;
  }
}

function expectEnd(pos: number, end: number, what: string): void {
  if (pos !== end) throw new DecodeError(DecodeErrorCode.TrailingBytes, pos, `unexpected element after the ${what}`);
}

/**
 * Decodes a ROSE APDU whose header the reader has just parsed (`r.tag` is `[1]`..`[4]`).
 */
export function decodeRose(r: BerReader): RosePdu {
  const kind = r.tag & 0x1fffff;
  if (!r.cons) throw new DecodeError(DecodeErrorCode.BadValue, r.hdr, 'ROSE APDU must be constructed');
  const end = r.end;
  r.enter(r.hdr);
  r.header(r.start, end);
  const invokeId = readInvokeId(r);
  let pos = r.next;
  let out: RosePdu;
  switch (kind) {
    case ROSE_INVOKE: {
      r.header(pos, end);
      // undefined: no linkedId; null: X.880's `absent`, a value of linkedId kept as null.
      let linkedId: number | null | undefined;
      if (r.tag === LINKED_PRESENT && !r.cons) {
        linkedId = r.integer(r.start, r.end);
        pos = r.next;
        r.header(pos, end);
      } else if (r.tag === LINKED_ABSENT && !r.cons) {
        linkedId = r.null(r.start, r.end);
        pos = r.next;
        r.header(pos, end);
      }
      // A local opcode of a known operation (nearly every invoke) without the { local } object.
      const local = r.tag === INTEGER_TAG && !r.cons ? r.integer(r.start, r.end) : undefined;
      const opcode = local === undefined ? readCode(r, 'opcode') : undefined;
      pos = r.next;
      const op = local !== undefined ? operationByCode(local) : undefined;
      if (op !== undefined) {
        if (pos >= end) throw new DecodeError(DecodeErrorCode.MissingField, pos, `invoke of ${op.name} has no argument`);
        r.header(pos, end);
        pos = r.next;
        const argument = decodeTyped(r, op.argument, op.name, '.argument');
        expectEnd(pos, end, 'argument');
        // One literal per form (same keys in the same order as the general path below).
        out = (
          linkedId === undefined
            ? { pdu: 'invoke', invokeId, operation: op.name, argument }
            : { pdu: 'invoke', invokeId, linkedId, operation: op.name, argument }
        ) as unknown as RosePdu;
        break;
      }
      const inv: Mutable = { pdu: 'invoke', invokeId };
      if (linkedId !== undefined) inv.linkedId = linkedId;
      inv.operation = 'unknown';
      inv.opcode = opcode ?? { local: local! };
      if (pos < end) {
        r.header(pos, end);
        inv.argument = { tlv: r.hex(pos, r.next) };
        pos = r.next;
      }
      expectEnd(pos, end, 'argument');
      out = inv as unknown as RosePdu;
      break;
    }
    case ROSE_RETURNRESULT: {
      const res: Mutable = { pdu: 'returnResult', invokeId };
      if (pos < end) {
        r.header(pos, end);
        if (r.tag !== SEQUENCE_TAG || !r.cons) throw unexpected(r, 'returnResult.result', '30');
        const seqEnd = r.end;
        pos = r.next;
        r.enter(r.hdr);
        r.header(r.start, seqEnd);
        const opcode = readCode(r, 'result opcode');
        let p = r.next;
        if (p >= seqEnd) throw new DecodeError(DecodeErrorCode.MissingField, p, 'returnResult.result has no result value');
        r.header(p, seqEnd);
        const op = 'local' in opcode ? operationByCode(opcode.local) : undefined;
        if (op !== undefined && op.result !== undefined) {
          res.operation = op.name;
          p = r.next;
          res.result = decodeTyped(r, op.result, op.name, '.result');
        } else {
          res.operation = 'unknown';
          res.opcode = opcode;
          res.result = { tlv: r.hex(p, r.next) };
          p = r.next;
        }
        expectEnd(p, seqEnd, 'result');
        r.leave();
      }
      expectEnd(pos, end, 'result');
      out = res as unknown as RosePdu;
      break;
    }
    case ROSE_RETURNERROR: {
      const err: Mutable = { pdu: 'returnError', invokeId };
      r.header(pos, end);
      const errcode = readCode(r, 'errcode');
      pos = r.next;
      const isUniversalFailure = 'local' in errcode && errcode.local === UNIVERSAL_FAILURE_CODE;
      if (isUniversalFailure) {
        err.error = 'universalFailure';
        if (pos >= end) throw new DecodeError(DecodeErrorCode.MissingField, pos, 'universalFailure without its parameter');
        r.header(pos, end);
        pos = r.next;
        err.parameter = decodeTyped(r, UniversalFailure, 'universalFailure.parameter');
      } else {
        err.error = 'unknown';
        err.errcode = errcode;
        if (pos < end) {
          r.header(pos, end);
          err.parameter = { tlv: r.hex(pos, r.next) };
          pos = r.next;
        }
      }
      expectEnd(pos, end, 'error parameter');
      out = err as unknown as RosePdu;
      break;
    }
    case ROSE_REJECT: {
      r.header(pos, end);
      pos = r.next;
      const problem = decodeTyped(r, RejectProblem, 'reject.problem');
      expectEnd(pos, end, 'reject problem');
      out = { pdu: 'reject', invokeId, problem } as RosePdu;
      break;
    }
    default:
      throw new DecodeError(DecodeErrorCode.UnknownPdu, r.hdr, `not a ROSE APDU tag [${kind}]`);
  }
  r.leave();
  return out;
}
