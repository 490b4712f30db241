/**
 * Messages that share a CSTA socket but are not CSTA: Zultys `loginRequest`/`keepalive`/`iq`,
 * Avaya `GetDeviceId`/`RegisterTerminal`, Uni-tel's queue and call-profile services, anything a
 * PBX adds. Each is a typed {@link VendorPdu}: its root's name and namespace, its element tree,
 * and the document as it came, which `encodeXml` writes back unchanged.
 */
import type { InvokeId } from '../rose/pdu.js';
import type { XmlElement } from './parse.js';
import { serialiseElement } from './raw.js';

/** An element of a vendor message: like the parser's tree, without offsets. */
export interface VendorElement {
  /** Local name (prefix removed). */
  readonly name: string;
  /** Prefix as written, if any. */
  readonly prefix?: string;
  /** Attributes by qualified name (namespace declarations included). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly VendorElement[];
  /** Character data directly inside. */
  readonly text: string;
}

/** A well-formed XML message that is not CSTA (see the module comment). */
export interface VendorPdu {
  readonly pdu: 'vendor';
  /** From the framing header (the XML carries none). */
  readonly invokeId: InvokeId;
  /** The root element's local name (`GetDeviceId`, `loginRequest`). */
  readonly root: string;
  /** The root's namespace URI, if any. */
  readonly namespace: string | undefined;
  /** The whole message as a tree. */
  readonly element: VendorElement;
  /**
   * The document exactly as received; `encodeXml` writes it unchanged. A vendor PDU built by an
   * application may leave it out: the element tree is written instead.
   */
  readonly xml?: string;
}

/** The vendor form of a parsed element tree. */
export function vendorElementOf(el: XmlElement): VendorElement {
  const out: { -readonly [K in keyof VendorElement]: VendorElement[K] } = {
    name: el.name,
    attrs: { ...el.attrs },
    children: el.children.map(vendorElementOf),
    text: el.children.length > 0 && /^[ \t\r\n]*$/.test(el.text) ? '' : el.text,
  };
  if (el.prefix !== undefined) out.prefix = el.prefix;
  return out;
}

/**
 * A vendor message an application (or the simulator) sends: the element tree, and its text,
 * serialised once (attribute values and text escaped).
 */
export function vendorPdu(invokeId: InvokeId, element: VendorElement, namespace?: string): VendorPdu {
  return { pdu: 'vendor', invokeId, root: element.name, namespace, element, xml: serialiseElement(asXmlElement(element)) };
}

/** A vendor element of text children: `<name attrs><k>v</k>…</name>` (or `<name attrs>text</name>`). */
export function vendorElement(name: string, attrs: Readonly<Record<string, string>> = {}, children: readonly (readonly [string, string])[] = [], text = ''): VendorElement {
  return { name, attrs, children: children.map(([n, t]) => ({ name: n, attrs: {}, children: [], text: t })), text };
}

/** The parser's element type from a vendor element (offsets 0), to serialise it. */
export function asXmlElement(v: VendorElement): XmlElement {
  return { name: v.name, prefix: v.prefix, attrs: v.attrs, children: v.children.map(asXmlElement), text: v.text, offset: 0 };
}
