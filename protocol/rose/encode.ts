/** ROSE APDU encoding (backwards, see ber/writer.ts). */
import { EncodeError, EncodeErrorCode } from '../errors.js';
import { TagClass, Universal, tagKey, universal } from '../ber/tags.js';
import type { BerWriter } from '../ber/writer.js';
import { ANY, OBJECT_IDENTIFIER } from '../schema/index.js';
import type { RawElement } from '../schema/index.js';
import { operationByName } from '../csta/operations.js';
import { UniversalFailure } from '../csta/types/error-definition.js';
import { RejectProblem, RoseTag, UNIVERSAL_FAILURE_CODE } from './pdu.js';
import type { Code, InvokeId, RosePdu } from './pdu.js';

const SEQUENCE_TAG = universal(Universal.sequence);
const LINKED_ABSENT = tagKey(TagClass.context, 1);
// The APDU tags, computed once (not per PDU through the import bindings).
const INVOKE_TAG = tagKey(TagClass.context, RoseTag.invoke);
const RETURN_RESULT_TAG = tagKey(TagClass.context, RoseTag.returnResult);
const RETURN_ERROR_TAG = tagKey(TagClass.context, RoseTag.returnError);
const REJECT_TAG = tagKey(TagClass.context, RoseTag.reject);

// Identifier octets of the primitive INTEGER TLVs the header carries (one octet each).
const INTEGER_ID = 0x02;
const LINKED_PRESENT_ID = 0x80;

/** An INTEGER TLV (`id` is a one-octet identifier) of a safe integer. */
function writeInteger(w: BerWriter, v: number, id = INTEGER_ID): void {
  w.integerTlv(v, id);
}

function writeInvokeId(w: BerWriter, id: InvokeId): void {
  if (id === null) {
    w.tlv2(0x05); // NULL
  } else if (typeof id === 'number' && Number.isSafeInteger(id)) {
    writeInteger(w, id);
  } else {
    throw new EncodeError(EncodeErrorCode.BadValue, `bad invokeId ${String(id)}`);
  }
}

function writeCode(w: BerWriter, code: Code): void {
  if (typeof code !== 'object' || code === null) throw new EncodeError(EncodeErrorCode.BadValue, `bad operation or error code ${String(code)}`);
  if ('local' in code) {
    if (typeof code.local !== 'number' || !Number.isSafeInteger(code.local)) throw new EncodeError(EncodeErrorCode.BadValue, `bad local code ${String(code.local)}`);
    writeInteger(w, code.local);
  } else OBJECT_IDENTIFIER.encode(w, code.global, OBJECT_IDENTIFIER.tag);
}

/** An element kept raw (its whole TLV in hex): the open type's encoder, which also checks it is one. */
function writeRaw(w: BerWriter, raw: RawElement): void {
  ANY.encode(w, raw, ANY.tag);
}

type Operation = NonNullable<ReturnType<typeof operationByName>>;
// The last operation looked up: a link sends runs of one operation (cSTAEventReport), and a
// string comparison with the same string is cheaper than the Map lookup.
let lastName = '';
let lastOp: Operation | undefined;

/** The operation named `name` (no wrapper object per PDU: its code is `op.code`). */
function opcodeOf(name: string): Operation {
  if (name === lastName && lastOp !== undefined) return lastOp;
  const op = operationByName(name);
  if (op === undefined) throw new EncodeError(EncodeErrorCode.UnknownOperation, `unknown operation ${name}`);
  lastName = name;
  lastOp = op;
  return op;
}

/** Encodes a ROSE APDU (the whole TLV) into `w`. */
export function encodeRose(w: BerWriter, pdu: RosePdu): void {
  const m = w.size;
  switch (pdu.pdu) {
    case 'invoke': {
      if (pdu.operation === 'unknown') {
        if (pdu.argument !== undefined) writeRaw(w, pdu.argument);
        writeCode(w, pdu.opcode);
      } else {
        const op = opcodeOf(pdu.operation);
        op.argument.encode(w, pdu.argument, op.argument.tag);
        writeInteger(w, op.code);
      }
      if (pdu.linkedId === null) {
        w.byte(0);
        w.tag(LINKED_ABSENT, false);
      } else if (pdu.linkedId !== undefined) {
        if (typeof pdu.linkedId !== 'number' || !Number.isSafeInteger(pdu.linkedId)) {
          throw new EncodeError(EncodeErrorCode.BadValue, `bad linkedId ${String(pdu.linkedId)}`);
        }
        writeInteger(w, pdu.linkedId, LINKED_PRESENT_ID);
      }
      writeInvokeId(w, pdu.invokeId);
      w.wrapConstructed(m, INVOKE_TAG);
      return;
    }
    case 'returnResult': {
      if ('operation' in pdu) {
        const s = w.size;
        if (pdu.operation === 'unknown') {
          writeRaw(w, pdu.result);
          writeCode(w, pdu.opcode);
        } else {
          const op = opcodeOf(pdu.operation);
          if (op.result === undefined) throw new EncodeError(EncodeErrorCode.BadValue, `${pdu.operation} has no result`);
          op.result.encode(w, pdu.result, op.result.tag);
          writeInteger(w, op.code);
        }
        w.wrapConstructed(s, SEQUENCE_TAG);
      }
      writeInvokeId(w, pdu.invokeId);
      w.wrapConstructed(m, RETURN_RESULT_TAG);
      return;
    }
    case 'returnError': {
      if (pdu.error === 'universalFailure') {
        UniversalFailure.encode(w, pdu.parameter, UniversalFailure.tag);
        writeInteger(w, UNIVERSAL_FAILURE_CODE);
      } else {
        if (pdu.parameter !== undefined) writeRaw(w, pdu.parameter);
        writeCode(w, pdu.errcode);
      }
      writeInvokeId(w, pdu.invokeId);
      w.wrapConstructed(m, RETURN_ERROR_TAG);
      return;
    }
    case 'reject': {
      RejectProblem.encode(w, pdu.problem, RejectProblem.tag);
      writeInvokeId(w, pdu.invokeId);
      w.wrapConstructed(m, REJECT_TAG);
      return;
    }
    default: {
      const never: never = pdu;
      throw new EncodeError(EncodeErrorCode.BadValue, `not a ROSE APDU: ${JSON.stringify(never)}`);
    }
  }
}
