#!/usr/bin/env bash
# Builds the Erlang/OTP asn1ct oracle from the ASN.1 texts in oracle/asn1/ (ECMA-285) and
# oracle/asn1/x880/ (X.880 ROSE), and its random value generator (csta_random.erl), into
# .oracle-build/erl/ (git-ignored).
# Needs: erlc/escript (Debian: apt-get install erlang-asn1 erlang-base).
# Idempotent: does nothing when the inputs have not changed since the last successful build.
# usage: oracle/build.sh [--force]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC="$ROOT/oracle"
OUT="$ROOT/.oracle-build/erl"
command -v erlc >/dev/null || { echo "oracle: erlc not found (apt-get install erlang-asn1 erlang-base)" >&2; exit 2; }
STAMP=$(cat "$SRC"/asn1/*.asn1 "$SRC"/asn1/excerpts/*.asn1 "$SRC"/asn1/x880/*.asn1 "$SRC"/prepare.escript "$SRC"/csta_random.erl "$SRC"/build.sh | sha256sum | cut -c1-64)
if [[ "${1:-}" != "--force" && -f "$OUT/CSTA.beam" && -f "$OUT/stamp" && "$(cat "$OUT/stamp")" == "$STAMP" ]]; then
  echo "oracle: up to date ($OUT)"
  exit 0
fi
TMP="$OUT.tmp.$$"
rm -rf "$TMP"
trap 'rm -rf "$TMP"' EXIT
escript "$SRC/prepare.escript" "$TMP" "$SRC/asn1" "$SRC/asn1/excerpts" "$SRC/asn1/x880"
( cd "$TMP" && erlc -bber +maps CSTA.set.asn )
# The random value generator (csta_random:pdus/7, used by `?random` in csta_oracle.escript).
erlc -o "$TMP" "$SRC/csta_random.erl"
echo "$STAMP" > "$TMP/stamp"
rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
mv "$TMP" "$OUT"
trap - EXIT
echo "oracle: built $OUT"
