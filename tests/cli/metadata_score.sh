# tools/metadata_score: the measure checks itself (the gold scored as its own
# system is perfect and each kind of damage lowers its figure), the test
# split's errors stay hidden without --final, and the dev figures do not fall
# below this tree's (a regression gate on a dev set, not the issue's goals:
# see the README). Needs ../shared/data/article-extraction.
source "$(dirname "$0")/lib.bash"
MS="$(dirname "$SL")/tools/metadata_score"
[[ -x "$MS" ]] || fail "no $MS (build the metadata_score target)"
DATA="$SHARED/data/article-extraction"
[[ -d "$DATA/html" ]] || fail "no $DATA/html"

"$MS" --self-check > "$TMP/self.txt" || { cat "$TMP/self.txt"; fail "self-check"; }
grep -q '^self-check passed$' "$TMP/self.txt" || fail "self-check did not pass"

# The test split's errors are not listed without --final.
"$MS" --data "$DATA" --split test --errors > "$TMP/test.txt" 2> "$TMP/test.err" || fail "test split run"
grep -qE '^  (date missing|date wrong|title|authors|outlet missing|outlet wrong):' "$TMP/test.txt" && fail "test-split errors listed"
grep -q 'not listed without --final' "$TMP/test.err" || fail "no notice that test errors are hidden"

# A gold file that is not JSON Lines is bad input: exit 1.
echo 'not json' > "$TMP/bad.jsonl"
expect_exit 1 "$MS" --gold "$TMP/bad.jsonl" --data "$DATA"

# Dev figures as this tree reaches them, less a margin.
"$MS" --data "$DATA" --split dev --json > "$TMP/dev.json" || fail "dev run"
/usr/bin/python3 - "$TMP/dev.json" <<'PY' || fail "dev figures fell"
import json, sys
t = json.load(open(sys.argv[1]))["total"]
checks = [("date_accuracy", 0.96), ("date_coverage", 0.97), ("title_exact", 0.93),
          ("author_precision", 0.95), ("author_recall", 0.88), ("author_pages_right", 0.88),
          ("outlet_right", 0.80)]
bad = [f"{k} {t[k]:.3f} < {v}" for k, v in checks if t[k] < v]
if t["outlet_pages"] < 100:
    bad.append(f"outlet_pages {t['outlet_pages']} < 100 (outlet gold missing?)")
if t["date_wrong"] > 0.03:
    bad.append(f"date_wrong {t['date_wrong']:.3f} > 0.03")
print("\n".join(bad) or "dev figures ok")
sys.exit(1 if bad else 0)
PY
echo ok
