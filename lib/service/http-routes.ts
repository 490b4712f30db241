/**
 * The service's own HTTP routes, on its one port next to the gateway and the server-side API:
 * `GET /healthz` (200 when the PBX link is up and associated, else 503 with the reason),
 * `GET /readyz` (also 503 while starting or shutting down, or when a plugin is not ready),
 * `GET /metrics` (Prometheus text) and `GET /` (where the toolbar is).
 */
import type * as http from 'node:http';

/** What the routes ask the service. */
export interface RouteSources {
  health(): { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly reason: string };
  ready(): string | undefined;
  metrics(): Promise<{ readonly contentType: string; readonly text: string }>;
  /** Where `/` sends a browser (the toolbar), or undefined for a plain index. */
  toolbarPath(): string | undefined;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Answers the built-in routes; false for any other path. */
export function handleServiceRoute(req: http.IncomingMessage, res: http.ServerResponse, sources: RouteSources): boolean {
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://service.invalid').pathname;
  } catch {
    return false;
  }
  if (pathname !== '/healthz' && pathname !== '/readyz' && pathname !== '/metrics' && pathname !== '/') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('method not allowed\n');
    return true;
  }
  switch (pathname) {
    case '/healthz': {
      const h = sources.health();
      if (h.ok) json(res, 200, { status: 'ok', ...h.body });
      else json(res, 503, { status: 'unavailable', reason: h.reason });
      return true;
    }
    case '/readyz': {
      const reason = sources.ready();
      if (reason === undefined) json(res, 200, { status: 'ready' });
      else json(res, 503, { status: 'not ready', reason });
      return true;
    }
    case '/metrics':
      sources.metrics().then(
        (m) => {
          res.writeHead(200, { 'Content-Type': m.contentType, 'Cache-Control': 'no-store' });
          res.end(m.text);
        },
        (e: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(`metrics failed: ${e instanceof Error ? e.message : String(e)}\n`);
        },
      );
      return true;
    case '/': {
      const toolbar = sources.toolbarPath();
      if (toolbar !== undefined) {
        res.writeHead(302, { Location: toolbar, 'Content-Length': 0 });
        res.end();
      } else {
        json(res, 200, { service: 'csta serve', routes: ['/healthz', '/readyz', '/metrics'] });
      }
      return true;
    }
    default:
      return false;
  }
}
