# Issue 14, part 2: `storyline merge` with bad shards and a bad OUT. A bad
# shard (missing, not a store, empty, of an older schema, OUT itself) is
# reported on one line naming it, skipped, and the merge goes on with the
# others and exits 1; what OUT held stays, and no shard is written to.
# An OUT that cannot be written stops the merge (exit 2 as for ingest, an
# environment failure); an OUT that is not a store, exit 1.
source "$(dirname "$0")/lib.bash"
cd "$TMP"
"$SL" ingest --no-progress --db a.db "$SRC/examples/brackenford-bridge" "$SRC/examples/nimbrella-breach" > /dev/null
"$SL" ingest --no-progress --db b.db "$SRC/examples/lindqvist-transfer" > /dev/null
"$SL" ingest --no-progress --db old.db "$SRC/examples/wire.jsonl" > /dev/null
# old.db as storyline 0.x left it at schema 5 (tests/cli/issue12_schema6_migration.sh).
/usr/bin/python3 - old.db <<'PY'
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
echo 'not a store' > notes.txt
: > empty.db
sums() { sha256sum a.db b.db old.db notes.txt empty.db; }
sums > before.sums

# OUT holds a's articles; then a merge of b among every kind of bad shard.
"$SL" merge out.db a.db > /dev/null
"$SL" stories --db out.db > out-before.txt
expect_exit 1 "$SL" merge out.db missing.db notes.txt empty.db old.db out.db ./out.db b.db > merge.out 2> merge.err
cat > want.err <<'TXT'
storyline: error: missing.db: no such store
storyline: error: notes.txt: not a storyline store (not an SQLite database, or a damaged one: notes.txt: cannot prepare "SELECT count(*) FROM sqlite_schema": file is not a database)
storyline: error: empty.db: empty file, not a storyline store
storyline: error: old.db: store schema version 5 needs migrating to 7; open it once for writing (`storyline reindex --db old.db` does)
storyline: error: out.db: is the output store itself, not a shard to merge into it
storyline: error: ./out.db: is the output store itself, not a shard to merge into it
storyline: error: 6 inputs rejected (reported above)
TXT
diff want.err merge.err || fail "messages differ (above)"
grep -q "merge: 1 shard merged, 6 bad; 3 read, 3 stored" merge.out || fail "good shard not merged: $(cat merge.out)"
n=$("$SL" stories --db out.db --json | /usr/bin/python3 -c 'import json,sys; print(sum(len(s["articles"]) for s in json.load(sys.stdin)))')
[[ $n == 8 ]] || fail "OUT holds $n grouped articles, wanted 5 + 3"
while read -r id _; do
  "$SL" brief --db out.db "$id" --format json > /dev/null || fail "story $id of OUT before the merge is gone"
done < out-before.txt
sha256sum -c --quiet before.sums || fail "a shard was written to"

# Only bad shards: OUT keeps what it had, exit 1.
cp out.db keep.db
expect_exit 1 "$SL" merge out.db missing.db notes.txt > /dev/null 2>&1
"$SL" stories --db out.db > s1.txt; "$SL" stories --db keep.db > s2.txt
cmp -s s1.txt s2.txt || fail "a merge of bad shards changed OUT"

# The shard reindexed is merged.
"$SL" reindex --db old.db > /dev/null
"$SL" merge out.db old.db > merge2.out || fail "reindexed shard: $(cat merge2.out)"
grep -q "5 stored" merge2.out || fail "reindexed shard: $(cat merge2.out)"

# A shard damaged half way: the articles before the damaged row are
# merged, the shard is reported, exit 1.
cp b.db damaged.db
/usr/bin/python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE articles SET boilerplate_removed = ? WHERE doc = (SELECT doc FROM articles ORDER BY doc LIMIT 1 OFFSET 2)", ("not json",)); c.commit()' damaged.db
expect_exit 1 "$SL" merge part.db damaged.db > part.out 2> part.err
grep -q "^storyline: error: damaged.db: shard read only in part: damaged.db: article .*: boilerplate_removed is not a JSON array of strings" part.err || fail "damaged shard: $(cat part.err)"
grep -q "merge: 0 shards merged, 1 bad; 2 read, 2 stored" part.out || fail "damaged shard, articles before the damage: $(cat part.out)"

# Bad OUT.
expect_exit 2 "$SL" merge /proc/storyline-merge-out.db a.db 2> out.err
grep -qx "storyline: error: /proc/storyline-merge-out.db: cannot open database: unable to open database file" out.err || fail "unwritable OUT: $(cat out.err)"
expect_exit 1 "$SL" merge notes.txt a.db 2> out.err
grep -q "^storyline: error: notes.txt: not a storyline store" out.err || fail "OUT not a store: $(cat out.err)"
mkdir folder
expect_exit 1 "$SL" merge folder a.db 2> out.err
grep -qx "storyline: error: folder: is a folder, not a store file" out.err || fail "OUT a folder: $(cat out.err)"
expect_exit 1 "$SL" merge out.db 2> out.err
grep -qx "storyline: error: shards is required (see storyline --help)" out.err || fail "no shards: $(cat out.err)"
echo ok
