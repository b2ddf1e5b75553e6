# Issue 12: schema 6 keeps the grouper's state as rows instead of one blob.
# A version 5 store (its state a blob in `grouping`) is refused by the
# read-only commands with a message naming the command that upgrades it;
# `reindex` migrates it to version 6 and groups every article once from the
# stored annotations: the same stories and briefs as before the migration.
source "$(dirname "$0")/lib.bash"
DB="$TMP/s.db"
"$SL" ingest --no-progress --db "$DB" "$SRC/examples" > /dev/null 2>&1
"$SL" stories --db "$DB" > "$TMP/before.txt"
story=$(head -n 1 "$TMP/before.txt" | cut -f1)
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/before.json"

# Back to version 5 as that storyline left it: no rows table, no annotated
# flag, a state blob.
/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
# Schema 7's objects first (issue 15; tests/cli/issue15_schema7_migration.sh).
for sql in ("DROP TRIGGER story_outlets_delete", "DROP TABLE story_outlets", "DROP TABLE story_digests",
            "DROP TABLE story_entities", "DROP TABLE story_entity_words", "DROP TABLE story_quotes_fts",
            "DROP TABLE story_quotes", "DROP INDEX stories_by_newest", "DROP TABLE story_heads",
            "DELETE FROM meta WHERE key = 'stories_saved'"):
    c.execute(sql)
c.execute("DROP TABLE grouping_rows")
for sql in ("DROP TRIGGER annotations_insert", "DROP TRIGGER annotations_gone",
            "DROP INDEX articles_unannotated", "DROP INDEX stories_viewless", "ALTER TABLE articles DROP COLUMN annotated"):
    c.execute(sql)
c.execute("INSERT OR REPLACE INTO grouping (key, value) VALUES ('stories', x'534c47530100000000')")
c.execute("PRAGMA user_version = 5")
c.commit()
PY

expect_exit 1 "$SL" stories --db "$DB" > /dev/null 2> "$TMP/old.err"
grep -q "schema version 5 needs migrating to 7.*storyline reindex --db" "$TMP/old.err" || fail "old store refused without a way out: $(cat "$TMP/old.err")"
"$SL" reindex --db "$DB" > "$TMP/reindex.txt" 2>&1
grep -q 're-annotated 0 articles made by older code, grouped [1-9]' "$TMP/reindex.txt" || fail "reindex after the migration: $(cat "$TMP/reindex.txt")"
version=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$DB")
[[ $version == 7 ]] || fail "schema version after reindex: $version"
"$SL" stories --db "$DB" > "$TMP/after.txt"
cmp -s "$TMP/before.txt" "$TMP/after.txt" || fail "stories after the regroup differ: $(diff "$TMP/before.txt" "$TMP/after.txt" | head)"
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/after.json"
cmp -s "$TMP/before.json" "$TMP/after.json" || fail "brief after the regroup differs"
rows=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM grouping_rows").fetchone()[0])' "$DB")
(( rows > 100 )) || fail "no state rows after the regroup: $rows"
echo ok
