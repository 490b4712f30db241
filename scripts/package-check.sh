#!/usr/bin/env bash
# The package as a user gets it (called by .ci/run; `npm run package-check` by hand):
#   1. npm pack (prepack builds dist/), and the tarball holds what it must and nothing it must not;
#   2. a fresh project outside the checkout installs the tarball with only `typescript` (the
#      lockfile's version) and the newest `@types/node`;
#   3. every type a public declaration names is exported (scripts/check-exports.mjs on its dist/);
#   4. ESM imports of csta-link and csta-link/protocol decode the bundled capture; csta-link/opencti
#      installs Pega's desktop API object; require() either works (require(esm)) or says csta-link is ESM-only;
#   5. every ```ts block of README.md, and a csta-link/opencti example, type-checks there under --strict;
#   6. npx csta --help, --version, decode of the bundled capture and demo run from dist/ (no tsx there).
# Exits non-zero at the first failure, saying which step failed. Needs the npm registry for step 2.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# Upper bound of each npm step (pack, install), in seconds.
STEP_TIMEOUT="${PACKAGE_CHECK_TIMEOUT:-300}"
work="$(mktemp -d "${TMPDIR:-/tmp}/csta-package-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step() { printf '\n== package check: %s\n' "$*"; }
fail() { printf 'package check FAILED: %s\n' "$*" >&2; exit 1; }

cd "$repo"
version="$(node -p "require('./package.json').version")"
ts_version="$(node -p "require('./package-lock.json').packages['node_modules/typescript'].version")"

step "npm pack (csta-link $version)"
timeout "$STEP_TIMEOUT" npm pack --silent --pack-destination "$work" >"$work/pack.out" || fail "npm pack"
tarball="$work/$(tail -n 1 "$work/pack.out")"
[[ -f "$tarball" ]] || fail "npm pack wrote no tarball ($(cat "$work/pack.out"))"
tar -tzf "$tarball" | sed 's#^package/##' | sort >"$work/contents.txt"
echo "$(wc -l <"$work/contents.txt") files, $(du -h "$tarball" | cut -f1)"
for required in package.json README.md LICENSE CHANGELOG.md bin/csta.js cjs/index.cjs cjs/protocol.cjs \
  dist/lib/index.js dist/lib/index.d.ts dist/protocol/index.js dist/protocol/index.d.ts dist/lib/cli/main.js \
  dist/lib/pega/gateway/public/toolbar.html dist/lib/pega/gateway/public/toolbar.js \
  dist/lib/pega/gateway/public/opencti.js dist/lib/pega/gateway/public/opencti.classic.js \
  dist/lib/opencti/index.js dist/lib/opencti/index.d.ts \
  fixtures/traces/ber-inbound-call/trace.pcap; do
  grep -qxF "$required" "$work/contents.txt" || fail "the tarball lacks $required"
done
forbidden="$(grep -E '^(test|oracle|bench|scripts|docs|lib|protocol|node_modules|\.ci)/|^dist/(test|bench|scripts)/|\.map$|\.tsbuildinfo$|^fixtures/' "$work/contents.txt" \
  | grep -vxF 'fixtures/traces/ber-inbound-call/trace.pcap' || true)"
[[ -z "$forbidden" ]] || fail "the tarball holds files a user must not get:
$forbidden"

step "fresh project: install the tarball, typescript@$ts_version, @types/node@latest"
app="$work/app"
mkdir "$app"
cd "$app"
cat >package.json <<'JSON'
{ "name": "csta-link-package-check", "version": "0.0.0", "private": true, "type": "module" }
JSON
timeout "$STEP_TIMEOUT" npm install --no-audit --no-fund --no-package-lock --loglevel=error \
  "$tarball" "typescript@$ts_version" "@types/node@latest" || fail "npm install in the fresh project"
[[ ! -e node_modules/tsx ]] || fail "tsx got installed: it must not be a dependency of the package"
echo "installed: typescript $(node -p "require('typescript/package.json').version"), @types/node $(node -p "require('@types/node/package.json').version")"

step "every type a public declaration names is exported (scripts/check-exports.mjs)"
node "$repo/scripts/check-exports.mjs" node_modules/csta-link/dist || fail "public declarations name unexported types"

step "ESM import of csta-link and csta-link/protocol"
cat >esm-check.mjs <<'JS'
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CstaSession, PegaCtiLink, flattenEvent } from 'csta-link';
import { readCapture, decodePdu, hexToBytes, DecodeError } from 'csta-link/protocol';

if (typeof CstaSession !== 'function' || typeof PegaCtiLink !== 'function') throw new Error('csta-link lacks CstaSession/PegaCtiLink');
const capture = fileURLToPath(new URL('./node_modules/csta-link/fixtures/traces/ber-inbound-call/trace.pcap', import.meta.url));
const frames = readCapture(readFileSync(capture)).filter((e) => e.kind === 'frame');
const pdu = decodePdu(frames[2].bytes);
if (pdu.pdu !== 'invoke' || pdu.operation !== 'cSTAEventReport') throw new Error(`frame 3 decoded to ${pdu.pdu} ${pdu.operation}`);
const event = flattenEvent(pdu.argument);
if (event.type !== 'delivered') throw new Error(`frame 3 is a ${event.type} event, expected delivered`);
let refused;
try {
  decodePdu(hexToBytes('a1 0c 02 01 01 02 01 02 30 04 a0 02 80 00'));
} catch (e) {
  refused = e;
}
if (!(refused instanceof DecodeError)) throw new Error('a bad frame did not throw a DecodeError');
console.log(`ok: ${frames.length} frames, frame 3 is ${event.type}; a bad frame throws ${refused.name} ${refused.code}`);
JS
node esm-check.mjs || fail "ESM import"

step "ESM import of csta-link/opencti (installs pega.cti.desktopApi.<name>)"
cat >opencti-check.mjs <<'JS'
import { installOpenCti, OPENCTI_IMPLEMENTATION_VERSION } from 'csta-link/opencti';

const page = {};
const Api = installOpenCti({ global: page, name: 'packageCheck' });
if (page.pega?.cti?.desktopApi?.packageCheck !== Api) throw new Error('installOpenCti did not install pega.cti.desktopApi.packageCheck');
const api = new Api();
if (api.name !== 'packageCheck' || api.implementationVersion !== OPENCTI_IMPLEMENTATION_VERSION) throw new Error(`name/implementationVersion: ${api.name}/${api.implementationVersion}`);
let error;
api.holdCall('1', {}, () => undefined, (e) => (error = e));
if (error?.errCode !== 'OPENCTI_AGENT_NOT_LOGGED_IN' || !(error instanceof page.pega.cti.desktopApi.errorObject)) throw new Error(`holdCall before login gave ${JSON.stringify(error)}`);
console.log(`ok: pega.cti.desktopApi.${api.name} v${api.implementationVersion}; before login: ${error.errCode}`);
JS
node opencti-check.mjs || fail "ESM import of csta-link/opencti"

step "require('csta-link'): works through require(esm), or says ESM-only"
cat >cjs-check.cjs <<'JS'
let loaded;
try {
  loaded = require('csta-link');
} catch (e) {
  if (!/ESM-only/.test(String(e && e.message))) throw new Error(`require('csta-link') failed without the ESM-only message: ${e}`);
  console.log(`ok: ${e.message.split(':')[0]}`);
  process.exit(0);
}
if (typeof loaded.CstaSession !== 'function') throw new Error('require("csta-link") gave no CstaSession');
if (typeof require('csta-link/protocol').decodePdu !== 'function') throw new Error('require("csta-link/protocol") gave no decodePdu');
console.log('ok: require(esm) loads csta-link and csta-link/protocol');
JS
node cjs-check.cjs || fail "require()"

step "README.md's TypeScript examples under tsc --strict"
mkdir examples
node - "$repo/README.md" <<'JS'
const { readFileSync, writeFileSync } = require('node:fs');
const blocks = [...readFileSync(process.argv[2], 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
if (blocks.length === 0) throw new Error('README.md has no ```ts block');
blocks.forEach((code, i) => writeFileSync(`examples/readme-${i + 1}.ts`, code));
console.log(`${blocks.length} example(s)`);
JS
cat >examples/opencti.ts <<'TS'
import { installOpenCti } from 'csta-link/opencti';
import type { OpenCtiDesktopApi, OpenCtiErrorObject, PegaEvent } from 'csta-link/opencti';

const Api = installOpenCti({ name: 'cstaLink', url: 'wss://gateway.example.com/cti', token: async () => 'jwt' });
const api: OpenCtiDesktopApi = new Api();
api.login('5501', '', '2000', {}, {}, () => undefined, (e: OpenCtiErrorObject) => console.log(e.errCode), (event: PegaEvent) => console.log(event.pyEventType));
TS
cat >tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "types": ["node"]
  },
  "include": ["examples"]
}
JSON
npx --no-install tsc -p tsconfig.json || fail "README examples do not type-check (typescript $ts_version, newest @types/node, --strict, no skipLibCheck)"
echo "ok"

step "npx csta (from dist/, no dev dependency)"
npx --no-install csta --help >help.txt || fail "csta --help"
grep -q 'decode' help.txt || fail "csta --help does not list decode"
got="$(npx --no-install csta --version)" || fail "csta --version"
[[ "$got" == "$version" ]] || fail "csta --version printed '$got', the package is $version"
npx --no-install csta decode node_modules/csta-link/fixtures/traces/ber-inbound-call/trace.pcap >decode.txt || fail "csta decode of the bundled capture"
grep -q 'delivered (DeliveredEvent)' decode.txt || fail "csta decode of the bundled capture shows no DeliveredEvent"
timeout 60 npx --no-install csta demo >demo.txt || fail "csta demo (bundled trace, then a simulated call over 127.0.0.1)"
grep -q 'DeliveredEvent' demo.txt || fail "csta demo did not decode the bundled trace"
grep -q 'Pega {"pyEventType":"CallStateEvent"' demo.txt || fail "csta demo printed no Pega event"
echo "ok: --help, --version $got, decode ($(grep -c '^Frame ' decode.txt) frames), demo"

printf '\npackage check passed\n'
