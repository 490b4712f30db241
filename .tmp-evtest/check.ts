import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { BerReader } from '../protocol/ber/reader.js';
import { BerWriter } from '../protocol/ber/writer.js';
import { choice, explicit, sequence } from '../protocol/schema/index.js';
import { MonitorCrossRefID } from '../protocol/csta/types/status-reporting.js';
import { CallAssociatedEvents, CallControlEvents, MediaAttachmentEvents } from '../protocol/csta/events/categories-call.js';
import { parseAnnotatedHex } from '../test/support/fixtures.js';

const Arg = sequence('Arg', {
  crossRefIdentifier: MonitorCrossRefID,
  eventSpecificInfo: choice('ESI', {
    callControlEvents: explicit(0, CallControlEvents),
    callAssociatedEvents: explicit(1, CallAssociatedEvents),
    mediaAttachmentEvents: explicit(2, MediaAttachmentEvents),
  }),
});
const dir = 'fixtures/frames';
let bad = 0;
for (const f of readdirSync(dir).filter((x) => x.startsWith('event.'))) {
  const fx = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  const bytes = parseAnnotatedHex(fx.annotatedHex);
  const r = new BerReader(bytes);
  r.header(0, bytes.length); // a1
  if (r.next !== bytes.length) { console.log(f, 'outer length mismatch'); bad++; continue; }
  const end = r.end;
  let pos = r.start;
  r.header(pos, end); pos = r.next; // invokeId
  r.header(pos, end); pos = r.next; // opcode
  const argStart = pos;
  r.header(pos, end);
  if (r.next !== end) { console.log(f, 'arg length mismatch'); bad++; continue; }
  try {
    const v = Arg.decode(r);
    const ok1 = isDeepStrictEqual(JSON.parse(JSON.stringify(v)), fx.decoded.argument);
    const w = new BerWriter();
    Arg.encode(w, fx.decoded.argument, Arg.tag);
    const out = Buffer.from(w.finish()).toString('hex');
    const ok2 = out === bytes.subarray(argStart).toString('hex');
    if (!ok1 || !ok2) { bad++; console.log(f, 'decodeOK', ok1, 'encodeOK', ok2); if (!ok1) console.log(JSON.stringify(v)); if (!ok2) console.log(out, '\n', bytes.subarray(argStart).toString('hex')); }
    else console.log(f, 'ok');
  } catch (e) { bad++; console.log(f, 'ERR', (e as Error).message); }
}
process.exit(bad ? 1 : 0);
