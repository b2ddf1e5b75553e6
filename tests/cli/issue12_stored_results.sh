# Issue 12, part 2 (keep what was learned): a story's brief read from the
# store is byte for byte the one-shot brief of the same files; one more
# article annotates exactly one article and groups only it; annotations made
# by another annotator version are found stale and `reindex` refreshes them
# with progress on stderr.
source "$(dirname "$0")/lib.bash"
for d in brackenford-bridge nimbrella-breach; do
  DB="$TMP/$d.db"
  "$SL" ingest --db "$DB" "$SRC/examples/$d" > /dev/null
  story=$("$SL" stories --db "$DB" | cut -f1)
  [[ $(echo "$story" | wc -l) == 1 ]] || fail "$d: expected one story, got: $story"
  "$SL" brief --db "$DB" "$story" --format json -o "$TMP/stored.json"
  "$SL" brief "$SRC/examples/$d" --format json -o "$TMP/oneshot.json"
  cmp -s "$TMP/stored.json" "$TMP/oneshot.json" || fail "$d: stored brief differs from the one-shot brief: $(diff "$TMP/stored.json" "$TMP/oneshot.json" | head -20)"
done

DB="$TMP/all.db"
"$SL" ingest --db "$DB" "$SRC/examples" > /dev/null 2>&1
printf 'Harbour notice\n\nThe harbour office said the north quay would close for repairs.\n' > "$TMP/extra.txt"
"$SL" ingest --db "$DB" "$TMP/extra.txt" > "$TMP/one.txt"
grep -q 'annotated 1 article, grouped 1 into stories, 1 story changed' "$TMP/one.txt" || fail "one more article: $(cat "$TMP/one.txt")"

# One article's annotations stamped with another annotator version: the
# blob's header (magic, format varint, annotator varint at byte 5) and the
# row's column, as an older storyline would have written them.
/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
doc, blob = c.execute("SELECT doc, blob FROM annotations ORDER BY doc LIMIT 1").fetchone()
blob = bytearray(blob); assert blob[:4] == b"SLAN" and blob[5] < 0x80; blob[5] = 0
c.execute("UPDATE annotations SET annotator = 0, blob = ? WHERE doc = ?", (bytes(blob), doc)); c.commit()
PY
"$SL" reindex --db "$DB" > "$TMP/re.txt" 2> "$TMP/re.err" || fail "reindex failed: $(cat "$TMP/re.err")"
grep -q 're-annotated 1 article ' "$TMP/re.txt" || fail "reindex: $(cat "$TMP/re.txt")"
grep -q 'reindex: 1/1 articles annotated' "$TMP/re.err" || fail "reindex progress: $(cat "$TMP/re.err")"
"$SL" reindex --db "$DB" > "$TMP/re2.txt"
grep -q 're-annotated 0 articles' "$TMP/re2.txt" || fail "second reindex: $(cat "$TMP/re2.txt")"
"$SL" brief --db "$DB" --format json -o "$TMP/all.json"
validate_brief "$TMP/all.json"
echo ok
