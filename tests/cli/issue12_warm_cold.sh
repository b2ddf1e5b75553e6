# Issue 12: an ingest keeps the story grouping in memory from one batch to
# the next (StoryCache); separate ingests read it back from the stored rows.
# Both must leave the same stories, briefs and links: 600 articles in one
# ingest of 12 batches of 50, and in 12 ingests of 50 articles each.
source "$(dirname "$0")/lib.bash"
/usr/bin/python3 "$SRC/bench/synthetic_jsonl.py" "$SHARED/data/ud-en-ewt" 600 > "$TMP/feed.jsonl"
split -l 50 -d -a 2 --additional-suffix=.jsonl "$TMP/feed.jsonl" "$TMP/part-"

"$SL" ingest --no-progress --batch 50 --db "$TMP/warm.db" "$TMP/feed.jsonl" > "$TMP/warm.txt"
# 12 batches, and the views built once after the last.
grep -q '(13 story updates' "$TMP/warm.txt" || fail "one ingest, 12 batches: $(cat "$TMP/warm.txt")"
for part in "$TMP"/part-*.jsonl; do
  "$SL" ingest --no-progress --batch 50 --db "$TMP/cold.db" "$part" > /dev/null
done
"$SL" stories --db "$TMP/warm.db" > "$TMP/warm-stories.txt"
"$SL" stories --db "$TMP/cold.db" > "$TMP/cold-stories.txt"
cmp -s "$TMP/warm-stories.txt" "$TMP/cold-stories.txt" || fail "stories differ: $(diff "$TMP/warm-stories.txt" "$TMP/cold-stories.txt" | head)"
[[ $(wc -l < "$TMP/warm-stories.txt") -gt 20 ]] || fail "too few stories to compare"
for story in $(head -n 5 "$TMP/warm-stories.txt" | cut -f1); do
  "$SL" brief --db "$TMP/warm.db" "$story" --format json -o "$TMP/w.json"
  "$SL" brief --db "$TMP/cold.db" "$story" --format json -o "$TMP/c.json"
  cmp -s "$TMP/w.json" "$TMP/c.json" || fail "brief of $story differs"
done
# The state rows themselves, and the related links.
/usr/bin/python3 - "$TMP/warm.db" "$TMP/cold.db" <<'PY' || fail "stored state differs"
import sqlite3, sys
def dump(p):
    c = sqlite3.connect(p)
    return (c.execute("SELECT kind, key, value FROM grouping_rows ORDER BY kind, key").fetchall(),
            c.execute("SELECT a, b FROM story_links ORDER BY a, b").fetchall(),
            c.execute("SELECT id, story_id FROM story_aliases ORDER BY id").fetchall())
w, c = dump(sys.argv[1]), dump(sys.argv[2])
for name, x, y in zip(("rows", "links", "aliases"), w, c):
    if x != y:
        print(f"{name}: {len(x)} vs {len(y)}", file=sys.stderr)
        sys.exit(1)
PY
echo ok
