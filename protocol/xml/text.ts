/**
 * XML character data: escaping on the way out, reference expansion on the way in. Only the five
 * predefined entities and numeric character references exist here; the parser is run with its
 * own entity processing off (and DTDs are refused), so nothing else can ever expand.
 */

/** Characters XML 1.0 cannot carry at all (C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\r\n\t]/;

/** True if `s` can be written as XML 1.0 character data. */
export function isXmlSafe(s: string): boolean {
  return !INVALID_CHAR.test(s);
}

/** Escapes element text: `& < >`, and CR as `&#13;` so it survives end-of-line normalisation. */
export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (double-quoted), including the whitespace normalised on read. */
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"\r\n\t]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\r':
        return '&#13;';
      case '\n':
        return '&#10;';
      default:
        return '&#9;';
    }
  });
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Expands references in raw character data. Returns the expanded string, or the index (within
 * `raw`) of the first reference that is not one of the five predefined entities or a valid
 * numeric character reference.
 */
export function expandReferences(raw: string): string | { readonly badAt: number } {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) return { badAt: amp };
    const name = raw.slice(amp + 1, semi);
    let rep: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78; /* x */
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return { badAt: amp };
      const cp = parseInt(digits, hex ? 16 : 10);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { badAt: amp };
      rep = String.fromCodePoint(cp);
      if (!isXmlSafe(rep)) return { badAt: amp };
    } else {
      rep = PREDEFINED[name];
      if (rep === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, name)) return { badAt: amp };
    }
    out += raw.slice(last, amp) + rep;
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

const HEX_TEXT = /^(?:[0-9a-fA-F]{2})*$/;

/** Normalises hex text (whitespace stripped, lower case); undefined if it is not an even run of hex digits. */
export function parseHex(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  return HEX_TEXT.test(t) ? t.toLowerCase() : undefined;
}
