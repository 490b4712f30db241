/**
 * NATS subjects of a CTI link, and the escaping that makes any device, agent or link name one
 * subject token.
 *
 * NATS subjects are tokens separated by `.`; `*` and `>` are wildcards and whitespace ends a
 * subject, so a token may contain none of them (NATS "Subject-Based Messaging": "subject names are
 * case-sensitive and must be non-empty alphanumeric strings with no embedded whitespace"; `.`,
 * `*`, `>` are reserved). Device identifiers can hold all of these (`sip:2000@pbx.example`,
 * `Queue *1`), so every token is escaped: `A-Z a-z 0-9 - _ +` pass as they are, every other UTF-8
 * byte becomes `%XX` (upper-case hex), and the empty string is the lone `%`. The escape is
 * injective and reversible ({@link unescapeToken}).
 *
 * Subject layout (link `L`, every part escaped; token counts keep events and requests apart, so
 * the event stream's filters `csta.L.*.*` and `pega.L.*` never capture a request):
 * - `csta.L.<device>.<event>`: a CSTA event report at a monitored device (4 tokens);
 * - `pega.L.<agent>`: an OpenCTI event for a logged-in agent (3 tokens);
 * - `pega.L.req.<agent>`: a Pega request for an agent, answered with a PegaResult (4 tokens);
 * - `pega.L.ctl.status`: which instance holds the PBX association (4 tokens).
 */
import { Buffer } from 'node:buffer';
import { NatsLinkError, NatsLinkErrorCode } from './errors.js';

/** Longest name (in characters, before escaping) accepted as one token: device ids and agent ids are short. */
export const MAX_TOKEN_CHARS = 256;

const PLAIN = /^[A-Za-z0-9_+-]$/;

/** Escapes one name into a NATS subject token (see the file header). */
export function escapeToken(name: string): string {
  if (name.length > MAX_TOKEN_CHARS) throw new NatsLinkError(NatsLinkErrorCode.BadToken, `subject token of ${name.length} characters (at most ${MAX_TOKEN_CHARS})`, MAX_TOKEN_CHARS);
  if (name === '') return '%';
  let out = '';
  for (const ch of name) {
    if (PLAIN.test(ch)) {
      out += ch;
      continue;
    }
    for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Reverses {@link escapeToken}; a malformed escape is a {@link NatsLinkError} (BAD_ESCAPE) with its offset. */
export function unescapeToken(token: string): string {
  if (token === '%') return '';
  const bytes: number[] = [];
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    if (ch === '%') {
      const hex = token.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new NatsLinkError(NatsLinkErrorCode.BadEscape, `bad escape at ${i} in subject token ${JSON.stringify(token)}`, i);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (PLAIN.test(ch)) {
      bytes.push(ch.charCodeAt(0));
    } else {
      throw new NatsLinkError(NatsLinkErrorCode.BadEscape, `character ${JSON.stringify(ch)} at ${i} cannot appear in an escaped token`, i);
    }
  }
  const text = Buffer.from(bytes).toString('utf8');
  if (escapeToken(text) !== token) throw new NatsLinkError(NatsLinkErrorCode.BadEscape, `subject token ${JSON.stringify(token)} is not in canonical escaped form`, 0);
  return text;
}

/** The subjects of one link; every method escapes its arguments. */
export class LinkSubjects {
  /** The link name, escaped. */
  readonly link: string;
  constructor(linkName: string) {
    this.link = escapeToken(linkName);
  }
  /** `csta.L.<device>.<event>`. */
  cstaEvent(device: string, eventType: string): string {
    return `csta.${this.link}.${escapeToken(device)}.${escapeToken(eventType)}`;
  }
  /** `pega.L.<agent>`. */
  pegaEvent(agentId: string): string {
    return `pega.${this.link}.${escapeToken(agentId)}`;
  }
  /** `pega.L.req.<agent>`. */
  pegaRequest(agentId: string): string {
    return `pega.${this.link}.req.${escapeToken(agentId)}`;
  }
  /** Every Pega request subject of the link (`pega.L.req.*`), for the responder. */
  get pegaRequests(): string {
    return `pega.${this.link}.req.*`;
  }
  /** `pega.L.ctl.status`. */
  get status(): string {
    return `pega.${this.link}.ctl.status`;
  }
  /** Every CSTA event of the link (`csta.L.*.*`), or of one device (`csta.L.<device>.*`). */
  cstaEvents(device?: string): string {
    return `csta.${this.link}.${device === undefined ? '*' : escapeToken(device)}.*`;
  }
  /** Every Pega event of the link (`pega.L.*`). */
  get pegaEvents(): string {
    return `pega.${this.link}.*`;
  }
}

/** What an event subject of the layout names, or undefined for a subject outside it. */
export type ParsedSubject =
  | { readonly kind: 'csta'; readonly link: string; readonly device: string; readonly event: string }
  | { readonly kind: 'pega'; readonly link: string; readonly agentId: string }
  | { readonly kind: 'pegaRequest'; readonly link: string; readonly agentId: string };

/** Parses a subject of the layout back into names (unescaped); undefined when it is not one, BAD_ESCAPE when a token is malformed. */
export function parseSubject(subject: string): ParsedSubject | undefined {
  const t = subject.split('.');
  if (t[0] === 'csta' && t.length === 4) return { kind: 'csta', link: unescapeToken(t[1]!), device: unescapeToken(t[2]!), event: unescapeToken(t[3]!) };
  if (t[0] === 'pega' && t.length === 3) return { kind: 'pega', link: unescapeToken(t[1]!), agentId: unescapeToken(t[2]!) };
  if (t[0] === 'pega' && t.length === 4 && t[2] === 'req') return { kind: 'pegaRequest', link: unescapeToken(t[1]!), agentId: unescapeToken(t[3]!) };
  return undefined;
}
