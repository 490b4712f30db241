import { decodePdu } from '/work/main/protocol/pdu.js';
import { loadFrameFixtures } from '/work/main/test/support/fixtures.js';
const events = loadFrameFixtures().filter((f) => f.file.startsWith('event.')).map((f) => f.bytes);
let n = 0; const t = performance.now();
while (performance.now() - t < 4000) { for (const e of events) { decodePdu(e); n++; } }
console.log((n / 4).toFixed(0), '/s');
