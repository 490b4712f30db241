/**
 * `csta serve --config FILE [--port N] [--log-level L]`: runs one CTI link service
 * (lib/service/service.ts) until SIGTERM or SIGINT, reloading the config on SIGHUP.
 * `--example-config` prints a complete commented config that runs as is against the embedded
 * simulator; `--schema` prints the config's JSON Schema (docs/csta-serve.schema.json).
 *
 * Exit codes: 0 after an orderly shutdown; 1 when the service failed, or the shutdown ran past
 * `shutdown.timeoutMs`; 2 for a config that does not validate (each problem named by its key path).
 */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfigFile, ConfigError } from '../service/config.js';
import { LOG_LEVELS, serviceConfigSchema } from '../service/config-schema.js';
import type { LogLevel } from '../service/config-schema.js';
import { EXAMPLE_CONFIG } from '../service/example-config.js';
import { BUILTIN_PLUGINS } from '../service/plugins.js';
import { CtiLinkService } from '../service/service.js';
import type { CliIo } from './io.js';

/** Flags of `csta serve`. */
export interface ServeFlags {
  readonly config?: string;
  readonly exampleConfig?: boolean;
  readonly schema?: boolean;
  readonly port?: number;
  readonly logLevel?: LogLevel;
}

/** The published schema text (docs/csta-serve.schema.json holds exactly this). */
export function publishedSchemaText(): string {
  return `${JSON.stringify(serviceConfigSchema(BUILTIN_PLUGINS), null, 2)}\n`;
}

/** Runs `csta serve`; resolves with the exit code once the service has stopped. */
export async function runServe(flags: ServeFlags, io: CliIo): Promise<number> {
  if (flags.exampleConfig === true) {
    io.stdout.write(EXAMPLE_CONFIG);
    return 0;
  }
  if (flags.schema === true) {
    io.stdout.write(publishedSchemaText());
    return 0;
  }
  if (flags.config === undefined) {
    io.stderr.write('csta serve: give --config FILE (or --example-config to print one)\n');
    return 2;
  }
  const path = resolve(io.cwd ?? process.cwd(), flags.config);
  let service: CtiLinkService;
  try {
    const config = loadConfigFile(path);
    service = await CtiLinkService.start({ config, ...(flags.port === undefined ? {} : { httpPort: flags.port }), ...(flags.logLevel === undefined ? {} : { logLevel: flags.logLevel }) });
  } catch (e) {
    io.stderr.write(`csta serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof ConfigError ? 2 : 1;
  }
  const stopped = new Promise<number>((done) => {
    let stopping = false;
    // The handlers stay installed until the service has stopped: a second signal is ignored, and a
    // loader's own signal handler (tsx exits when no other listener is left) does not cut the stop short.
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      service.logger.info({ signal }, 'signal: shutting down');
      void service.stop().then((r) => {
        process.off('SIGTERM', onTerm);
        process.off('SIGINT', onInt);
        process.off('SIGHUP', onHup);
        done(r.clean ? 0 : 1);
      });
    };
    const onTerm = (): void => stop('SIGTERM');
    const onInt = (): void => stop('SIGINT');
    const onHup = (): void => {
      service.logger.info({ signal: 'SIGHUP', config: path }, 'signal: reloading the config');
      try {
        const next = loadConfigFile(path);
        void service.reload(next).catch((e: unknown) => service.logger.error({ err: String(e) }, 'config reload failed'));
      } catch (e) {
        service.logger.error({ err: e instanceof ConfigError ? e.problems : String(e) }, 'config reload refused: the new config does not validate (the old one stays)');
      }
    };
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
    process.on('SIGHUP', onHup);
    if (io.signal?.aborted === true) stop('abort');
    io.signal?.addEventListener('abort', () => stop('abort'));
  });
  return stopped;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return n;
}

/** Adds `serve` to the program. */
export function addServeCommand(p: Command, io: CliIo, setExit: (code: number) => void): void {
  p.addCommand(
    new Command('serve')
      .description('run a CTI link service: PBX link (with failover), Pega gateway, /healthz, /readyz, /metrics (docs/deploy.md)')
      .option('--config <file>', 'the config (YAML or JSON; csta serve --example-config prints one)')
      .option('--example-config', 'print a complete commented config that runs against the embedded simulator')
      .option('--schema', "print the config's JSON Schema (for editors)")
      .option('--port <port>', 'HTTP port, overriding http.port (0 = any free one)', parsePort)
      .addOption(new Option('--log-level <level>', 'log level, overriding log.level').choices(LOG_LEVELS))
      .addHelpText('after', '\nSignals: SIGTERM/SIGINT stop in order (exit 0); SIGHUP reloads log level, tokens, agents, limits, routing.\nExit code: 0 after an orderly stop, 1 on failure, 2 for an invalid config.')
      .action(async (flags: ServeFlags) => {
        setExit(await runServe(flags, io));
      }),
  );
}
