/**
 * `csta decode --ladder`: a ladder diagram per call id. The first column is the application (the
 * client end of the link), the others the call's devices in the order they appear. An event is an
 * arrow from the device it happened at (its monitor's device, else the first device it names) to
 * the application; a request an arrow from the application to the first device it names; a
 * reply goes back along its request's path.
 *
 *     Call 002a (stream 0)
 *       time             app         2000        1000
 *       22:15:00.010000  │◄──────────┤           │      3 DeliveredEvent
 *       22:15:00.014000  │──────────►│           │      5 AnswerCall
 *       22:15:00.016000  │◄──────────┤           │      6 AnswerCallResponse (2.000 ms)
 *
 * Frames are collected until the input ends, then each call's ladder is printed.
 */
import type { ViewedFrame } from './decode-view.js';
import { setNewest } from '../bounded-map.js';
import { timeOfDay } from './summary.js';

/** Calls drawn; frames of later calls are counted only. */
export const MAX_LADDER_CALLS = 1000;
/** Rows per call; later rows are counted only. */
export const MAX_LADDER_ROWS = 5000;
/** Device columns per call; further devices are named in the row's text. */
export const MAX_LADDER_DEVICES = 6;

const COLUMN = 12;

interface Row {
  readonly time: string;
  readonly index: number;
  readonly label: string;
  /** Device column the arrow ends at (undefined: a mark on the application's line). */
  readonly device: string | undefined;
  readonly toApp: boolean;
}

interface CallLadder {
  readonly callId: string;
  readonly stream: number | undefined;
  readonly devices: string[];
  readonly rows: Row[];
  dropped: number;
}

/** Collects frames into per-call ladders; {@link render} draws them. */
export class LadderBuilder {
  private readonly calls = new Map<string, CallLadder>();
  /** Request frame index → the call ids and device column it was drawn with. */
  private readonly requests = new Map<number, { calls: readonly string[]; device: string | undefined }>();
  private droppedCalls = 0;

  /** `only`: draw just these call ids (the `--call` filter), compared in any case. */
  constructor(private readonly only: readonly string[] = []) {}

  add(v: ViewedFrame): void {
    const facts = v.facts;
    if (facts === undefined) return;
    const request = v.reply === undefined ? undefined : this.requests.get(v.reply.requestIndex);
    if (request !== undefined) this.requests.delete(v.reply!.requestIndex);
    const callIds = facts.callIds.length > 0 ? facts.callIds : (request?.calls ?? []);
    if (callIds.length === 0) return;
    const device = request !== undefined ? request.device : (v.monitored ?? facts.devices[0]?.device);
    const toApp = v.frame.direction === undefined ? facts.kind !== 'invoke' || facts.operation === 'cSTAEventReport' : v.frame.direction.startsWith('server');
    const latency = v.reply?.latencyMs === undefined ? '' : ` (${v.reply.latencyMs.toFixed(3)} ms)`;
    const event = facts.operation === 'cSTAEventReport';
    if (facts.kind === 'invoke' && !event) {
      setNewest(this.requests, v.frame.index, { calls: callIds, device }, MAX_LADDER_ROWS);
    }
    for (const callId of callIds) {
      if (this.only.length > 0 && !this.only.some((c) => c.toLowerCase() === callId.toLowerCase())) continue;
      const key = `${v.frame.stream ?? ''}/${callId}`;
      let ladder = this.calls.get(key);
      if (ladder === undefined) {
        if (this.calls.size >= MAX_LADDER_CALLS) {
          this.droppedCalls++;
          continue;
        }
        ladder = { callId, stream: v.frame.stream, devices: [], rows: [], dropped: 0 };
        this.calls.set(key, ladder);
      }
      for (const d of [device, ...facts.devices.map((x) => x.device)]) {
        if (d !== undefined && !ladder.devices.includes(d) && ladder.devices.length < MAX_LADDER_DEVICES) ladder.devices.push(d);
      }
      if (ladder.rows.length >= MAX_LADDER_ROWS) {
        ladder.dropped++;
        continue;
      }
      const column = device !== undefined && ladder.devices.includes(device) ? device : undefined;
      const others = column === undefined && device !== undefined ? ` at ${device}` : '';
      ladder.rows.push({ time: timeOfDay(v.frame.timestamp), index: v.frame.index, label: `${v.frame.message ?? facts.kind}${others}${latency}`, device: column, toApp });
    }
  }

  /** The ladders, one block per call in order of first appearance. */
  render(): string {
    const blocks: string[] = [];
    for (const c of this.calls.values()) {
      const width = (c.devices.length + 1) * COLUMN;
      const names = ['app', ...c.devices].map((n) => n.slice(0, COLUMN - 1).padEnd(COLUMN)).join('');
      const lines = [`Call ${c.callId}${c.stream === undefined ? '' : ` (stream ${c.stream})`}`, `  ${'time'.padEnd(15)}  ${names.trimEnd()}`];
      for (const r of c.rows) lines.push(`  ${r.time.padEnd(15)}  ${drawRow(c.devices, r, width)}  ${String(r.index).padStart(4)} ${r.label}`);
      if (c.dropped > 0) lines.push(`  ... ${c.dropped} more frames of this call not drawn`);
      blocks.push(lines.join('\n'));
    }
    if (this.droppedCalls > 0) blocks.push(`... frames of ${this.droppedCalls} more calls not drawn (more than ${MAX_LADDER_CALLS} calls)`);
    return blocks.length === 0 ? 'no frame names a call id\n' : `${blocks.join('\n\n')}\n`;
  }
}

/** One row's lines and arrow. */
function drawRow(devices: readonly string[], r: Row, width: number): string {
  const chars = Array<string>(width).fill(' ');
  for (let i = 0; i <= devices.length; i++) chars[i * COLUMN] = '│';
  if (r.device === undefined) {
    chars[0] = '●';
    return chars.join('');
  }
  const to = (devices.indexOf(r.device) + 1) * COLUMN;
  for (let i = 1; i < to; i++) chars[i] = i % COLUMN === 0 ? '┼' : '─';
  chars[to] = '┤';
  if (r.toApp) chars[1] = '◄';
  else chars[to - 1] = '►';
  return chars.join('');
}
