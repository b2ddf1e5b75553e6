# `storyline extract` on the article-extraction benchmark: the scorer must
# reproduce the published systems' scores, and our F1 must not regress below
# the best open-source extractor's published 0.958 (a quality gate, not a
# timing: it is deterministic).
source "$(dirname "$0")/lib.bash"
DATA="$SHARED/data/article-extraction"
[[ -d "$DATA" ]] || { echo "skipped: no $DATA"; exit 0; }
SCORE="$(dirname "$SL")/tools/extraction_score"
"$SCORE" --data "$DATA" --self-check > "$TMP/self.txt" || { cat "$TMP/self.txt"; fail "scorer self-check"; }
"$SL" extract --json "$DATA/html" > "$TMP/pred.jsonl"
[[ $(wc -l < "$TMP/pred.jsonl") -eq 181 ]] || fail "extract did not produce 181 articles"
"$SCORE" --data "$DATA" --pred "$TMP/pred.jsonl" | tee "$TMP/score.txt"
f1=$(grep -oE 'F1 [0-9.]+' "$TMP/score.txt" | head -1 | cut -d' ' -f2)
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.958 else 1)" || fail "extraction F1 $f1 < 0.958"
echo ok
