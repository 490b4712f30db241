/**
 * A small HTTP receiver on 127.0.0.1 that plays Pega's REST service: it records every JSON body
 * POSTed to it, and answers with the status `status()` gives (200 by default), optionally after a
 * delay. Tests switch it "down" (503) and "up" again.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly body: unknown;
  readonly headers: http.IncomingHttpHeaders;
  readonly status: number;
}

export class Receiver {
  /** Every request, accepted or not. */
  readonly requests: Received[] = [];
  /** Bodies as they arrive (before any delay). */
  readonly arrivals: unknown[] = [];
  /** The status to answer with next. */
  status: () => number = () => 200;
  /** Delay before answering, in ms. */
  delayMs = 0;
  private server: http.Server | undefined;
  url = '';

  /** Bodies of the requests answered 2xx. */
  get accepted(): unknown[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.body);
  }

  async listen(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.status();
        this.arrivals.push(safeJson(chunks));
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = Buffer.concat(chunks).toString('utf8');
        }
        const answer = (): void => {
          this.requests.push({ body, headers: req.headers, status });
          res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{"ok":true}' : '{"ok":false}');
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/events`;
    return this.url;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

function safeJson(chunks: Buffer[]): unknown {
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
