/**
 * Fault injection for tests: raw bytes written to clients as they are (malformed frames), and
 * event floods that write as fast as each socket takes them (waiting for 'drain' when its buffer
 * is full, so a flood of any size never balloons the process's memory).
 */
import type { SimClient } from './client.js';
import { extDev, redirection } from './identifiers.js';
import { connectionID } from '../session/requests.js';
import { eventReportArgument } from '../session/events.js';

/** Writes `bytes` to every client; returns how many took them. */
export function injectRawBytes(clients: readonly SimClient[], bytes: Uint8Array): number {
  let n = 0;
  for (const c of clients) if (c.conn.sendRaw(bytes)) n++;
  return n;
}

/** A monitor to flood: the client and the monitor's cross reference. */
export interface FloodTarget {
  readonly client: SimClient;
  readonly crossRefIdentifier: string;
}

/**
 * Sends `n` delivered events for `device` to each target (a synthetic call per event, callIDs
 * `f0000001`...), honouring socket backpressure. Resolves with the number of events written.
 */
export async function floodDevice(targets: readonly FloodTarget[], n: number, device: string): Promise<number> {
  let sent = 0;
  await Promise.all(
    targets.map(async ({ client, crossRefIdentifier }) => {
      for (let i = 0; i < n; i++) {
        const callID = `f${(i + 1).toString(16).padStart(7, '0')}`;
        const argument = eventReportArgument({
          category: 'callControlEvents',
          type: 'delivered',
          crossRefIdentifier,
          event: {
            connection: connectionID(callID, device),
            alertingDevice: extDev(device),
            callingDevice: extDev('+15550000000'),
            calledDevice: extDev(device),
            lastRedirectionDevice: redirection(undefined),
            localConnectionInfo: 'alerting',
            cause: 'newCall',
          },
        });
        if (!(await client.sendWithBackpressure({ pdu: 'invoke', invokeId: client.nextInvokeId(), operation: 'cSTAEventReport', argument }))) return;
        sent++;
      }
    }),
  );
  return sent;
}
