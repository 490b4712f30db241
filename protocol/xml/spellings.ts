/**
 * ECMA-323's own spellings. The ECMA-323 schemas name a few things differently from the ASN.1 of
 * ECMA-285, and some of those names are misspelt in the standard itself (seen unchanged in classes
 * generated from the ed3 and ed6 XSDs, and on the wire from OpenScape Voice and Uni-tel). These
 * are the standard's names, so they are what this codec writes, in every edition; decoding
 * accepts both spellings, and any letter case.
 */

/** Root elements: event type name as ECMA-323 spells it. */
export const ROOT_SPELLINGS: Readonly<Record<string, string>> = {
  TransferredEvent: 'TransferedEvent',
};

/** Element names: ASN.1 identifier → ECMA-323 element name. */
export const ELEMENT_SPELLINGS: Readonly<Record<string, string>> = {
  crossRefIdentifier: 'monitorCrossRefID',
  mediaAttachmentServices: 'mediaAttachementServices',
  systemResourceAvailability: 'systemResourceAvailibility',
};

/**
 * Names read as another component (vendors' variants, never written): lower-case key → the
 * ASN.1 identifier. OpenScape Voice writes `voiceServices` in ServicesPermitted for ECMA-285's
 * `voiceUnitServices`.
 */
export const ELEMENT_ALIASES: Readonly<Record<string, string>> = {
  voiceservices: 'voiceUnitServices',
};

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The element name ECMA-323 gives an ASN.1 component or alternative. */
export function xmlElementName(asn1Name: string): string {
  return own(ELEMENT_SPELLINGS, asn1Name) ?? asn1Name;
}

/** The root element ECMA-323 gives a message. */
export function xmlRootName(name: string): string {
  return own(ROOT_SPELLINGS, name) ?? name;
}

/** Names already lowered, so the same element names (message after message) are not lowered again. */
const keys = new Map<string, string>();
/** Bound of `keys`: the schema's names are a few thousand; a peer's made-up names go uncached past it. */
const MAX_CACHED_KEYS = 8192;

/** Key used to look an element name up: letter case does not matter (`SnapShotDevice`, `callId`). */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.toLowerCase();
    if (keys.size < MAX_CACHED_KEYS) keys.set(name, key);
  }
  return key;
}
