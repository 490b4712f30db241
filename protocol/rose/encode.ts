/** ROSE APDU encoding (backwards, see ber/writer.ts). */
import { EncodeError, EncodeErrorCode } from '../errors.js';
import { TagClass, Universal, tagKey, universal } from '../ber/tags.js';
import type { BerWriter } from '../ber/writer.js';
import { OBJECT_IDENTIFIER } from '../schema/index.js';
import type { RawElement } from '../schema/index.js';
import { operationByName } from '../csta/operations.js';
import { UniversalFailure } from '../csta/types/error-definition.js';
import { RejectProblem, RoseTag, UNIVERSAL_FAILURE_CODE } from './pdu.js';
import type { Code, InvokeId, RosePdu } from './pdu.js';

const INTEGER_TAG = universal(Universal.integer);
const SEQUENCE_TAG = universal(Universal.sequence);
const LINKED_PRESENT = tagKey(TagClass.context, 0);
const LINKED_ABSENT = tagKey(TagClass.context, 1);
// The APDU tags, computed once (not per PDU through the import bindings).
const INVOKE_TAG = tagKey(TagClass.context, RoseTag.invoke);
const RETURN_RESULT_TAG = tagKey(TagClass.context, RoseTag.returnResult);
const RETURN_ERROR_TAG = tagKey(TagClass.context, RoseTag.returnError);
const REJECT_TAG = tagKey(TagClass.context, RoseTag.reject);

function writeInteger(w: BerWriter, v: number, tag = INTEGER_TAG): void {
  const m = w.size;
  w.integer(v);
  w.wrap(m, tag, false);
}

function writeInvokeId(w: BerWriter, id: InvokeId): void {
  if (id === null) {
    w.byte(0);
    w.byte(0x05);
  } else if (typeof id === 'number' && Number.isSafeInteger(id)) {
    writeInteger(w, id);
  } else {
    throw new EncodeError(EncodeErrorCode.BadValue, `bad invokeId ${String(id)}`);
  }
}

function writeCode(w: BerWriter, code: Code): void {
  if ('local' in code) writeInteger(w, code.local);
  else OBJECT_IDENTIFIER.encode(w, code.global, OBJECT_IDENTIFIER.tag);
}

function writeRaw(w: BerWriter, raw: RawElement): void {
  w.hex(raw.tlv);
}

function opcodeOf(name: string): { code: number; op: NonNullable<ReturnType<typeof operationByName>> } {
  const op = operationByName(name);
  if (op === undefined) throw new EncodeError(EncodeErrorCode.UnknownOperation, `unknown operation ${name}`);
  return { code: op.code, op };
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
        const { code, op } = opcodeOf(pdu.operation);
        op.argument.encode(w, pdu.argument, op.argument.tag);
        writeInteger(w, code);
      }
      if (pdu.linkedId === null) {
        w.byte(0);
        w.tag(LINKED_ABSENT, false);
      } else if (pdu.linkedId !== undefined) {
        if (typeof pdu.linkedId !== 'number' || !Number.isSafeInteger(pdu.linkedId)) {
          throw new EncodeError(EncodeErrorCode.BadValue, `bad linkedId ${String(pdu.linkedId)}`);
        }
        writeInteger(w, pdu.linkedId, LINKED_PRESENT);
      }
      writeInvokeId(w, pdu.invokeId);
      w.wrap(m, INVOKE_TAG, true);
      return;
    }
    case 'returnResult': {
      if ('operation' in pdu) {
        const s = w.size;
        if (pdu.operation === 'unknown') {
          writeRaw(w, pdu.result);
          writeCode(w, pdu.opcode);
        } else {
          const { code, op } = opcodeOf(pdu.operation);
          if (op.result === undefined) throw new EncodeError(EncodeErrorCode.BadValue, `${pdu.operation} has no result`);
          op.result.encode(w, pdu.result, op.result.tag);
          writeInteger(w, code);
        }
        w.wrap(s, SEQUENCE_TAG, true);
      }
      writeInvokeId(w, pdu.invokeId);
      w.wrap(m, RETURN_RESULT_TAG, true);
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
      w.wrap(m, RETURN_ERROR_TAG, true);
      return;
    }
    case 'reject': {
      RejectProblem.encode(w, pdu.problem, RejectProblem.tag);
      writeInvokeId(w, pdu.invokeId);
      w.wrap(m, REJECT_TAG, true);
      return;
    }
    default: {
      const never: never = pdu;
      throw new EncodeError(EncodeErrorCode.BadValue, `not a ROSE APDU: ${JSON.stringify(never)}`);
    }
  }
}
