# Issue 15: schema 7 stores what the server reads (headlines, outlets, each
# view's digest, the entity -> story index, quotations under search). A
# version 6 store is refused by `serve` with a message naming `reindex`;
# `reindex` migrates it and rebuilds every view with its digest, so the
# stories, their briefs and the paged API answer as on a store made by this
# version.
source "$(dirname "$0")/lib.bash"
DB="$TMP/s.db"
"$SL" ingest --no-progress --db "$DB" "$SRC/examples" > /dev/null 2>&1
"$SL" stories --db "$DB" > "$TMP/before.txt"
story=$(head -n 1 "$TMP/before.txt" | cut -f1)
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/before.json"
dump() {  # the rows the server reads, in a stable order
  /usr/bin/python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for q in ("SELECT story_id, headline, outlets FROM story_heads ORDER BY story_id",
          "SELECT s.id, d.summary FROM story_digests d JOIN stories s ON s.stream_index = d.stream ORDER BY s.id",
          "SELECT e.key, s.id, e.mentions, e.claims, e.quotes FROM story_entities e JOIN stories s ON s.stream_index = e.stream ORDER BY 1, 2",
          "SELECT s.id, q.quote, q.speaker, q.text FROM story_quotes q JOIN stories s ON s.stream_index = q.stream ORDER BY 1, 2"):
    for row in c.execute(q):
        print(row)
PY
}
dump "$DB" > "$TMP/rows-before.txt"
[[ $(grep -c "quotes" "$TMP/rows-before.txt") -gt 0 ]] || fail "no digests written by the ingest"

# Back to version 6 as that storyline left it.
/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for sql in ("DROP TRIGGER story_outlets_delete", "DROP TABLE story_outlets", "DROP TABLE story_digests",
            "DROP TABLE story_entities", "DROP TABLE story_entity_words", "DROP TABLE story_quotes_fts",
            "DROP TABLE story_quotes", "DROP INDEX stories_by_newest", "DROP TABLE story_heads",
            "DELETE FROM meta WHERE key = 'stories_saved'",
            "PRAGMA user_version = 6"):
    c.execute(sql)
c.commit()
PY

expect_exit 1 "$SL" serve --db "$DB" --port 0 > /dev/null 2> "$TMP/old.err"
grep -q "schema version 6 needs migrating to 7.*storyline reindex --db" "$TMP/old.err" || fail "old store refused without a way out: $(cat "$TMP/old.err")"
"$SL" reindex --db "$DB" > "$TMP/reindex.txt" 2>&1 || fail "reindex: $(cat "$TMP/reindex.txt")"
version=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$DB")
[[ $version == 7 ]] || fail "schema version after reindex: $version"
"$SL" stories --db "$DB" > "$TMP/after.txt"
cmp -s "$TMP/before.txt" "$TMP/after.txt" || fail "stories after the migration differ: $(diff "$TMP/before.txt" "$TMP/after.txt" | head)"
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/after.json"
cmp -s "$TMP/before.json" "$TMP/after.json" || fail "brief after the migration differs"
dump "$DB" > "$TMP/rows-after.txt"
cmp -s "$TMP/rows-before.txt" "$TMP/rows-after.txt" || fail "server rows after the migration differ: $(diff "$TMP/rows-before.txt" "$TMP/rows-after.txt" | head)"
echo ok
