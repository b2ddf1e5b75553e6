# Issue 12, part 6: `stories`, `search` and `brief` may run while an ingest
# writes. Each reader sees a consistent snapshot (valid output, every story
# it lists readable), none fails with a busy or locked store, and the
# readers leave the ingest's result exactly as an ingest with no reader.
source "$(dirname "$0")/lib.bash"
/usr/bin/python3 "$SRC/bench/synthetic_jsonl.py" "$SHARED/data/ud-en-ewt" 600 > "$TMP/feed.jsonl"

"$SL" ingest --no-progress --batch 50 --db "$TMP/quiet.db" "$TMP/feed.jsonl" > /dev/null
"$SL" stories --db "$TMP/quiet.db" > "$TMP/quiet.txt"

DB="$TMP/live.db"
"$SL" ingest --no-progress --batch 50 --db "$DB" "$TMP/feed.jsonl" > "$TMP/ingest.txt" 2>&1 &
writer=$!
reads=0
while kill -0 "$writer" 2> /dev/null; do
  [[ -e "$DB" ]] || { sleep 0.05; continue; }
  # A store still being created may not be one yet: only a refusal that
  # says so is allowed, never a busy or locked error.
  if ! "$SL" stories --db "$DB" --json > "$TMP/list.json" 2> "$TMP/err.txt"; then
    grep -qi 'busy\|locked' "$TMP/err.txt" && fail "reader blocked: $(cat "$TMP/err.txt")"
    grep -q 'not a storyline store\|schema version\|no such' "$TMP/err.txt" || fail "stories failed: $(cat "$TMP/err.txt")"
    continue
  fi
  /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/list.json" || fail "stories --json not JSON"
  story=$(/usr/bin/python3 -c 'import json,sys; l=json.load(open(sys.argv[1])); print(l[0]["id"] if l else "")' "$TMP/list.json")
  if [[ -n $story ]]; then
    # A story listed a moment ago may have merged since: then its id
    # resolves to the survivor, or the brief says plainly it is gone.
    if ! "$SL" brief --db "$DB" "$story" --format json -o "$TMP/b.json" 2> "$TMP/err.txt"; then
      grep -q 'no story with id' "$TMP/err.txt" || fail "brief failed: $(cat "$TMP/err.txt")"
    fi
  fi
  "$SL" search --db "$DB" --json "said" > /dev/null 2> "$TMP/err.txt" || fail "search failed: $(cat "$TMP/err.txt")"
  reads=$((reads + 1))
done
wait "$writer" || fail "ingest failed beside readers: $(cat "$TMP/ingest.txt")"
echo "readers ran $reads times during the ingest"
"$SL" stories --db "$DB" > "$TMP/live.txt"
cmp -s "$TMP/quiet.txt" "$TMP/live.txt" || fail "readers changed the result: $(diff "$TMP/quiet.txt" "$TMP/live.txt" | head)"
echo ok
