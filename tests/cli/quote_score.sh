# tools/quote_score: the measure checks itself (--self-check: hand-computed
# cases, gold against itself and against perturbed gold), the news dev set in
# eval/quotes/ loads with every text and quote hash matching, a drifted hash
# is reported by name, and a full run scores every gold quotation (the
# figures themselves are not gated here: they move with the finder).
source "$(dirname "$0")/lib.bash"
QS="$(dirname "$SL")/tools/quote_score"
[[ -x "$QS" ]] || fail "no $QS (build the quote_score target)"
GOLD="$SRC/eval/quotes"
MEANTIME="$SHARED/data/timex-meantime-en/intra-doc_annotation"

# Without the MEANTIME data only the examples' annotations can be checked.
if [[ ! -d "$MEANTIME" ]]; then
  echo "no $MEANTIME: checking the examples' annotations only"
  mkdir "$TMP/gold"
  cp "$GOLD/examples.json" "$TMP/gold/"
  echo '{"format": "storyline-quotes/1", "articles": []}' > "$TMP/gold/meantime-en.json"
  GOLD="$TMP/gold"
fi
ARGS=(--gold "$GOLD" --examples "$SRC/examples" --shared "$SHARED")

"$QS" "${ARGS[@]}" --self-check > "$TMP/self.txt" 2> "$TMP/self.err" || {
  grep -v '^PASS' "$TMP/self.txt" "$TMP/self.err" >&2; fail "quote_score --self-check failed"; }
grep -q '^self-check: ok$' "$TMP/self.txt" || fail "self-check did not report ok"
grep -q '^FAIL' "$TMP/self.txt" && fail "a self-check line failed"
[[ $(grep -c '^PASS' "$TMP/self.txt") -ge 50 ]] || fail "fewer self-check lines than expected"

# A quote whose text hash no longer matches is named, and the run fails.
mkdir -p "$TMP/drift"
cp "$GOLD"/*.json "$TMP/drift/"
/usr/bin/python3 - "$TMP/drift/examples.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p))
q = d["articles"][0]["quotes"][0]
q["end"] -= 1  # the span no longer covers the text whose hash is stored
json.dump(d, open(p, "w"))
PY
expect_exit 1 "$QS" --gold "$TMP/drift" --examples "$SRC/examples" --shared "$SHARED" --self-check \
  > /dev/null 2> "$TMP/drift.err"
grep -q 'examples.json: article .* quote 1 .*text hash' "$TMP/drift.err" || fail "drift not named: $(cat "$TMP/drift.err")"

# A field of the wrong type is a named error, not a crash.
sed 's/"start": [0-9]*/"start": "x"/' "$GOLD/examples.json" > "$TMP/drift/examples.json"
expect_exit 1 "$QS" --gold "$TMP/drift" --examples "$SRC/examples" --shared "$SHARED" > /dev/null 2> "$TMP/bad.err"
grep -q 'examples.json: malformed gold file' "$TMP/bad.err" || fail "bad field not named: $(cat "$TMP/bad.err")"

# A full run scores every gold quotation, with figures in [0, 1].
"$QS" "${ARGS[@]}" --json > "$TMP/score.json" 2> /dev/null
/usr/bin/python3 - "$TMP/score.json" "$GOLD" <<'PY'
import glob, json, sys
score = json.load(open(sys.argv[1]))
gold = sum(len(a["quotes"]) for f in glob.glob(sys.argv[2] + "/*.json")
           for a in json.load(open(f))["articles"])
row = score["news-dev"]["all"]
assert row["gold"] == gold, (row["gold"], gold)
for kind, r in score["news-dev"].items():
    if kind == "articles":
        continue
    for m in ("exact", "overlap", "share"):
        for k in ("p", "r", "f1"):
            assert 0 <= r[m][k] <= 1, (kind, m, k, r[m][k])
    assert 0 <= r["attribution"] <= 1
print("dev set:", score["news-dev"]["articles"], "articles,", gold, "quotations")
PY
