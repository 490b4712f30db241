/**
 * Hex text → bytes, for the `csta decode` inputs people paste: a bare hex string (`a11a0201...`,
 * Wireshark "copy as hex stream"), spaced bytes (`a1 1a 02 01`), and hex dumps with an offset
 * column and an ASCII column (Wireshark "copy as hex dump", `hexdump -C`, `xxd`, text2pcap input
 * with `I`/`O` direction markers) and colon-separated bytes (`a1:1a:02`). Anything after `--` on
 * a line, and any line starting with `#`, is a comment.
 */
import { Buffer } from 'node:buffer';
import { DecodeError, DecodeErrorCode } from '../../protocol/errors.js';

const HEX_RUN = /^(?:[0-9a-fA-F]{2})+$/;
const OFFSET_TOKEN = /^[0-9a-fA-F]{4,8}:?$/;
const DIRECTION_MARK = /^[IO]$/;

interface DumpLine {
  /** 1-based line number in the input, for error messages. */
  readonly lineNo: number;
  /** Value of the offset column, when the line has one. */
  readonly offset: number | undefined;
  /** Whitespace-separated tokens after the offset column (and direction marker). */
  readonly tokens: readonly string[];
  /** xxd style (`00000010: a11a 0201 ...`): bytes come in groups of two. */
  readonly grouped: boolean;
}

/** Removes `--` and `#` comments (a whole line starting with `#`, or ` -- ...` anywhere). */
function stripComment(line: string): string {
  const dash = line.indexOf('--');
  const cut = dash >= 0 ? line.slice(0, dash) : line;
  return cut.trimStart().startsWith('#') ? '' : cut;
}

/**
 * Decides whether the first token of a line is an offset column: it ends with `:` (xxd), or it
 * is 4 to 8 hex digits followed by byte tokens of 2 digits (Wireshark, hexdump, text2pcap).
 */
function splitLine(raw: string, lineNo: number): DumpLine | undefined {
  let tokens = stripComment(raw).trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  if (DIRECTION_MARK.test(tokens[0]!)) tokens = tokens.slice(1);
  if (tokens.length === 0) return undefined;
  const first = tokens[0]!;
  const second = tokens[1];
  const looksLikeOffset =
    OFFSET_TOKEN.test(first) && (first.endsWith(':') || (first.length > 2 && second !== undefined && /^[0-9a-fA-F]{2}$/.test(second)));
  if (looksLikeOffset) return { lineNo, offset: parseInt(first.replace(':', ''), 16), tokens: tokens.slice(1), grouped: first.endsWith(':') };
  return { lineNo, offset: undefined, tokens, grouped: false };
}

/**
 * The leading run of byte tokens of a dump line: single bytes (`a1`), or groups of two for xxd
 * (`a11a`, a last odd byte alone). The ASCII column, or `|...|`, ends it.
 */
function leadingBytes(line: DumpLine): string {
  let hex = '';
  for (const t of line.tokens) {
    if (!(t.length === 2 || (line.grouped && t.length === 4)) || !HEX_RUN.test(t)) break;
    hex += t;
  }
  return hex;
}

/**
 * Parses hex text in any of the forms in the module comment. Throws a `BAD_SYNTAX`
 * {@link DecodeError} (offset = 1-based line number) when the text holds no bytes or a line
 * without an offset column has something that is not hex.
 */
export function parseHexText(text: string): Buffer {
  const rawLines = text.split(/\r?\n/);
  const lines = rawLines
    .map((l, i) => splitLine(l, i + 1))
    .filter((l): l is DumpLine => l !== undefined);
  const parts: Buffer[] = [];
  let dumpWidth = Infinity; // bytes per line of the current dump, once a line has shown it
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.offset === undefined && lines[i - 1]?.offset !== undefined && line.tokens.length === 1 && OFFSET_TOKEN.test(line.tokens[0]!)) {
      continue; // `hexdump -C` ends with the total length alone on a line
    }
    if (line.offset === undefined) {
      const problem = hexLineProblem(rawLines[line.lineNo - 1] ?? '');
      if (problem !== undefined) {
        const where = rawLines.length > 1 ? `line ${line.lineNo}, ` : '';
        throw new DecodeError(DecodeErrorCode.BadSyntax, line.lineNo, `${problem.replace(/at column/, `at ${where}column`)}`);
      }
      const hex = line.tokens
        .map((t) => t.replace(/^0x/i, ''))
        .join('')
        .replace(/:/g, '');
      if (!HEX_RUN.test(hex)) {
        throw new DecodeError(DecodeErrorCode.BadSyntax, line.lineNo, `line ${line.lineNo} is not hex: ${JSON.stringify(line.tokens.join(' ').slice(0, 40))}`);
      }
      parts.push(Buffer.from(hex, 'hex'));
      continue;
    }
    // Dump line: the next offset, when it continues this dump, says how many bytes this line
    // holds; the last line of a dump holds at most as many as the lines before it. The ASCII
    // column (not byte tokens) ends the bytes too.
    const nextOffset = lines[i + 1]?.offset;
    const continues = nextOffset !== undefined && nextOffset > line.offset;
    const width = continues ? nextOffset - line.offset : dumpWidth;
    const bytes = Buffer.from(leadingBytes(line), 'hex');
    parts.push(bytes.subarray(0, Math.min(bytes.length, width)));
    dumpWidth = continues ? width : Infinity;
  }
  const out = Buffer.concat(parts);
  if (out.length === 0) throw new DecodeError(DecodeErrorCode.BadSyntax, 0, 'no hex bytes found');
  return out;
}

/**
 * What is wrong with a line of plain hex (no offset column), with the 1-based column:
 * `unexpected "g" at column 5` or `odd number of hex digits at column 17` (the digit without a
 * pair). Spaces, colons and `0x` prefixes are allowed between bytes; comments are skipped.
 */
export function hexLineProblem(raw: string): string | undefined {
  const line = stripComment(raw);
  let digits = 0;
  let lastDigit = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (/\s|:/.test(ch)) continue;
    if (ch === '0' && /[xX]/.test(line[i + 1] ?? '') && (i === 0 || /\s|:/.test(line[i - 1]!)) && digits % 2 === 0) {
      i++;
      continue;
    }
    if (!/[0-9a-fA-F]/.test(ch)) return `unexpected ${JSON.stringify(ch)} at column ${i + 1}`;
    digits++;
    lastDigit = i + 1;
  }
  return digits % 2 === 1 ? `odd number of hex digits at column ${lastDigit} (${digits} digits: the last has no pair)` : undefined;
}

/**
 * True when `bytes` is text that could be a hex dump: no control bytes but tab, CR and LF (bytes
 * from 0x80 are allowed, for UTF-8 in comments). BER always has control bytes (its lengths and
 * small INTEGERs), so a binary frame never passes.
 */
export function looksLikeHexText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) {
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20 || b === 0x7f) return false;
  }
  return true;
}
