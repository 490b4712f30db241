/**
 * The BER tree of one frame, annotated with the schema: the TLVs are walked with the protocol's
 * {@link BerReader} in parallel with the codecs (ROSE envelope → operation → argument/result
 * type → components by tag), so each node carries its byte offset and length, its ASN.1
 * identifier and its decoded value. Unlike `decodePdu` the walk never fails as a whole: an element
 * the schema cannot place becomes a `[tag] <hex>` node, a malformed header an `<error>` node, and
 * the walk goes on with the next element it can find.
 */
import { INTEGER_TAG, LINKED_ABSENT, LINKED_PRESENT, NULL_TAG, OID_TAG, SEQUENCE_TAG } from '../../protocol/rose/decode.js';
import { BerReader } from '../../protocol/ber/reader.js';
import { TagClass, tagClassOf, tagName, tagNumberOf } from '../../protocol/ber/tags.js';
import type { AnyCodec } from '../../protocol/schema/index.js';
import { OBJECT_IDENTIFIER } from '../../protocol/schema/index.js';
import { operationByCode } from '../../protocol/csta/operations.js';
import { UniversalFailure } from '../../protocol/csta/types/error-definition.js';
import { RejectProblem, RoseTag, UNIVERSAL_FAILURE_CODE } from '../../protocol/rose/pdu.js';
import { AAREapdu, AARQapdu, ABRTapdu, RLREapdu, RLRQapdu } from '../../protocol/acse/acse.js';
import { formatPrimitive } from './values.js';

/** One element of the annotated tree. */
export interface AnnotatedNode {
  /** Offset of the element's identifier octet in the PDU. */
  readonly offset: number;
  /** Bytes of the whole element (identifier, length, contents). */
  readonly length: number;
  /** ASN.1 identifier (`invokeId`, `deviceIdentifier.dialingNumber`), or `[tag]` when unplaced. */
  readonly name: string;
  /** The ASN.1 type reference, for constructed elements of a named type. */
  readonly type?: string;
  /** Decoded value of a primitive element, or hex of an unplaced one. */
  readonly value?: string;
  /** True for an element the schema could not place, a malformed header, or a missing component. */
  readonly unplaced?: true;
  readonly children: readonly AnnotatedNode[];
}

/** Header of an element, copied out of the reader. */
interface Head {
  readonly tag: number;
  readonly cons: boolean;
  readonly hdr: number;
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

const ACSE_CODECS: readonly (readonly [string, AnyCodec])[] = [
  ['aarq', AARQapdu],
  ['aare', AAREapdu],
  ['rlrq', RLRQapdu],
  ['rlre', RLREapdu],
  ['abrt', ABRTapdu],
];
const MAX_VALUE_HEX = 64;

/** Annotates one BER frame (a ROSE or ACSE PDU, without framing prefix). Never throws. */
export function annotatePdu(pdu: Uint8Array): AnnotatedNode[] {
  return new Annotator(pdu).root();
}

/** A type name worth printing: a reference like `DeliveredEvent`, not `[0] X` or `SEQUENCE OF`. */
function typeNameOf(codec: AnyCodec): string | undefined {
  return /^[A-Za-z][\w.-]*$/.test(codec.name) && !/^(?:INTEGER|BOOLEAN|NULL)$/.test(codec.name) ? codec.name : undefined;
}

function join(name: string, alternative: string): string {
  return name === '' ? alternative : `${name}.${alternative}`;
}

function node(h: Head, name: string, extra: { type?: string | undefined; value?: string; children?: AnnotatedNode[] } = {}): AnnotatedNode {
  return {
    offset: h.hdr,
    length: h.next - h.hdr,
    name,
    ...(extra.type !== undefined ? { type: extra.type } : {}),
    ...(extra.value !== undefined ? { value: extra.value } : {}),
    children: extra.children ?? [],
  };
}

class Annotator {
  private readonly r: BerReader;

  constructor(bytes: Uint8Array) {
    this.r = new BerReader(bytes);
  }

  root(): AnnotatedNode[] {
    const { heads, problems } = this.list(0, this.r.buf.length);
    const out: AnnotatedNode[] = [];
    for (const h of heads) {
      try {
        out.push(this.pdu(h));
      } catch (e) {
        out.push(this.raw(h, '<error>', e instanceof Error ? e.message : String(e)));
      }
    }
    return [...out, ...problems];
  }

  /** Headers of the elements in `[start, end)`; a header that cannot be read ends the list. */
  private list(start: number, end: number): { heads: Head[]; problems: AnnotatedNode[] } {
    const r = this.r;
    const heads: Head[] = [];
    let pos = start;
    while (pos < end) {
      try {
        r.header(pos, end);
      } catch (e) {
        r.depth = 0;
        const message = e instanceof Error ? e.message : String(e);
        const hex = r.hex(pos, Math.min(end, pos + MAX_VALUE_HEX / 2));
        const value = `${message}; bytes ${hex}${end - pos > MAX_VALUE_HEX / 2 ? '…' : ''}`;
        return { heads, problems: [{ offset: pos, length: end - pos, name: '<error>', value, unplaced: true, children: [] }] };
      }
      heads.push({ tag: r.tag, cons: r.cons, hdr: r.hdr, start: r.start, end: r.end, next: r.next });
      pos = r.next;
    }
    return { heads, problems: [] };
  }

  /** An element the schema cannot place: `[tag] <hex>` (with a note when there is one). */
  private raw(h: Head, name?: string, note?: string): AnnotatedNode {
    const hex = this.r.hex(h.hdr, Math.min(h.next, h.hdr + MAX_VALUE_HEX / 2)) + (h.next - h.hdr > MAX_VALUE_HEX / 2 ? '…' : '');
    const label = name === undefined || name === '' ? tagName(h.tag) : `${name} ${tagName(h.tag)}`;
    return { ...node(h, label, { value: note === undefined ? hex : `${hex} (${note})` }), unplaced: true };
  }

  private restore(h: Head): void {
    const r = this.r;
    r.tag = h.tag;
    r.cons = h.cons;
    r.hdr = h.hdr;
    r.start = h.start;
    r.end = h.end;
    r.next = h.next;
  }

  // ---- envelopes -----------------------------------------------------------------------------

  private pdu(h: Head): AnnotatedNode {
    const cls = tagClassOf(h.tag);
    const num = tagNumberOf(h.tag);
    if (cls === TagClass.application && num < ACSE_CODECS.length) {
      const [name, codec] = ACSE_CODECS[num]!;
      return this.place(codec, name, h);
    }
    if (cls !== TagClass.context || !h.cons) return this.raw(h, undefined, 'not a ROSE or ACSE PDU');
    const { heads, problems } = this.list(h.start, h.end);
    let children: AnnotatedNode[];
    switch (num) {
      case RoseTag.invoke:
        children = this.invoke(heads);
        return node(h, 'invoke', { type: 'ROSE Invoke', children: [...children, ...problems] });
      case RoseTag.returnResult:
        children = this.returnResult(heads);
        return node(h, 'returnResult', { type: 'ROSE ReturnResult', children: [...children, ...problems] });
      case RoseTag.returnError:
        children = this.returnError(heads);
        return node(h, 'returnError', { type: 'ROSE ReturnError', children: [...children, ...problems] });
      case RoseTag.reject:
        children = this.reject(heads);
        return node(h, 'reject', { type: 'ROSE Reject', children: [...children, ...problems] });
      default:
        return this.raw(h, undefined, 'not a ROSE or ACSE PDU');
    }
  }

  private invokeId(h: Head | undefined): AnnotatedNode[] {
    if (h === undefined) return [];
    if (h.tag === INTEGER_TAG || h.tag === NULL_TAG) return [this.primitiveNode(h, 'invokeId', h.tag === NULL_TAG ? 'NULL (absent)' : undefined)];
    return [this.raw(h, 'invokeId', 'expected INTEGER or NULL')];
  }

  /** `opcode`/`errcode`: the local code with the operation's name, or an OID. */
  private code(h: Head, name: string, describe: (local: number) => string | undefined): { node: AnnotatedNode; local?: number } {
    const r = this.r;
    try {
      if (h.tag === INTEGER_TAG && !h.cons) {
        const local = r.integer(h.start, h.end);
        const known = describe(local);
        return { node: node(h, name, { value: known === undefined ? `${local} (unknown)` : `${local} (${known})` }), local };
      }
      if (h.tag === OID_TAG) {
        this.restore(h);
        return { node: node(h, name, { value: `${OBJECT_IDENTIFIER.decode(r)} (global)` }) };
      }
    } catch (e) {
      return { node: this.raw(h, name, e instanceof Error ? e.message : String(e)) };
    }
    return { node: this.raw(h, name, 'expected INTEGER or OBJECT IDENTIFIER') };
  }

  private invoke(heads: readonly Head[]): AnnotatedNode[] {
    const out = this.invokeId(heads[0]);
    let i = 1;
    const linked = heads[i];
    if (linked !== undefined && (linked.tag === LINKED_PRESENT || linked.tag === LINKED_ABSENT)) {
      out.push(linked.tag === LINKED_PRESENT ? this.primitiveNode(linked, 'linkedId') : node(linked, 'linkedId', { value: 'absent' }));
      i++;
    }
    const opHead = heads[i++];
    if (opHead === undefined) return out;
    const opcode = this.code(opHead, 'opcode', (n) => operationByCode(n)?.name);
    out.push(opcode.node);
    const op = opcode.local === undefined ? undefined : operationByCode(opcode.local);
    const arg = heads[i++];
    if (arg !== undefined) out.push(op === undefined ? this.raw(arg, 'argument') : this.place(op.argument, 'argument', arg));
    for (; i < heads.length; i++) out.push(this.raw(heads[i]!, undefined, 'unexpected after the argument'));
    return out;
  }

  private returnResult(heads: readonly Head[]): AnnotatedNode[] {
    const out = this.invokeId(heads[0]);
    const seq = heads[1];
    if (seq !== undefined) {
      if (seq.tag !== SEQUENCE_TAG || !seq.cons) {
        out.push(this.raw(seq, 'result', 'expected SEQUENCE'));
      } else {
        const { heads: inner, problems } = this.list(seq.start, seq.end);
        const children: AnnotatedNode[] = [];
        let op;
        if (inner[0] !== undefined) {
          const opcode = this.code(inner[0], 'opcode', (n) => operationByCode(n)?.name);
          children.push(opcode.node);
          op = opcode.local === undefined ? undefined : operationByCode(opcode.local);
        }
        if (inner[1] !== undefined) children.push(op?.result === undefined ? this.raw(inner[1], 'result') : this.place(op.result, 'result', inner[1]));
        for (const extra of inner.slice(2)) children.push(this.raw(extra, undefined, 'unexpected after the result'));
        out.push(node(seq, 'result', { children: [...children, ...problems] }));
      }
    }
    for (const extra of heads.slice(2)) out.push(this.raw(extra, undefined, 'unexpected after the result'));
    return out;
  }

  private returnError(heads: readonly Head[]): AnnotatedNode[] {
    const out = this.invokeId(heads[0]);
    if (heads[1] === undefined) return out;
    const errcode = this.code(heads[1], 'errcode', (n) => (n === UNIVERSAL_FAILURE_CODE ? 'universalFailure' : undefined));
    out.push(errcode.node);
    const param = heads[2];
    if (param !== undefined) {
      out.push(errcode.local === UNIVERSAL_FAILURE_CODE ? this.place(UniversalFailure, 'parameter', param) : this.raw(param, 'parameter'));
    }
    for (const extra of heads.slice(3)) out.push(this.raw(extra, undefined, 'unexpected after the parameter'));
    return out;
  }

  private reject(heads: readonly Head[]): AnnotatedNode[] {
    const out = this.invokeId(heads[0]);
    if (heads[1] !== undefined) out.push(this.place(RejectProblem, 'problem', heads[1]));
    for (const extra of heads.slice(2)) out.push(this.raw(extra, undefined, 'unexpected after the problem'));
    return out;
  }

  // ---- schema-driven walk --------------------------------------------------------------------

  /** The node for element `h` decoded as `codec`, named `name`. */
  private place(codec: AnyCodec, name: string, h: Head): AnnotatedNode {
    if (codec.kind === 'choice') {
      const alt =
        codec.alternatives.find((a) => a.codec.firstTags !== null && a.codec.firstTags.includes(h.tag)) ??
        codec.alternatives.find((a) => a.codec.firstTags === null);
      if (alt === undefined) return this.raw(h, name, `no alternative of ${codec.name} has this tag`);
      return this.place(alt.codec, join(name, alt.name), h);
    }
    if (codec.firstTags !== null && !codec.firstTags.includes(h.tag)) {
      return this.raw(h, name, `expected ${codec.name}`);
    }
    const type = typeNameOf(codec);
    if (name === '') name = type ?? (codec.name !== '' ? codec.name : tagName(h.tag));
    switch (codec.kind) {
      case 'explicit': {
        if (!h.cons) return this.raw(h, name, `explicitly tagged ${codec.name} must be constructed`);
        const { heads, problems } = this.list(h.start, h.end);
        const children = heads.map((inner, k) => (k === 0 ? this.place(codec.inner, '', inner) : this.raw(inner, undefined, 'extra element')));
        return node(h, name, { type, children: [...children, ...problems] });
      }
      case 'sequence':
        return this.sequence(codec.fields, name, type, h);
      case 'sequenceOf': {
        if (!h.cons) return this.raw(h, name, `${codec.name} must be constructed`);
        const { heads, problems } = this.list(h.start, h.end);
        const children = heads.map((item, k) => this.place(codec.item, `[${k}]`, item));
        return node(h, name, { type, children: [...children, ...problems] });
      }
      case 'open':
        return node(h, name, { value: this.r.hex(h.hdr, h.next) });
      case 'integer':
      case 'boolean':
      case 'null':
      case 'octetString':
      case 'string':
      case 'utf8String':
      case 'objectIdentifier':
      case 'enumerated':
      case 'bitString':
        return this.primitiveNode(h, name, undefined, codec);
      default: {
        const never: never = codec;
        return this.raw(h, name, `unknown codec kind ${String((never as { kind: unknown }).kind)}`);
      }
    }
  }

  /** SEQUENCE components matched in order, as the generic decoder does; strangers kept raw. */
  private sequence(fields: readonly { name: string; codec: AnyCodec; optional: boolean }[], name: string, type: string | undefined, h: Head): AnnotatedNode {
    if (!h.cons) return this.raw(h, name, 'SEQUENCE must be constructed');
    const { heads, problems } = this.list(h.start, h.end);
    const children: AnnotatedNode[] = [];
    let i = 0;
    for (const child of heads) {
      let match = -1;
      for (let j = i; j < fields.length; j++) {
        const tags = fields[j]!.codec.firstTags;
        if (tags === null || tags.includes(child.tag)) {
          match = j;
          break;
        }
        if (!fields[j]!.optional) break;
      }
      if (match < 0) {
        children.push(this.raw(child));
        continue;
      }
      children.push(this.place(fields[match]!.codec, fields[match]!.name, child));
      i = match + 1;
    }
    for (; i < fields.length; i++) {
      if (!fields[i]!.optional) children.push({ offset: h.end, length: 0, name: `<missing ${fields[i]!.name}>`, unplaced: true, children: [] });
    }
    return node(h, name, { type, children: [...children, ...problems] });
  }

  /** A primitive element's node, its value decoded with `codec` (or read as an INTEGER). */
  private primitiveNode(h: Head, name: string, fixed?: string, codec?: AnyCodec): AnnotatedNode {
    if (fixed !== undefined) return node(h, name, { value: fixed });
    try {
      this.restore(h);
      const value = codec === undefined ? String(this.r.integer(h.start, h.end)) : formatPrimitive(codec, this.r, h.start, h.end);
      return node(h, name, { value });
    } catch (e) {
      this.r.depth = 0;
      return this.raw(h, name, e instanceof Error ? e.message : String(e));
    }
  }
}
