/**
 * Serves the demo toolbar: exactly two files from a fixed table, read once. The request path is
 * only ever compared with the table's keys and never joined to a directory, so no URL can reach
 * any other file (no path traversal by construction).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

/** The public files: URL path → file name in the public directory and its content type. */
export const PUBLIC_FILES: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  '/': { file: 'toolbar.html', type: 'text/html; charset=utf-8' },
  '/toolbar.html': { file: 'toolbar.html', type: 'text/html; charset=utf-8' },
  '/toolbar.js': { file: 'toolbar.js', type: 'text/javascript; charset=utf-8' },
};

/**
 * The directory holding toolbar.html and toolbar.js: `./public` next to this module (from source,
 * and in a build, where `npm run build` copies it to dist/); the source tree's copy as a fallback
 * for a bare `tsc` build.
 */
export function defaultPublicDir(): string {
  const candidates = [new URL('./public/', import.meta.url), new URL('../../../../lib/pega/gateway/public/', import.meta.url)].map((u) => fileURLToPath(u));
  return candidates.find((dir) => existsSync(path.join(dir, 'toolbar.html'))) ?? candidates[0]!;
}

/** Headers on every static response: no sniffing, no framing, scripts and sockets from this origin only. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

type Loaded = { readonly body: Buffer; readonly type: string };

/** Static file handler for the gateway's HTTP server. */
export class StaticFiles {
  private readonly files = new Map<string, Loaded>();

  private constructor() {}

  /** Reads the public files from `dir`. Rejects if one is missing. */
  static async load(dir: string = defaultPublicDir()): Promise<StaticFiles> {
    const files = new StaticFiles();
    const cache = new Map<string, Buffer>();
    for (const [urlPath, { file, type }] of Object.entries(PUBLIC_FILES)) {
      let body = cache.get(file);
      if (body === undefined) {
        body = await readFile(path.join(dir, file));
        cache.set(file, body);
      }
      files.files.set(urlPath, { body, type });
    }
    return files;
  }

  /** Answers a plain HTTP request: 200 for a public file, 405 for other methods, 404 otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    const method = request.method ?? 'GET';
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://gateway.invalid').pathname;
    } catch {
      pathname = '';
    }
    const file = this.files.get(pathname);
    if (file === undefined) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('method not allowed\n');
      return;
    }
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': String(file.body.length) });
    response.end(method === 'HEAD' ? undefined : file.body);
  }
}
