/**
 * `csta toolbar`: the demo toolbar in one command. Starts a PBX simulator (or connects to a PBX
 * with `--pbx HOST:PORT`), a CstaSession and PegaCtiLink on it, and a PegaGateway serving the
 * demo toolbar; prints one URL per agent (the token rides in the URL fragment, which the browser
 * never sends). Then it reads commands from standard input, so calls can be made from the
 * command line while the toolbar is open:
 *
 *     ring DEVICE [FROM]   an external caller (default +15551230000) rings DEVICE
 *     hangup DEVICE        the far end of DEVICE's last call hangs up
 *     calls                the calls in progress
 *     help                 these commands
 *     quit                 stop (as Ctrl-C does)
 *
 * `ring`, `hangup` and `calls` need the simulator (not `--pbx`).
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { CstaSession } from '../session/session.js';
import type { AssociationMode } from '../session/options.js';
import { PegaCtiLink } from '../pega/link.js';
import { PegaGateway, staticTokenTable } from '../pega/gateway/index.js';
import type { GatewayIdentity } from '../pega/gateway/index.js';
import type { PbxSimulator } from '../simulator/simulator.js';
import type { WireFormat } from '../transport/wire.js';
import { DEFAULT_WIRE } from '../transport/wire.js';
import type { CliIo } from './io.js';
import { createSimulator } from './simulate-command.js';
import type { SimulateOptions } from './simulate-command.js';
import { wireText } from './sim-config.js';

/** The caller `ring` uses when none is given. */
export const DEFAULT_CALLER = '+15551230000';
/** Agents when none are given: `agentId=device`. */
export const DEFAULT_AGENTS: readonly GatewayIdentity[] = [
  { agentId: '5001', device: '2000' },
  { agentId: '5002', device: '2001' },
];

/** The association modes `--association` offers. */
export type ToolbarAssociation = 'acse' | 'systemRegister' | 'none';

/** Options of `csta toolbar`. */
export interface ToolbarOptions extends Pick<SimulateOptions, 'wire' | 'password' | 'devices'> {
  /** Gateway HTTP port (0: any free one). */
  readonly port: number;
  readonly host?: string;
  readonly agents?: readonly GatewayIdentity[];
  /** Connect to this PBX instead of starting the simulator. */
  readonly pbx?: { readonly host: string; readonly port: number };
  readonly association?: ToolbarAssociation;
  /** How long the link waits for the AARQ's answer. @default 5000 */
  readonly connectTimeoutMs?: number;
}

/** Why the link could not come up, in words a support engineer can act on. */
export function linkFailureText(e: unknown, target: string, association: string): string {
  const err = e as { code?: unknown; operation?: unknown; message?: unknown };
  if (err.code === 'TIMEOUT' && (err.operation === 'aare' || err.operation === 'systemRegister')) {
    const what = err.operation === 'aare' ? 'AARQ' : 'systemRegister request';
    return `the peer at ${target} did not answer the ${what}: is this a CSTA port, and the right association mode (now ${association}; --association acse|systemRegister|none) and wire (--wire ber|xml, --framing)?`;
  }
  if (err.code === 'ECONNREFUSED') return `nothing listens at ${target} (connection refused)`;
  return `cannot set up the CSTA link to ${target}: ${String(err.message ?? e)}`;
}

function association(kind: ToolbarAssociation, password: string | undefined): AssociationMode {
  switch (kind) {
    case 'acse':
      return password === undefined ? { kind: 'acse' } : { kind: 'acse', password };
    case 'systemRegister':
      return { kind: 'systemRegister' };
    case 'none':
      return { kind: 'none' };
    default: {
      const never: never = kind;
      throw new RangeError(`unknown association ${String(never)}`);
    }
  }
}

/** Runs one stdin command against the simulator; returns the reply line. */
export function toolbarCommand(line: string, sim: PbxSimulator | undefined): string | 'quit' {
  const [cmd, ...args] = line.trim().split(/\s+/);
  if (cmd === undefined || cmd === '') return '';
  if (cmd === 'quit' || cmd === 'exit') return 'quit';
  if (cmd === 'help') return 'commands: ring DEVICE [FROM], hangup DEVICE, calls, help, quit';
  if (sim === undefined) return `${cmd}: only with the simulator (not with --pbx)`;
  try {
    switch (cmd) {
      case 'ring': {
        const [to, from = DEFAULT_CALLER] = args;
        if (to === undefined) return 'usage: ring DEVICE [FROM]';
        const call = sim.engine.inbound(from, to);
        return `ringing ${to} from ${from} (call ${call.callID})`;
      }
      case 'hangup': {
        const [device] = args;
        if (device === undefined) return 'usage: hangup DEVICE';
        const call = sim.state.callsOf(device).at(-1);
        if (call === undefined) return `${device} has no call`;
        const far = [...call.connections.keys()].find((d) => d !== device) ?? device;
        sim.engine.clearConnection(call, far);
        return `${far} hung up call ${call.callID}`;
      }
      case 'calls': {
        const calls = [...sim.state.calls.values()];
        if (calls.length === 0) return 'no calls';
        return calls.map((c) => `call ${c.callID}: ${[...c.connections.entries()].map(([d, s]) => `${d} ${s.state}`).join(', ')}`).join('\n');
      }
      default:
        return `unknown command ${JSON.stringify(cmd)} (try help)`;
    }
  } catch (e) {
    return `${cmd} failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Runs `csta toolbar` until interrupted or `quit`; returns the exit code. */
export async function runToolbar(options: ToolbarOptions, io: CliIo): Promise<number> {
  const log = (s: string): void => void io.stdout.write(`${s}\n`);
  const wire: WireFormat = options.wire ?? DEFAULT_WIRE;
  let sim: PbxSimulator | undefined;
  let target: { host: string; port: number };
  if (options.pbx === undefined) {
    sim = createSimulator(options);
    target = { host: '127.0.0.1', port: await sim.listen(0, '127.0.0.1') };
    log(`PBX simulator on ${target.host}:${target.port} (${wireText(wire)}; ${sim.state.devices.size} devices)`);
  } else {
    target = options.pbx;
  }
  const kind = options.association ?? (wire.encoding === 'xml' ? 'systemRegister' : 'acse');
  const session = new CstaSession({
    host: target.host,
    port: target.port,
    wire,
    association: association(kind, options.password),
    reconnect: false,
    keepAliveMs: 0,
    requestTimeoutMs: options.connectTimeoutMs ?? 5000,
  });
  const agents = options.agents ?? DEFAULT_AGENTS;
  const tokens = new Map(agents.map((a) => [randomBytes(18).toString('base64url'), a] as const));
  let gateway: PegaGateway | undefined;
  const stop = async (): Promise<void> => {
    await gateway?.close().catch(() => undefined);
    await session.close().catch(() => undefined);
    await sim?.close();
  };
  try {
    await session.connect();
  } catch (e) {
    io.stderr.write(`csta toolbar: ${linkFailureText(e, `${target.host}:${target.port}`, kind)}\n`);
    await stop();
    return 1;
  }
  const link = new PegaCtiLink(session);
  gateway = new PegaGateway({ link, authenticate: staticTokenTable(tokens), port: options.port, host: options.host ?? '127.0.0.1' });
  const port = await gateway.listen();
  log(`CSTA link up (${kind} association); gateway on http://${options.host ?? '127.0.0.1'}:${port}/`);
  for (const [token, a] of tokens) log(`toolbar for agent ${a.agentId} at ${a.device}: http://${options.host ?? '127.0.0.1'}:${port}/#token=${token}`);
  log(`type "ring ${agents[0]?.device ?? '2000'}" to ring an agent, "help" for the commands, "quit" to stop`);
  await new Promise<void>((resolve) => {
    const signal = io.signal;
    if (signal?.aborted === true) return resolve();
    signal?.addEventListener('abort', () => resolve());
    const input = io.stdin === undefined ? undefined : Readable.from(io.stdin);
    if (input === undefined) return;
    const rl = createInterface({ input, crlfDelay: Infinity });
    rl.on('line', (line) => {
      const reply = toolbarCommand(line, sim);
      if (reply === 'quit') {
        rl.close();
        resolve();
      } else if (reply !== '') log(reply);
    });
  });
  await stop();
  log('toolbar stopped');
  return 0;
}
