/**
 * ECMA-323's simplified forms, as a table of per-type mappings keyed by codec name. Everything not
 * listed here is written generically from the schema (to-xml.ts / from-xml.ts).
 *
 * - `DeviceID`: the identifier is the element's text; the CHOICE alternative is the
 *   `typeOfNumber` attribute (absent = `dialingNumber`; `explicitPublic:international` and
 *   the like for the TON choices); `mediaCallCharacteristics` components become attributes
 *   (`mediaClass="voice data"`, `bitRate="constant"`, ...); `privateNumber` / `privateName`
 *   become attributes of the same names.
 *   `<callingDevice typeOfNumber="deviceNumber">2000</callingDevice>`
 * - `ConnectionID`: no `both` wrapper: `<callID>` and/or `<deviceID>` (a static DeviceID, in the
 *   DeviceID form above) or `<dynamicID>` (hex) directly inside the element.
 */
import { DecodeError, DecodeErrorCode } from '../errors.js';
import type { AnyCodec, ChoiceCodec, SequenceCodec } from '../schema/index.js';
import { unwrap, withPath } from './context.js';
import { nameKey } from './spellings.js';
import type { XmlDecoder, XmlElementDecoder, XmlEncoder, XmlTypeMapping } from './context.js';
import { badValue, encodeBad, leafFromText, leafToText } from './leaf.js';
import type { XmlElement } from './parse.js';
import type { XmlAttributes } from './writer.js';

type Loose = Record<string, unknown>;

function fieldCodec(seq: SequenceCodec<unknown>, name: string): AnyCodec | undefined {
  const f = seq.fields.find((x) => x.name === name);
  return f === undefined ? undefined : unwrap(f.codec);
}

function alternativeCodec(ch: ChoiceCodec<unknown>, name: string): AnyCodec | undefined {
  const a = ch.alternatives.find((x) => x.name === name);
  return a === undefined ? undefined : unwrap(a.codec);
}

function single(v: unknown, what: string): [string, unknown] {
  if (typeof v !== 'object' || v === null) throw encodeBad(`${what} needs a single-key object`);
  const keys = Object.keys(v);
  if (keys.length !== 1) throw encodeBad(`${what} needs exactly one alternative`);
  const k = keys[0]!;
  if (k === '$unknown') throw encodeBad(`${what}: an unknown alternative cannot be written as ECMA-323 XML`);
  return [k, (v as Loose)[k]];
}

// ---- DeviceID ----------------------------------------------------------------------------------

/**
 * The identifier text of a non-TON alternative. `other` (OCTET STRING) follows the one rule for
 * OCTET STRINGs (docs/xml.md, "Identifiers"): the text is the value, unchanged both ways
 * (`ext:switchconn:switch:0` from Avaya stays that; octets from BER stay their hex).
 */
function idText(codec: AnyCodec, v: unknown): string {
  return leafToText(codec, v);
}

function idFromText(codec: AnyCodec, text: string, offset: number): unknown {
  return leafFromText(codec, text, offset);
}

const DEVICE_ATTRIBUTE_FIELDS = ['privateNumber', 'privateName'] as const;

/** Attributes a DeviceID element may carry: its own fields and the mediaCallCharacteristics components. */
const KNOWN_DEVICE_ATTRIBUTES = new Set<string>([
  ...DEVICE_ATTRIBUTE_FIELDS,
  'mediaClass', 'connectionRate', 'bitRate', 'delayTolerance', 'switchingSubDomainCCIEType', 'switchingSubDomainInformationElements',
]);

const deviceID: XmlTypeMapping = {
  kind: 'sequence',
  encode(enc, codec, value, name) {
    const seq = codec as SequenceCodec<unknown>;
    if (typeof value !== 'object' || value === null) throw encodeBad('DeviceID needs an object');
    const v = value as Loose;
    if (v.$unknown !== undefined) throw encodeBad('DeviceID: unknown components cannot be written as ECMA-323 XML');
    const kept = typeof v.$attrs === 'object' && v.$attrs !== null ? (v.$attrs as Loose) : undefined;
    const idChoice = fieldCodec(seq, 'deviceIdentifier') as ChoiceCodec<unknown>;
    const [alt, x] = single(v.deviceIdentifier, 'DeviceID.deviceIdentifier');
    const altCodec = alternativeCodec(idChoice, alt);
    if (altCodec === undefined) throw encodeBad(`DeviceID has no identifier form ${alt}`);
    const attrs: [string, string][] = [];
    let text: string;
    if (altCodec.kind === 'choice') {
      const [ton, digits] = single(x, `DeviceID.${alt}`);
      const tonCodec = alternativeCodec(altCodec, ton);
      if (tonCodec === undefined) throw encodeBad(`DeviceID.${alt} has no alternative ${ton}`);
      attrs.push(['typeOfNumber', `${alt}:${ton}`]);
      text = leafToText(tonCodec, digits);
    } else {
      if (alt !== 'dialingNumber') attrs.push(['typeOfNumber', alt]);
      else if (typeof kept?.typeOfNumber === 'string') attrs.push(['typeOfNumber', kept.typeOfNumber]);
      text = idText(altCodec, x);
    }
    if (kept !== undefined) for (const k in kept) if (k !== 'typeOfNumber' && typeof kept[k] === 'string') attrs.push([k, kept[k] as string]);
    for (const f of DEVICE_ATTRIBUTE_FIELDS) {
      const fc = fieldCodec(seq, f);
      if (fc !== undefined && v[f] !== undefined) attrs.push([f, leafToText(fc, v[f])]);
    }
    const mcc = fieldCodec(seq, 'mediaCallCharacteristics');
    const mv = v.mediaCallCharacteristics;
    if (mcc !== undefined && mcc.kind === 'sequence' && mv !== undefined) {
      if (typeof mv !== 'object' || mv === null || (mv as Loose).$unknown !== undefined) throw encodeBad('DeviceID.mediaCallCharacteristics cannot be written');
      for (const f of mcc.fields) {
        const fv = (mv as Loose)[f.name];
        if (fv !== undefined) attrs.push([f.name, leafToText(unwrap(f.codec), fv)]);
      }
    }
    enc.w.leaf(name, text, attrs as XmlAttributes);
  },
  reader(codec) {
    const seq = codec as SequenceCodec<unknown>;
    const idChoice = fieldCodec(seq, 'deviceIdentifier') as ChoiceCodec<unknown>;
    const alternatives = new Map(idChoice.alternatives.map((a) => [a.name, unwrap(a.codec)] as const));
    const attributeFields = DEVICE_ATTRIBUTE_FIELDS.map((f) => [f, fieldCodec(seq, f)] as const).filter((x): x is readonly [(typeof DEVICE_ATTRIBUTE_FIELDS)[number], AnyCodec] => x[1] !== undefined);
    const mcc = fieldCodec(seq, 'mediaCallCharacteristics');
    const mediaFields = mcc !== undefined && mcc.kind === 'sequence' ? mcc.fields.map((f) => ({ name: f.name, codec: unwrap(f.codec), optional: f.optional })) : undefined;
    const read = (dec: XmlDecoder, el: XmlElement): unknown => {
      if (el.children.length > 0) {
        // A DeviceID written inside a <deviceIdentifier> wrapper, as in a SubjectDeviceID (OpenScape).
        const only = el.children[0]!;
        if (!dec.strict && el.children.length === 1 && only.name === 'deviceIdentifier' && only.children.length === 0 && el.text.trim() === '') {
          dec.warn(el.offset, `<${el.name}> is a DeviceID: read through its <deviceIdentifier> wrapper`);
          return read(dec, only);
        }
        throw badValue(el.children[0]!.offset, `<${el.name}> is a DeviceID: text only, no child elements`);
      }
      const attrs = el.attrs;
      let ton = attrs.typeOfNumber ?? 'dialingNumber';
      let keptAttrs: Loose | undefined;
      let colon = ton.indexOf(':');
      let alt = colon < 0 ? ton : ton.slice(0, colon);
      let altCodec = alternatives.get(alt);
      if (altCodec === undefined && !dec.strict) {
        // Vendors' own values (Zultys: typeOfNumber="deviceID"): the text is the dialling number,
        // the attribute is kept so it is written back.
        dec.warn(el.offset, `typeOfNumber ${JSON.stringify(ton)} read as dialingNumber`);
        keptAttrs = { typeOfNumber: ton };
        ton = 'dialingNumber';
        colon = -1;
        alt = ton;
        altCodec = alternatives.get(alt);
      }
      if (altCodec === undefined) throw badValue(el.offset, `unknown typeOfNumber ${JSON.stringify(ton)}`);
      let id: unknown;
      if (altCodec.kind === 'choice') {
        const sub = colon < 0 ? '' : ton.slice(colon + 1);
        const subCodec = alternativeCodec(altCodec, sub);
        if (subCodec === undefined) throw badValue(el.offset, `typeOfNumber ${JSON.stringify(ton)} needs one of ${altCodec.alternatives.map((a) => `${alt}:${a.name}`).join(', ')}`);
        id = { [sub]: leafFromText(subCodec, el.text, el.offset) };
      } else {
        if (colon >= 0) throw badValue(el.offset, `unknown typeOfNumber ${JSON.stringify(ton)}`);
        id = idFromText(altCodec, el.text, el.offset);
      }
      const out: Loose = { deviceIdentifier: alt === 'dialingNumber' ? { dialingNumber: id } : { [alt]: id } };
      let any = false;
      for (const k in attrs) {
        any = true;
        if (k === 'typeOfNumber' || KNOWN_DEVICE_ATTRIBUTES.has(k) || k.startsWith('xmlns')) continue;
        if (dec.strict) throw badValue(el.offset, `unknown attribute ${k} on a DeviceID`);
        (keptAttrs ??= {})[k] = attrs[k];
      }
      if (keptAttrs !== undefined) out.$attrs = keptAttrs;
      if (!any) return out; // no attributes: nothing more to read (most DeviceIDs)
      for (const [f, fc] of attributeFields) {
        const a = attrs[f];
        if (a !== undefined) out[f] = leafFromText(fc, a, el.offset);
      }
      if (mediaFields !== undefined) {
        let m: Loose | undefined;
        for (const f of mediaFields) {
          const a = attrs[f.name];
          if (a === undefined) continue;
          m ??= {};
          m[f.name] = leafFromText(f.codec, a, el.offset);
        }
        if (m !== undefined) {
          // mediaClass is mandatory in ASN.1 but optional as an ECMA-323 attribute: absent = no bits.
          const ordered: Loose = {};
          for (const f of mediaFields) {
            const fv = m[f.name] ?? (!f.optional && f.codec.kind === 'bitString' ? [] : undefined);
            if (fv !== undefined) ordered[f.name] = fv;
          }
          out.mediaCallCharacteristics = ordered;
        }
      }
      return out;
    };
    return read;
  },
};

// ---- ConnectionID ------------------------------------------------------------------------------

interface ConnectionParts {
  readonly callID: AnyCodec;
  readonly local: ChoiceCodec<unknown>;
}

function connectionParts(ch: ChoiceCodec<unknown>): ConnectionParts {
  const callID = alternativeCodec(ch, 'callID');
  const local = alternativeCodec(ch, 'deviceID');
  if (callID === undefined || local === undefined || local.kind !== 'choice') throw new Error('schema error: ConnectionID mapping needs callID and deviceID');
  return { callID, local };
}

function writeLocalDevice(enc: XmlEncoder, local: ChoiceCodec<unknown>, v: unknown): void {
  const [alt, x] = single(v, 'LocalDeviceID');
  const c = local.alternatives.find((a) => a.name === alt)?.codec;
  if (c === undefined) throw encodeBad(`LocalDeviceID has no alternative ${alt}`);
  // staticID is written as <deviceID>, dynamicID as <dynamicID>.
  enc.element(c, x, alt === 'staticID' ? 'deviceID' : alt);
}

/** The readers of LocalDeviceID's alternatives by element name (`<deviceID>` is staticID). */
function localDeviceReader(local: ChoiceCodec<unknown>, nested: (codec: AnyCodec) => XmlElementDecoder): (dec: XmlDecoder, el: XmlElement, key: string) => unknown {
  const codecOf = (name: string): AnyCodec | undefined => local.alternatives.find((a) => a.name === name)?.codec;
  const staticCodec = codecOf('staticID');
  const dynamicCodec = codecOf('dynamicID');
  const staticID = staticCodec === undefined ? undefined : nested(staticCodec);
  const dynamicID = dynamicCodec === undefined ? undefined : nested(dynamicCodec);
  return (dec, el, key) => {
    const alt = key === 'deviceid' || key === 'staticid' ? 'staticID' : key === 'dynamicid' ? 'dynamicID' : el.name;
    const read = alt === 'staticID' ? staticID : alt === 'dynamicID' ? dynamicID : undefined;
    const c = read === undefined ? codecOf(alt) : undefined;
    if (read === undefined && c === undefined) throw badValue(el.offset, `<${el.name}> is not a LocalDeviceID`);
    try {
      if (read !== undefined) return alt === 'staticID' ? { staticID: read(dec, el) } : { dynamicID: read(dec, el) };
      return { [alt]: dec.value(c!, el) };
    } catch (e) {
      throw withPath(e, `ConnectionID.${el.name}`);
    }
  };
}

const connectionID: XmlTypeMapping = {
  kind: 'choice',
  encode(enc, codec, value, name) {
    const { callID, local } = connectionParts(codec as ChoiceCodec<unknown>);
    const [alt, x] = single(value, 'ConnectionID');
    enc.w.open(name);
    if (alt === 'callID') {
      enc.w.leaf('callID', leafToText(callID, x));
    } else if (alt === 'deviceID') {
      writeLocalDevice(enc, local, x);
    } else if (alt === 'both') {
      if (typeof x !== 'object' || x === null || (x as Loose).$unknown !== undefined) throw encodeBad('ConnectionID.both cannot be written');
      const b = x as Loose;
      enc.w.leaf('callID', leafToText(callID, b.callID));
      writeLocalDevice(enc, local, b.deviceID);
    } else {
      throw encodeBad(`ConnectionID has no alternative ${alt}`);
    }
    enc.w.close();
  },
  reader(codec, nested) {
    const { callID, local } = connectionParts(codec as ChoiceCodec<unknown>);
    const readLocal = localDeviceReader(local, nested);
    return (dec, el) => {
      let call: unknown;
      let device: unknown;
      for (const child of el.children) {
        const name = child.name;
        const key = name === 'callID' ? 'callid' : name === 'deviceID' ? 'deviceid' : nameKey(name);
        if (key === 'callid') {
          if (call !== undefined) throw badValue(child.offset, 'ConnectionID has two <callID>');
          if (child.children.length > 0) throw badValue(child.offset, '<callID> is text only');
          call = leafFromText(callID, child.text, child.offset);
        } else if (key !== 'deviceid' && key !== 'staticid' && key !== 'dynamicid' && !dec.strict) {
          dec.warn(child.offset, `<${child.name}> ignored: not part of a ConnectionID`);
        } else {
          if (device !== undefined) throw badValue(child.offset, 'ConnectionID has two device identifiers');
          device = readLocal(dec, child, key);
        }
      }
      if (call !== undefined && device !== undefined) return { both: { callID: call, deviceID: device } };
      if (call !== undefined) return { callID: call };
      if (device !== undefined) return { deviceID: device };
      throw new DecodeError(DecodeErrorCode.MissingField, el.offset, `<${el.name}> (ConnectionID) needs <callID> and/or <deviceID>`);
    };
  },
};

/** The table: codec name → mapping (applied only when the codec's kind matches too). */
const MAPPINGS: ReadonlyMap<string, XmlTypeMapping> = new Map([
  ['DeviceID', deviceID],
  ['ConnectionID', connectionID],
]);

/** The mapping for a codec (EXPLICIT wrappers already stripped), if ECMA-323 simplifies its type. */
export function mappingFor(codec: AnyCodec): XmlTypeMapping | undefined {
  const m = MAPPINGS.get(codec.name);
  return m !== undefined && m.kind === codec.kind ? m : undefined;
}
