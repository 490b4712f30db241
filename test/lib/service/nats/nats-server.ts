/**
 * Starts a real nats-server (JetStream on, a temporary store) on 127.0.0.1 and a free port for a
 * test file, and kills it after. Without nats-server on the PATH (or $NATS_SERVER) the suites
 * are pending with the reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The nats-server binary, or undefined when there is none. */
export function natsServerBinary(): string | undefined {
  const bin = process.env.NATS_SERVER ?? 'nats-server';
  const r = spawnSync(bin, ['--help'], { encoding: 'utf8' });
  // `--help` exits 0 and lists `-js, --jetstream` on every server with JetStream (2.2 on).
  return r.error === undefined && /--jetstream/.test(`${r.stdout ?? ''}${r.stderr ?? ''}`) ? bin : undefined;
}

/** Why the NATS tests are pending, printed once per suite. */
export const NATS_MISSING = 'nats-server with JetStream not found: apt-get install nats-server (or set NATS_SERVER)';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A running server. */
export interface NatsServerHandle {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts nats-server with `-js -sd <tmpdir>` and resolves when it accepts clients (10 s at most). */
export async function startNatsServer(bin: string): Promise<NatsServerHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'csta-nats-'));
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start in 10 s:\n${log}`)), 10_000);
    child.stderr?.on('data', (d: Buffer) => {
      log = (log + d.toString()).slice(-8192);
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${String(code)}:\n${log}`));
    });
  });
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Hooks for a describe block that needs a nats-server: starts one before its tests (they are
 * pending, with the reason, when none with JetStream is installed) and stops it after them.
 */
export function useNatsServer(onStart: (server: NatsServerHandle) => void): void {
  let server: NatsServerHandle | undefined;
  before(async function () {
    const bin = natsServerBinary();
    if (bin === undefined) {
      console.log(`    (pending: ${NATS_MISSING})`);
      this.skip();
    }
    server = await startNatsServer(bin);
    onStart(server);
  });
  after(async () => server?.stop());
}
