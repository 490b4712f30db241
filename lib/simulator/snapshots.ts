/**
 * Snapshot services of the simulated switch: snapshotDevice (the device's calls with their
 * compound call state) and snapshotCall (the call's parties). snapshotDevice answers either with
 * the data inline, or — in `data` mode, as a switch with long snapshots does — with a
 * serviceCrossRefID, the data following as snapshotDeviceData invokes, `chunkSize` entries each,
 * numbered by `segmentID` from 1, the last one flagged `lastSegment: TRUE`.
 */
import type { SnapshotCallResult } from '../../protocol/csta/services/snapshot-call.js';
import type { SnapshotDeviceResult } from '../../protocol/csta/services/snapshot-device.js';
import type { SnapshotDeviceDataArgument } from '../../protocol/csta/services/snapshot-device-data.js';
import type { SnapshotDeviceResponseInfo } from '../../protocol/csta/types/status-reporting.js';
import { SimulatorStateError } from './errors.js';
import { extDev } from './identifiers.js';
import { connectionID } from '../session/requests.js';
import type { Call, SwitchState } from './switch-state.js';

/** How snapshotDevice answers: the data in the result (`inline`), or in snapshotDeviceData invokes (`data`). */
export type SnapshotDeviceMode = 'inline' | 'data';

/** The snapshot of `device`: one entry per call, its own connection state first in the compound state. */
export function deviceSnapshot(state: SwitchState, device: string): SnapshotDeviceResponseInfo[] {
  state.device(device);
  return state.callsOf(device).map((call) => ({
    connectionIdentifier: connectionID(call.callID, device),
    localCallState: { compoundCallState: [call.connections.get(device)!.state, ...[...call.connections.values()].filter((c) => c.device !== device).map((c) => c.state)] },
  }));
}

/**
 * ```asn1
 * SnapshotDeviceDataArgument ::= SEQUENCE
 * {	serviceCrossRefID 		ServiceCrossRefID,
 *	segmentID 			INTEGER 			OPTIONAL,
 *	lastSegment 			BOOLEAN,
 *	snapshotData 			SnapshotDeviceData, ... }
 * ```
 * The segments of a snapshot sent in `data` mode: `chunkSize` entries each (one empty segment for
 * an idle device), segmentID 1, 2, ..., lastSegment TRUE on the last one only.
 */
export function snapshotSegments(serviceCrossRefID: string, data: readonly SnapshotDeviceResponseInfo[], chunkSize: number): SnapshotDeviceDataArgument[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new SimulatorStateError(`snapshotChunkSize must be a positive integer, got ${chunkSize}`);
  const chunks: SnapshotDeviceResponseInfo[][] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.slice(i, i + chunkSize));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((snapshotData, i) => ({ serviceCrossRefID, segmentID: i + 1, lastSegment: i === chunks.length - 1, snapshotData }));
}

/** The inline snapshotDevice result. */
export function inlineDeviceResult(data: SnapshotDeviceResponseInfo[]): SnapshotDeviceResult {
  return { crossRefIDorSnapshotData: { snapshotData: data } };
}

/** snapshotCall: every party of the call with its connection state, and the calling and called devices. */
export function callSnapshot(call: Call): SnapshotCallResult {
  return {
    crossRefIDorSnapshotData: {
      snapshotData: [...call.connections.values()].map((c) => ({ deviceOnCall: extDev(c.device), callIdentifier: connectionID(call.callID, c.device), localConnectionState: c.state })),
    },
    callingDevice: extDev(call.calling),
    calledDevice: extDev(call.called),
  };
}
