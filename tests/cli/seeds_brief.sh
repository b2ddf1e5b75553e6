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
# Cross-source view: outlets share quotations and disagree on facts.
quotes = [q for s in b["stories"] for q in s["quotes"]]
assert any(len({o["article"] for o in q["occurrences"]}) >= 2 for q in quotes), \
    "no quotation is grouped across two articles"
claims = [c for s in b["stories"] for c in s["claims"]]
assert any(c["status"] == "conflict" for c in claims), "no conflicting claim"
for c in claims:
    assert c["values"], c
    assert (c["status"] == "conflict") == (len(c["values"]) > 1), c
    for v in c["values"]:
        assert v["articles"] and v["evidence"], c
for s in b["stories"]:
    ids = [q["id"] for q in s["quotes"]]
    assert len(ids) == len(set(ids)), "quote ids repeat"
    for q in s["quotes"]:
        assert q["text"], q
        for o in q["occurrences"]:
            assert o["article"] in s["articles"] and o["end"] > o["start"], o
    dates = [t["date"] for t in s["timeline"]]
    assert dates == sorted(dates), dates
    for t in s["timeline"]:
        assert t["evidence"] and t["articles"], t
PY
"$SL" brief "$SHARED"/seeds/*.txt --format md > "$TMP/b.md"
[[ -s "$TMP/b.md" ]] || fail "empty Markdown brief"
"$SL" brief "$SHARED"/seeds/*.txt --format html -o "$TMP/b.html"
grep -qi '<!doctype html>' "$TMP/b.html" || fail "HTML brief has no doctype"
! grep -qiE '<(script|link)[ >]' "$TMP/b.html" || fail "HTML brief is not self-contained"
expect_exit 1 "$SL" brief "$SHARED"/seeds/*.txt --format pdf
echo ok
