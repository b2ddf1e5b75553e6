# tools/quote_score: the measure checks itself (--self-check: hand-computed
# cases, gold against itself and against perturbed gold), the news dev set in
# eval/quotes/ loads with every text and quote hash matching, a drifted hash
# is reported by name, and a full run scores every gold quotation (the
# figures themselves are not gated here: they move with the finder). The
# invented articles (invented.json, texts in eval/quotes/articles/) and the
# GUM news documents (gum-news.json and gum-news-2.json, texts from
# ../shared/data/ud-en-gum) and the ECB+ news articles (ecbplus-news.json,
# -2 and -3, texts from ../shared/data/ecbplus-stories) load the same way, as rows of
# their own (the invented, gum-news-2 and ecbplus ones split into dev and
# test), and the test
# splits' errors are not listed without --final.
source "$(dirname "$0")/lib.bash"
QS="$(dirname "$SL")/tools/quote_score"
[[ -x "$QS" ]] || fail "no $QS (build the quote_score target)"
GOLD="$SRC/eval/quotes"
MEANTIME="$SHARED/data/timex-meantime-en/intra-doc_annotation"

# Without the MEANTIME data only the examples' annotations can be checked.
if [[ ! -d "$MEANTIME" ]]; then
  echo "no $MEANTIME: checking the examples' annotations only"
  mkdir "$TMP/gold"
  cp "$GOLD/examples.json" "$GOLD/invented.json" "$TMP/gold/"
  echo '{"format": "storyline-quotes/1", "articles": []}' > "$TMP/gold/meantime-en.json"
  GOLD="$TMP/gold"
fi
INV=(--invented "$SRC/eval/quotes/articles")
ARGS=(--gold "$GOLD" --examples "$SRC/examples" --shared "$SHARED" "${INV[@]}")

"$QS" "${ARGS[@]}" --self-check > "$TMP/self.txt" 2> "$TMP/self.err" || {
  grep -v '^PASS' "$TMP/self.txt" "$TMP/self.err" >&2; fail "quote_score --self-check failed"; }
grep -q '^self-check: ok$' "$TMP/self.txt" || fail "self-check did not report ok"
grep -q '^FAIL' "$TMP/self.txt" && fail "a self-check line failed"
[[ $(grep -c '^PASS' "$TMP/self.txt") -ge 50 ]] || fail "fewer self-check lines than expected"
grep -q '^invented set: 24 articles' "$TMP/self.txt" || fail "invented set not loaded: $(grep invented "$TMP/self.txt")"
grep -q '^PASS unresolved: a candidate by name' "$TMP/self.txt" || fail "no unresolved-speaker checks"
grep -q '^PASS mention kind of quotation 2 is pronoun' "$TMP/self.txt" || fail "no mention-kind checks"

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

# The same for the invented set: a quote's span, a headline quote's hash, a
# split that is neither dev nor test, an unresolved speaker without two
# candidates -- each named, and the run fails.
cp "$GOLD/examples.json" "$TMP/drift/examples.json"
/usr/bin/python3 - "$TMP/drift/invented.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p))
arts = d["articles"]
arts[0]["quotes"][1]["start"] += 1
titled = [a for a in arts if a.get("title_quotes")]
titled[0]["title_quotes"][0]["crc32"] = "00000000"
arts[2]["split"] = "train"
unresolved = [q for a in arts for q in a["quotes"] if q.get("unresolved")]
unresolved[0]["candidates"] = unresolved[0]["candidates"][:1]
json.dump(d, open(p, "w"))
PY
expect_exit 1 "$QS" --gold "$TMP/drift" --examples "$SRC/examples" --shared "$SHARED" "${INV[@]}" --self-check \
  > /dev/null 2> "$TMP/inv.err"
grep -q 'invented.json: article inv-.* quote 2 .*text hash' "$TMP/inv.err" || fail "invented drift not named: $(cat "$TMP/inv.err")"
grep -q 'invented.json: article inv-.* title quote 1 .*text hash' "$TMP/inv.err" || fail "title drift not named: $(cat "$TMP/inv.err")"
grep -q 'invented.json: article inv-.*: split must be "dev" or "test", not "train"' "$TMP/inv.err" || fail "bad split not named"
[[ $(grep -c 'invented.json: article inv-.* quote [0-9]* .*text hash' "$TMP/inv.err") -ge 3 ]] || fail "one-candidate unresolved speaker not named"
cp "$GOLD/invented.json" "$TMP/drift/invented.json"

# A field of the wrong type is a named error, not a crash.
sed 's/"start": [0-9]*/"start": "x"/' "$GOLD/examples.json" > "$TMP/drift/examples.json"
expect_exit 1 "$QS" --gold "$TMP/drift" --examples "$SRC/examples" --shared "$SHARED" "${INV[@]}" > /dev/null 2> "$TMP/bad.err"
grep -q 'examples.json: malformed gold file' "$TMP/bad.err" || fail "bad field not named: $(cat "$TMP/bad.err")"

# A full run scores every gold quotation, with figures in [0, 1].
"$QS" "${ARGS[@]}" --json > "$TMP/score.json" 2> /dev/null
/usr/bin/python3 - "$TMP/score.json" "$GOLD" <<'PY'
import glob, json, sys
score = json.load(open(sys.argv[1]))
files = [f for f in glob.glob(sys.argv[2] + "/*.json")
         if not f.endswith(("/invented.json", "/gum-news.json", "/gum-news-2.json", "/ecbplus-news.json",
                                 "/ecbplus-news-2.json", "/ecbplus-news-3.json", "/ecbplus-news-4.json",
                                 "/ecbplus-news-5.json", "/ecbplus-news-6.json",
                                 "/ecbplus-news-7.json", "/ecbplus-news-8.json",
                                 "/ecbplus-news-9.json", "/ecbplus-news-10.json", "/ecbplus-news-long.json",
                                 "/ecbplus-news-long-2.json", "/ecbplus-news-long-3.json"))]
gold = sum(len(a["quotes"]) for f in files for a in json.load(open(f))["articles"])
row = score["news-dev"]["all"]
assert row["gold"] == gold, (row["gold"], gold)
# The GUM news documents, a row of their own (when the GUM data is there).
gum_files = glob.glob(sys.argv[2] + "/gum-news.json")
if gum_files and "gum-news" in score:
    n = sum(len(a["quotes"]) for a in json.load(open(gum_files[0]))["articles"])
    assert score["gum-news"]["all"]["gold"] == n, (score["gum-news"]["all"]["gold"], n)
# The other 14, split into dev and test rows like the invented articles.
gum2_files = glob.glob(sys.argv[2] + "/gum-news-2.json")
if gum2_files and "gum-news-2-dev" in score:
    gum2 = json.load(open(gum2_files[0]))["articles"]
    for split in ("dev", "test"):
        arts = [a for a in gum2 if a["split"] == split]
        s = score["gum-news-2-" + split]
        assert (s["articles"], s["all"]["gold"]) == (len(arts), sum(len(a["quotes"]) for a in arts)), split
# The ECB+ news articles, split the same way (when the ECB+ data is there).
ecb_files = glob.glob(sys.argv[2] + "/ecbplus-news.json")
if ecb_files and "ecbplus-dev" in score:
    ecb = json.load(open(ecb_files[0]))["articles"]
    for split in ("dev", "test"):
        arts = [a for a in ecb if a["split"] == split]
        s = score["ecbplus-" + split]
        assert (s["articles"], s["all"]["gold"]) == (len(arts), sum(len(a["quotes"]) for a in arts)), split
# The second to tenth ECB+ sets (ecbplus-news-N.json) and the longer
# articles (ecbplus-news-long.json, -long-2 and -long-3), the same way.
for n in ("2", "3", "4", "5", "6", "7", "8", "9", "10", "long", "long2", "long3"):
    files_n = glob.glob(sys.argv[2] + "/ecbplus-news-%s.json" % {"long2": "long-2", "long3": "long-3"}.get(n, n))
    if files_n and "ecbplus-%s-dev" % n in score:
        ecbn = json.load(open(files_n[0]))["articles"]
        for split in ("dev", "test"):
            arts = [a for a in ecbn if a["split"] == split]
            s = score["ecbplus-%s-%s" % (n, split)]
            assert (s["articles"], s["all"]["gold"]) == (len(arts), sum(len(a["quotes"]) for a in arts)), (n, split)
inv = json.load(open(sys.argv[2] + "/invented.json"))["articles"]
for split in ("dev", "test"):
    arts = [a for a in inv if a["split"] == split]
    n = sum(len(a["quotes"]) for a in arts)
    s = score["invented-" + split]
    assert (s["articles"], s["all"]["gold"]) == (len(arts), n), (split, s["articles"], s["all"]["gold"], len(arts), n)
for name in ("news-dev", "gum-news", "gum-news-2-dev", "gum-news-2-test", "ecbplus-dev", "ecbplus-test",
             "ecbplus-2-dev", "ecbplus-2-test", "ecbplus-3-dev", "ecbplus-3-test", "ecbplus-4-dev", "ecbplus-4-test",
             "ecbplus-5-dev", "ecbplus-5-test", "ecbplus-6-dev", "ecbplus-6-test", "ecbplus-7-dev", "ecbplus-7-test",
             "ecbplus-8-dev", "ecbplus-8-test", "ecbplus-9-dev", "ecbplus-9-test", "ecbplus-10-dev", "ecbplus-10-test",
             "ecbplus-long-dev", "ecbplus-long-test", "ecbplus-long2-dev", "ecbplus-long2-test",
             "ecbplus-long3-dev", "ecbplus-long3-test",
             "invented-dev", "invented-test"):
    for kind, r in score.get(name, {}).items():
        if kind == "articles":
            continue
        for m in ("exact", "overlap", "share"):
            for k in ("p", "r", "f1"):
                assert 0 <= r[m][k] <= 1, (name, kind, m, k, r[m][k])
        assert 0 <= r["attribution"] <= 1
        # Speaker accuracy by kind of mention: every matched gold quotation
        # has one kind (name, pronoun, description).
        by = r.get("by_mention", {})
        assert set(by) <= {"name", "pronoun", "description"}, (name, kind, by)
        assert sum(m["matched"] for m in by.values()) == r["matched"], (name, kind, by, r["matched"])
        for m in by.values():
            assert 0 <= m["attribution"] <= 1
print("dev set:", score["news-dev"]["articles"], "articles,", gold, "quotations;",
      "invented:", score["invented-dev"]["all"]["gold"], "dev,", score["invented-test"]["all"]["gold"], "test")
PY

# The test splits' errors (invented, gum-news-2, ecbplus, ecbplus-2 to -10, ecbplus-long, -long2, -long3) are listed only with
# --final.
"$QS" "${ARGS[@]}" --errors > /dev/null 2> "$TMP/errors.txt"
NOTICE='^(invented-test, gum-news-2-test, ecbplus-test, ecbplus-2-test, ecbplus-3-test, ecbplus-4-test, '
NOTICE+='ecbplus-5-test, ecbplus-6-test, ecbplus-7-test, ecbplus-8-test, ecbplus-9-test, ecbplus-10-test, '
NOTICE+='ecbplus-long-test, ecbplus-long2-test and ecbplus-long3-test errors '
NOTICE+='are not listed without --final)$'
grep -q "$NOTICE" \
  "$TMP/errors.txt" || fail "no --final notice"
grep -q '^ecbplus-2-test ' "$TMP/errors.txt" && fail "ecbplus-2 test errors listed without --final"
grep -q '^ecbplus-3-test ' "$TMP/errors.txt" && fail "ecbplus-3 test errors listed without --final"
grep -q '^ecbplus-4-test ' "$TMP/errors.txt" && fail "ecbplus-4 test errors listed without --final"
grep -q '^ecbplus-5-test ' "$TMP/errors.txt" && fail "ecbplus-5 test errors listed without --final"
grep -q '^ecbplus-6-test ' "$TMP/errors.txt" && fail "ecbplus-6 test errors listed without --final"
grep -q '^ecbplus-7-test ' "$TMP/errors.txt" && fail "ecbplus-7 test errors listed without --final"
grep -q '^ecbplus-8-test ' "$TMP/errors.txt" && fail "ecbplus-8 test errors listed without --final"
grep -q '^ecbplus-9-test ' "$TMP/errors.txt" && fail "ecbplus-9 test errors listed without --final"
grep -q '^ecbplus-10-test ' "$TMP/errors.txt" && fail "ecbplus-10 test errors listed without --final"
grep -q '^ecbplus-long-test ' "$TMP/errors.txt" && fail "ecbplus-long test errors listed without --final"
grep -q '^ecbplus-long2-test ' "$TMP/errors.txt" && fail "ecbplus-long2 test errors listed without --final"
grep -q '^ecbplus-long3-test ' "$TMP/errors.txt" && fail "ecbplus-long3 test errors listed without --final"
grep -q '^ecbplus-test ' "$TMP/errors.txt" && fail "ecbplus test errors listed without --final"
grep -q '^invented-test ' "$TMP/errors.txt" && fail "test-split errors listed without --final"
grep -q '^gum-news-2-test ' "$TMP/errors.txt" && fail "gum-news-2 test errors listed without --final"
true
