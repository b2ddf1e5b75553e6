# `storyline ingest --no-group`: a shard stored and annotated without
# grouping (the Dask pipeline's shards) holds no stories, lists them as
# behind (grouped in memory, nothing saved), and merges into the same store
# as shards made by a grouping ingest, equal to one `ingest --batch 0` of
# the shards' inputs in shard order.
source "$(dirname "$0")/lib.bash"
E="$SRC/examples"
X="$SRC/eval/claims/stories"
A=("$E/brackenford-bridge" "$E/nimbrella-breach" "$X")
B=("$E/lindqvist-transfer" "$E/wire.jsonl")

"$SL" ingest --no-progress --no-group --db "$TMP/a.db" "${A[@]}" > "$TMP/a.out" 2> "$TMP/a.err" || fail "ingest a: $(cat "$TMP/a.err")"
grep -q "grouped 0 into stories, 0 stories changed (0 story updates" "$TMP/a.out" || fail "a grouped: $(cat "$TMP/a.out")"
grep -q "stories not updated (--no-group)" "$TMP/a.out" || fail "no notice: $(cat "$TMP/a.out")"
n=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM stories").fetchone()[0])' "$TMP/a.db")
[[ $n -eq 0 ]] || fail "a --no-group shard saved $n stories"
# Readers still see its stories (grouped in memory) and are told so.
"$SL" stories --db "$TMP/a.db" > "$TMP/a.stories" 2> "$TMP/a.stories.err" || fail "stories of a shard"
[[ -s "$TMP/a.stories" ]] || fail "no stories listed for a --no-group shard"
grep -qi "behind" "$TMP/a.stories.err" || fail "no notice that the stories are behind: $(cat "$TMP/a.stories.err")"

"$SL" ingest --no-progress --no-group --db "$TMP/b.db" "${B[@]}" > /dev/null 2>&1 || fail "ingest b"
"$SL" ingest --no-progress --db "$TMP/ga.db" "${A[@]}" > /dev/null 2>&1 || fail "ingest ga"
"$SL" ingest --no-progress --db "$TMP/gb.db" "${B[@]}" > /dev/null 2>&1 || fail "ingest gb"
"$SL" ingest --no-progress --batch 0 --db "$TMP/ref.db" "${A[@]}" "${B[@]}" > /dev/null 2>&1 || fail "ingest ref"
"$SL" merge "$TMP/out.db" "$TMP/a.db" "$TMP/b.db" > "$TMP/merge.out" 2>&1 || fail "merge: $(cat "$TMP/merge.out")"
grep -q "annotated 0;" "$TMP/merge.out" || fail "merge annotated again: $(cat "$TMP/merge.out")"
"$SL" merge "$TMP/gout.db" "$TMP/ga.db" "$TMP/gb.db" > /dev/null 2>&1 || fail "merge grouped shards"
for db in out gout; do
  /usr/bin/python3 "$SRC/tests/cli/store_dump.py" "$TMP/ref.db" > "$TMP/ref.dump"
  /usr/bin/python3 "$SRC/tests/cli/store_dump.py" "$TMP/$db.db" > "$TMP/$db.dump"
  cmp -s "$TMP/ref.dump" "$TMP/$db.dump" || fail "$db: stores differ: $(diff "$TMP/ref.dump" "$TMP/$db.dump" | head -5)"
  "$SL" brief --db "$TMP/ref.db" --format json -o "$TMP/ref.brief"
  "$SL" brief --db "$TMP/$db.db" --format json -o "$TMP/$db.brief"
  cmp -s "$TMP/ref.brief" "$TMP/$db.brief" || fail "$db: briefs differ"
done
echo ok
