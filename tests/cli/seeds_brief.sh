# The one-shot brief of real articles (../shared/seeds) is schema-valid,
# keeps article text and reports removed boilerplate; Markdown and HTML work.
source "$(dirname "$0")/lib.bash"
[[ -d "$SHARED/seeds" ]] || { echo "skipped: no ../shared/seeds"; exit 0; }
"$SL" brief "$SHARED"/seeds/*.txt --format json -o "$TMP/b.json"
validate_brief "$TMP/b.json"
/usr/bin/python3 - "$TMP/b.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert len(b["articles"]) == 4, len(b["articles"])
removed = sum(len(a["boilerplate_removed"]) for a in b["articles"])
assert removed >= 4, f"only {removed} boilerplate lines removed from the seeds"
for a in b["articles"]:
    assert a["title"], a
PY
"$SL" brief "$SHARED"/seeds/*.txt --format md > "$TMP/b.md"
[[ -s "$TMP/b.md" ]] || fail "empty Markdown brief"
"$SL" brief "$SHARED"/seeds/*.txt --format html -o "$TMP/b.html"
grep -qi '<!doctype html>' "$TMP/b.html" || fail "HTML brief has no doctype"
! grep -qiE '<(script|link)[ >]' "$TMP/b.html" || fail "HTML brief is not self-contained"
expect_exit 1 "$SL" brief "$SHARED"/seeds/*.txt --format pdf
echo ok
