# Helpers for the end-to-end CLI tests. Each test script is run by ctest as
# `bash SCRIPT path/to/storyline path/to/source`.
set -euo pipefail
SL="$1"
SRC="$2"
SHARED="$SRC/../shared"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_exit CODE CMD...: runs CMD, fails unless it exits with CODE.
expect_exit() {
  local want=$1; shift
  set +e; "$@"; local got=$?; set -e
  [[ $got -eq $want ]] || fail "exit $got (wanted $want): $*"
}
# validate_brief FILE: checks a JSON brief against the project's schema.
validate_brief() {
  /usr/bin/python3 - "$SRC/schema/brief.schema.json" "$1" <<'PY'
import json, sys, jsonschema
schema, doc = (json.load(open(p)) for p in sys.argv[1:3])
errs = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
for e in errs[:10]:
    print("/".join(map(str, e.path)) + ": " + e.message[:200], file=sys.stderr)
sys.exit(1 if errs else 0)
PY
}
