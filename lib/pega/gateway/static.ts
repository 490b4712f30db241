/**
 * Serves the gateway's public files from a fixed table, read once: the demo toolbar and the
 * OpenCTI adapter bundles. The request path is only ever compared with the table's keys and never
 * joined to a directory, so no URL can reach any other file (no path traversal by construction).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

/** One public file: its name in the public directory, content type, and whether it may be absent. */
export interface PublicFile {
  readonly file: string;
  readonly type: string;
  /**
   * Built files (the adapter bundles, made by `npm run build` or the test setup): when absent from
   * the directory the path is simply not served.
   */
  readonly optional?: boolean;
  /** A script other origins load (Pega's page): sent with CORS headers, so `<script type="module">` works cross-origin. */
  readonly crossOrigin?: boolean;
}

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

/** The public files: URL path → file. */
export const PUBLIC_FILES: Readonly<Record<string, PublicFile>> = {
  '/': { file: 'toolbar.html', type: HTML },
  '/toolbar': { file: 'toolbar.html', type: HTML },
  '/toolbar.html': { file: 'toolbar.html', type: HTML },
  '/toolbar.js': { file: 'toolbar.js', type: JS },
  '/opencti.js': { file: 'opencti.js', type: JS, optional: true, crossOrigin: true },
  '/opencti.classic.js': { file: 'opencti.classic.js', type: JS, optional: true, crossOrigin: true },
};

/**
 * The directory holding the public files: `./public` next to this module (from source, and in a
 * build, where `npm run build` copies it to dist/); the source tree's copy as a fallback for a
 * bare `tsc` build.
 */
export function defaultPublicDir(): string {
  const candidates = [new URL('./public/', import.meta.url), new URL('../../../../lib/pega/gateway/public/', import.meta.url)].map((u) => fileURLToPath(u));
  return candidates.find((dir) => existsSync(path.join(dir, 'toolbar.html'))) ?? candidates[0]!;
}

/** Checks that each entry is a bare origin (`scheme://host[:port]`), as CSP and the Origin header spell it. */
export function checkOrigins(origins: readonly string[]): void {
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
      throw new TypeError(`allowedOrigins: ${JSON.stringify(origin)} is not an origin such as "https://pega.example.com"`);
    }
  }
}

/**
 * Headers on every static response: no sniffing, scripts and sockets from this origin only, and
 * framing by the allowed origins only. `X-Frame-Options` cannot name origins (its ALLOW-FROM is
 * obsolete and ignored by current browsers), so it is sent as DENY only when no origin may frame;
 * with origins configured, CSP `frame-ancestors` alone says who may.
 */
export function securityHeaders(allowedOrigins: readonly string[] | undefined): Readonly<Record<string, string>> {
  const ancestors = allowedOrigins === undefined || allowedOrigins.length === 0 ? "'none'" : allowedOrigins.join(' ');
  return {
    'X-Content-Type-Options': 'nosniff',
    ...(ancestors === "'none'" ? { 'X-Frame-Options': 'DENY' } : {}),
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'none'`,
  };
}

type Loaded = { readonly body: Buffer; readonly entry: PublicFile };

/** Static file handler for the gateway's HTTP server. */
export class StaticFiles {
  private readonly files = new Map<string, Loaded>();
  private readonly headers: Readonly<Record<string, string>>;
  private readonly allowedOrigins: readonly string[] | undefined;

  private constructor(allowedOrigins: readonly string[] | undefined) {
    this.allowedOrigins = allowedOrigins;
    this.headers = securityHeaders(allowedOrigins);
  }

  /** Reads the public files from `dir`. Rejects if a required one is missing. */
  static async load(dir: string = defaultPublicDir(), allowedOrigins?: readonly string[]): Promise<StaticFiles> {
    if (allowedOrigins !== undefined) checkOrigins(allowedOrigins);
    const files = new StaticFiles(allowedOrigins === undefined ? undefined : [...allowedOrigins]);
    const cache = new Map<string, Buffer>();
    for (const [urlPath, entry] of Object.entries(PUBLIC_FILES)) {
      let body = cache.get(entry.file);
      if (body === undefined) {
        const full = path.join(dir, entry.file);
        if (entry.optional === true && !existsSync(full)) continue;
        body = await readFile(full);
        cache.set(entry.file, body);
      }
      files.files.set(urlPath, { body, entry });
    }
    return files;
  }

  /** The URL paths served. */
  get paths(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Answers a request for a public file (200, or 405 for a method other than GET/HEAD) and returns
   * true; returns false without answering when `pathname` is not a public file.
   */
  handle(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
    const file = this.files.get(pathname);
    if (file === undefined) return false;
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { ...this.headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('method not allowed\n');
      return true;
    }
    response.writeHead(200, { ...this.headers, ...this.cors(request, file.entry), 'Content-Type': file.entry.type, 'Content-Length': String(file.body.length) });
    response.end(method === 'HEAD' ? undefined : file.body);
    return true;
  }

  /** CORS for the adapter bundles: any origin when none is configured (public code), else the allowed ones. */
  private cors(request: IncomingMessage, entry: PublicFile): Record<string, string> {
    if (entry.crossOrigin !== true) return {};
    if (this.allowedOrigins === undefined) return { 'Access-Control-Allow-Origin': '*' };
    const origin = request.headers.origin;
    return origin !== undefined && this.allowedOrigins.includes(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : { Vary: 'Origin' };
  }
}
