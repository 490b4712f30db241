/**
 * The `csta` command. `main(argv, io)` runs one command line with injected streams and resolves to
 * the exit code; run as a script (`tsx lib/cli/main.ts ...`, or through `bin/csta.js`) it uses the
 * process's own streams and exits with that code.
 *
 * Exit codes: 0 success; 1 a frame, trace or input failed (decode: any frame that did not decode;
 * conformance: any trace that differs); 2 bad usage.
 */
import { realpathSync } from 'node:fs';
import { setFrameDecodeChoice } from './frames.js';
import { cliFramingOf, profileOption } from './profile-option.js';
import { vendorProfile } from '../../protocol/profiles/index.js';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CstaError } from '../../protocol/errors.js';
import { runConformance, runReplay } from './conformance.js';
import { runDecode } from './decode-command.js';
import type { DecodeFormat } from './decode-command.js';
import { runEncode } from './encode-command.js';
import { CliEncoding, CliFraming } from './frames.js';
import { interruptSignal } from './io.js';
import { DirectionChoice, parseFrameRanges } from './filters.js';
import type { FrameFilter, FrameRange } from './filters.js';
import type { CliIo } from './io.js';
import { runSimulate } from './simulate-command.js';
import type { SimulateOptions } from './simulate-command.js';
import { loadDevices, SimConfigError, SimWire, simWire, tlsServerFiles } from './sim-config.js';
import { runDemo } from './demo-command.js';
import { packageVersion } from './version.js';
import { parseHostPort, runRecord } from './record-command.js';
import { runToolbar } from './toolbar-command.js';
import { addServeCommand } from './serve-command.js';
import type { GatewayIdentity } from '../pega/gateway/index.js';
import type { EventMapper } from './trace.js';
import { PegaMapper } from '../pega/mapper.js';

/** What the commands need beyond the streams (tests replace them). */
export interface CliDependencies {
  /** Makes the event mapper replay and conformance feed (the Pega mapping). */
  readonly createMapper?: () => EventMapper<unknown>;
}

interface DecodeFlags {
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly framing?: CliFraming;
  readonly encoding?: CliEncoding;
  readonly port?: readonly number[];
  readonly summary?: boolean;
  readonly ladder?: boolean;
  readonly brief?: boolean;
  readonly op?: readonly string[];
  readonly device?: readonly string[];
  readonly call?: readonly string[];
  readonly invoke?: readonly string[];
  readonly direction?: DirectionChoice;
  readonly count?: number;
  readonly frames?: readonly FrameRange[];
  readonly profile?: string;
  readonly strict?: boolean;
}

interface EncodeFlags {
  readonly binary?: boolean;
  readonly framing?: CliFraming;
  readonly encoding?: CliEncoding;
}

const framingOption = (): Option => new Option('--framing <framing>', 'force the framing instead of detecting it').choices(CliFraming);
const encodingOption = (): Option => new Option('--encoding <encoding>', 'force the encoding instead of detecting it').choices(CliEncoding);

/** Builds the program; `setExit` receives each command's exit code. */
function program(io: CliIo, deps: CliDependencies, setExit: (code: number) => void): Command {
  const write = (s: string): void => void io.stdout.write(s);
  const writeErr = (s: string): void => void io.stderr.write(s);
  const p = new Command('csta')
    .description('CSTA (ECMA-269/285/323) wire tools: decode, encode, replay and conformance-check traces')
    .version(packageVersion(), '-V, --version', 'print the csta-link version')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr })
    .showHelpAfterError();

  p.command('decode')
    .description('decode frames from hex strings, hex dumps, binary files, pcap/pcapng captures or stdin ("-")')
    .argument('[input...]', 'hex string, file or "-" (default: stdin)')
    .option('--json', 'print one pretty JSON array of frame records')
    .option('--ndjson', 'print one JSON record per line')
    .addOption(framingOption())
    .addOption(encodingOption())
    .option('--port <port>', 'captures: keep only TCP streams with an end on this port (repeatable)', collectFilterPort)
    .option('--summary', 'print one line per frame: time, packet, direction, stream, invoke id, message, call id, devices, reply latency')
    .option('--ladder', 'print a ladder diagram per call id')
    .option('--brief', 'JSON records without packet, addresses, hex and reply (the form of expected-decode.ndjson)')
    .option('--op <name>', 'only frames of this operation, event or message name, any case (repeatable, or a,b)', collectList)
    .option('--device <number>', 'only frames naming this device, or events of its monitor (repeatable)', collectList)
    .option('--call <id>', 'only frames naming this call id, and the replies to them (repeatable)', collectList)
    .option('--invoke <id>', 'only frames with this invoke id (repeatable)', collectList)
    .addOption(new Option('--direction <dir>', 'only frames sent this way: c2s (client to server) or s2c').choices(DirectionChoice))
    .option('-c, --count <n>', 'stop after showing N frames', parseCount)
    .option('--frames <ranges>', 'only these frame numbers: 10-20, 10-, -20, 7, or a list 1,3,10-20', parseRanges)
    .addOption(profileOption())
    .option('--strict', 'XML: refuse unknown elements and vendor messages instead of keeping them (conformance reading)')
    .addHelpText('after', '\nExit code: 0 when every frame decoded, 1 when any frame failed (each failure is reported and decoding goes on).')
    .action(async (inputs: string[], flags: DecodeFlags) => {
      const profile = flags.profile === undefined ? undefined : vendorProfile(flags.profile);
      setFrameDecodeChoice({ ...(profile?.utf16DeclarationAsUtf8 === true ? { utf16DeclarationAsUtf8: true } : {}), ...(flags.strict === true ? { strict: true } : {}) });
      // The profile's framing only where the bytes do not show theirs (a plain document stays plain).
      const framing = flags.framing;
      const fallbackFraming = profile === undefined ? undefined : cliFramingOf(profile);
      const format: DecodeFormat =
        flags.ndjson === true ? 'ndjson' : flags.json === true ? 'json' : flags.ladder === true ? 'ladder' : flags.summary === true ? 'summary' : 'tree';
      const filter: FrameFilter = {
        ...(flags.op !== undefined ? { ops: flags.op } : {}),
        ...(flags.device !== undefined ? { devices: flags.device } : {}),
        ...(flags.call !== undefined ? { calls: flags.call } : {}),
        ...(flags.invoke !== undefined ? { invokes: flags.invoke } : {}),
        ...(flags.direction !== undefined ? { direction: flags.direction } : {}),
        ...(flags.count !== undefined ? { count: flags.count } : {}),
        ...(flags.frames !== undefined ? { ranges: flags.frames } : {}),
      };
      setExit(
        await runDecode(
          inputs,
          {
            format,
            ...(framing !== undefined ? { framing } : {}),
            ...(fallbackFraming !== undefined ? { fallbackFraming } : {}),
            ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
            ...(flags.port !== undefined ? { ports: flags.port } : {}),
            filter,
            ...(flags.brief === true ? { brief: true } : {}),
          },
          io,
        ),
      );
    });

  p.command('encode')
    .description('encode a JSON CstaPdu (or decode --json/--ndjson output, or a fixtures/frames file) to hex')
    .argument('[file]', 'JSON file or "-" (default: stdin)')
    .option('--binary', 'write the raw bytes instead of hex lines')
    .addOption(framingOption())
    .addOption(encodingOption())
    .action(async (file: string | undefined, flags: EncodeFlags) => {
      setExit(await runEncode(file, flags, io));
    });

  const mapper = (): EventMapper<unknown> => {
    if (deps.createMapper === undefined) throw new Error('no event mapper configured');
    return deps.createMapper();
  };

  p.command('replay')
    .description('decode a trace folder or a capture, follow its monitors and print the Pega events as JSON lines')
    .argument('<trace>', 'trace folder (holding trace.pcap, trace.pcapng or trace.hex), or a capture or hex file')
    .option('--monitor <crossref=device>', 'events of this crossRefIdentifier are of this device\'s monitor (repeatable; for captures that start mid-session)', collectMonitor)
    .option('--no-infer', 'do not infer the monitors a capture does not show from the devices their events name')
    .action(async (trace: string, flags: { monitor?: ReadonlyMap<string, string>; infer: boolean }) => {
      setExit(await runReplay(trace, io, mapper(), { ...(flags.monitor !== undefined ? { monitors: flags.monitor } : {}), infer: flags.infer }));
    });

  p.command('record')
    .description('a recording proxy: relay an application to a PBX and write everything both ways to a pcap (no tshark needed)')
    .requiredOption('--listen <[host:]port>', 'where the application connects (host default 127.0.0.1; port 0 = any free port)', (v: string) => hostPort(v, '127.0.0.1'))
    .requiredOption('--to <host:port>', 'the PBX (CSTA server) to relay to', (v: string) => hostPort(v, undefined))
    .option('-w, --write <file>', 'the pcap file to write')
    .option('--trace <dir>', 'write DIR/trace.pcap and, at the end, its expected-decode.ndjson and expected-pega.json (a conformance case)')
    .option('--once', 'stop when the first connection closes (else run until interrupted)')
    .action(async (flags: { listen: { host: string; port: number }; to: { host: string; port: number }; write?: string; trace?: string; once?: boolean }) => {
      setExit(
        await runRecord(
          {
            listenHost: flags.listen.host,
            listenPort: flags.listen.port,
            toHost: flags.to.host,
            toPort: flags.to.port,
            ...(flags.write !== undefined ? { write: flags.write } : {}),
            ...(flags.trace !== undefined ? { trace: flags.trace } : {}),
            ...(flags.once === true ? { once: true } : {}),
          },
          io.signal === undefined ? { ...io, signal: interruptSignal() } : io,
          mapper,
        ),
      );
    });

  p.command('conformance')
    .description('check every trace folder in DIR against its expected-decode.ndjson and expected-pega.json')
    .argument('<dir>', 'folder of trace folders (e.g. fixtures/traces)')
    .option('--update', 'maintainers only: rewrite the expectations from the current output')
    .action(async (dir: string, flags: { update?: boolean }) => {
      setExit(await runConformance(dir, flags, io, mapper()));
    });

  p.command('simulate')
    .description('run the PBX simulator until interrupted (default: BER, 2-byte length framing, on 127.0.0.1)')
    .requiredOption('--port <port>', 'TCP port (0 = any free port)', parsePort)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--wire <wire>', 'encoding on the wire (default ber, or the profile\'s)').choices(SimWire))
    .option('--framing <framing>', 'BER: length16 (default), length32, ber, ...; XML: header (the 8-byte ECMA-323 header)')
    .option('--tls', 'serve TLS (with --tls-cert/--tls-key, or the test certificate of a checkout)')
    .option('--tls-cert <file>', 'TLS certificate (PEM)')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option('--password <password>', 'refuse AARQs without this password (with --profile: the password its PBX accepts)')
    .option('--devices <file>', 'JSON array of devices ({ "number", "kind": station|acdGroup|routingPoint|trunk, ... }) instead of the defaults')
    .option('--scenario <file>', 'play this scenario (fixtures/scenarios/*.json) once the client monitors its devices')
    .addOption(profileOption())
    .option('--user <name>', 'with --profile: the login the simulated PBX accepts')
    .action(async (flags: SimulateFlags) => {
      const scenario = flags.scenario === undefined ? {} : { scenario: resolve(io.cwd ?? process.cwd(), flags.scenario) };
      // With --profile, --password is the profile's login password; without, the AARQ password.
      const profile =
        flags.profile === undefined
          ? {}
          : { profile: flags.profile, credentials: { ...(flags.user === undefined ? {} : { userName: flags.user }), ...(flags.password === undefined ? {} : { password: flags.password }) } };
      const config = simulatorConfig(flags.profile === undefined ? flags : { ...flags, password: undefined }, io.cwd ?? process.cwd());
      setExit(await runSimulate({ port: flags.port, host: flags.host, ...scenario, ...profile, ...config }, io.signal === undefined ? { ...io, signal: interruptSignal() } : io));
    });

  p.command('toolbar')
    .description('the demo toolbar in one command: PBX simulator (or --pbx) + CSTA link + Pega gateway; prints the toolbar URL and reads commands (ring DEVICE, hangup DEVICE, calls, quit)')
    .option('--port <port>', 'HTTP port of the gateway (0 = any free port)', parsePort, 8765)
    .option('--host <host>', 'address the gateway listens on', '127.0.0.1')
    .option('--agent <id=device>', 'an agent the toolbar may log in as (repeatable; default 5001=2000 and 5002=2001)', collectAgent)
    .option('--pbx <host:port>', 'connect to this PBX instead of starting the simulator', (v: string) => hostPort(v, undefined))
    .addOption(new Option('--association <mode>', 'how the link associates (default: acse for BER, systemRegister for XML)').choices(['acse', 'systemRegister', 'none'] as const))
    .addOption(new Option('--wire <wire>', 'encoding on the wire').choices(SimWire).default('ber'))
    .option('--framing <framing>', 'BER: length16 (default), length32, ber, ...; XML: header')
    .option('--password <password>', 'AARQ password (the simulator then requires it)')
    .option('--devices <file>', 'the simulator\'s devices (JSON array, as for simulate)')
    .option('--link-timeout <ms>', 'how long to wait for the PBX to answer the association', parseCount, 5000)
    .action(async (flags: ToolbarFlags) => {
      const config = simulatorConfig({ wire: flags.wire, ...(flags.framing !== undefined ? { framing: flags.framing } : {}), ...(flags.password !== undefined ? { password: flags.password } : {}), ...(flags.devices !== undefined ? { devices: flags.devices } : {}) }, io.cwd ?? process.cwd());
      setExit(
        await runToolbar(
          {
            port: flags.port,
            host: flags.host,
            ...config,
            ...(flags.agent !== undefined ? { agents: flags.agent } : {}),
            ...(flags.pbx !== undefined ? { pbx: flags.pbx } : {}),
            ...(flags.association !== undefined ? { association: flags.association } : {}),
            connectTimeoutMs: flags.linkTimeout,
          },
          io.signal === undefined ? { ...io, signal: interruptSignal() } : io,
        ),
      );
    });

  addServeCommand(p, io, setExit);

  p.command('demo')
    .description('the summary of a bundled capture, then the CSTA and Pega events of a simulated call')
    .action(async () => {
      setExit(await runDemo(io));
    });

  return p;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return n;
}

interface ToolbarFlags {
  readonly port: number;
  readonly host: string;
  readonly agent?: readonly GatewayIdentity[];
  readonly pbx?: { host: string; port: number };
  readonly association?: 'acse' | 'systemRegister' | 'none';
  readonly wire: SimWire;
  readonly framing?: string;
  readonly password?: string;
  readonly devices?: string;
  readonly linkTimeout: number;
}

/** `--agent 5001=2000`, repeatable. */
function collectAgent(value: string, previous: readonly GatewayIdentity[] | undefined): readonly GatewayIdentity[] {
  const m = /^([^=\s]+)=([^=\s]+)$/.exec(value);
  if (m === null) throw new InvalidArgumentError('give AGENT=DEVICE, e.g. 5001=2000');
  return [...(previous ?? []), { agentId: m[1]!, device: m[2]! }];
}

interface SimulateFlags {
  readonly port: number;
  readonly host: string;
  readonly wire?: SimWire;
  readonly profile?: string;
  readonly user?: string;
  readonly framing?: string;
  readonly tls?: boolean;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly password?: string;
  readonly devices?: string;
  readonly scenario?: string;
}

/** The simulator options of `simulate` and `toolbar` flags (throws SimConfigError). */
function simulatorConfig(flags: Omit<SimulateFlags, 'port' | 'host' | 'scenario'>, cwd: string): Pick<SimulateOptions, 'wire' | 'password' | 'devices' | 'tls'> {
  const useTls = flags.tls === true || flags.tlsCert !== undefined || flags.tlsKey !== undefined;
  return {
    ...(flags.wire !== undefined || flags.framing !== undefined ? { wire: simWire(flags.wire, flags.framing) } : {}),
    ...(flags.password !== undefined ? { password: flags.password } : {}),
    ...(flags.devices !== undefined ? { devices: loadDevices(resolve(cwd, flags.devices)) } : {}),
    ...(useTls
      ? { tls: tlsServerFiles(flags.tlsCert === undefined ? undefined : resolve(cwd, flags.tlsCert), flags.tlsKey === undefined ? undefined : resolve(cwd, flags.tlsKey)) }
      : {}),
  };
}

/** `--monitor 0001=2000`, repeatable → crossRefIdentifier → device. */
function collectMonitor(value: string, previous: ReadonlyMap<string, string> | undefined): ReadonlyMap<string, string> {
  const m = /^([^=\s]+)=([^=\s]+)$/.exec(value);
  if (m === null) throw new InvalidArgumentError('give CROSSREF=DEVICE, e.g. 0001=2000 (the crossRefIdentifier as decode prints it)');
  return new Map([...(previous ?? []), [m[1]!, m[2]!]]);
}

function hostPort(value: string, defaultHost: string | undefined): { host: string; port: number } {
  const hp = parseHostPort(value, defaultHost);
  if (hp === undefined) throw new InvalidArgumentError(defaultHost === undefined ? 'give HOST:PORT, e.g. 10.0.0.5:1040' : 'give PORT or HOST:PORT');
  return hp;
}

/** A repeatable option whose values may also be comma lists: `--op a,b --op c` → [a, b, c]. */
function collectList(value: string, previous: readonly string[] | undefined): readonly string[] {
  const items = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (items.length === 0) throw new InvalidArgumentError('give at least one value');
  return [...(previous ?? []), ...items];
}

function parseCount(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a count is a whole number from 1');
  return Number(value);
}

function parseRanges(value: string): readonly FrameRange[] {
  try {
    return parseFrameRanges(value);
  } catch (e) {
    throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
  }
}

/** `--port N` of `decode`, repeatable: a TCP port from 1 to 65535, added to the earlier ones. */
function collectFilterPort(value: string, previous: readonly number[] | undefined): readonly number[] {
  if (!/^[0-9]{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) throw new InvalidArgumentError('a port is an integer from 1 to 65535');
  return [...(previous ?? []), Number(value)];
}

/** Runs one command line (`argv` without node and script). Resolves to the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo, deps: CliDependencies = defaultDependencies()): Promise<number> {
  let exit = 0;
  setFrameDecodeChoice({}); // each run starts from the standard reading (decode --profile/--strict set it)
  const p = program(io, deps, (code) => {
    exit = code;
  });
  try {
    await p.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with exit code 0; usage errors were already printed by commander.
      return e.exitCode === 0 ? 0 : 2;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    if (err instanceof SimConfigError) {
      io.stderr.write(`csta: ${err.message}\n`);
      return 2;
    }
    const raw = err instanceof CstaError ? err.code : (err as Error & { code?: unknown }).code;
    const code = typeof raw === 'string' ? ` ${raw}` : '';
    io.stderr.write(`csta: ${err.name}${code}: ${err.message}\n`);
    return 1;
  }
}

/** The production dependencies: replay and conformance map events with a fresh {@link PegaMapper}. */
export function defaultDependencies(): CliDependencies {
  return { createMapper: () => new PegaMapper() };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `csta decode ... | head`: a closed pipe ends the output quietly, as for other Unix tools.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  process.exitCode = code;
}
