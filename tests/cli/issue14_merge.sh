# Issue 14, part 2: `storyline merge OUT SHARD...` equals one ingest of all
# the shards' inputs. The reference is one `ingest --batch 0` of the shards'
# inputs in shard order (DESIGN.md, "Merging shards": the grouping is made in
# publication order either way; the input order decides only which of two
# articles keeps a contested id or text, and the storage order a brief lists
# articles in). Compared: every article row in storage order, annotations and
# clustering keys byte for byte, duplicates, the grouper's state rows,
# stories with members, views and links, aliases; `stories --json`; the
# brief of every story. On 982 ECB+ articles (../shared/data/ecbplus-stories)
# plus examples/ and eval/claims/stories, split four ways.
source "$(dirname "$0")/lib.bash"
C="$TMP/corpus"
mkdir -p "$C/clash/x" "$C/clash/y"
/usr/bin/python3 "$SRC/tests/cli/issue14_merge_corpus.py" "$SHARED/data/ecbplus-stories/documents.jsonl.gz" "$C"
# Two more articles whose file stem is an example's: clashes, stored under
# distinct ids, one of them already a clash inside its own shard.
printf 'Ledger desk note\n\nThe ledger desk said its bridge coverage would continue next week.\n' > "$C/clash/x/brackenford-ledger-1.txt"
printf 'Ledger archive note\n\nThe archive team restored older bridge reports from 2019.\n' > "$C/clash/y/brackenford-ledger-1.txt"
E="$SRC/examples"
X="$SRC/eval/claims/stories"

# ingest DB PATH...: exit 1 is expected (five ECB+ records have no text).
ingest() {
  local db=$1; shift
  set +e; "$SL" ingest --no-progress "$@" --db "$db" > "$TMP/ingest.out" 2> "$TMP/ingest.err"; local rc=$?; set -e
  (( rc <= 1 )) || fail "ingest $*: exit $rc: $(cat "$TMP/ingest.err")"
  cp "$TMP/ingest.out" "$db.out"
}
# merge OUT SHARD...: must succeed; its summary is left in $TMP/merge.out.
merge() {
  "$SL" merge "$@" > "$TMP/merge.out" 2> "$TMP/merge.err" || fail "merge $*: $(cat "$TMP/merge.err")"
}
# same REF OUT WHAT [--no-aliases]: the two stores hold the same.
same() {
  local ref=$1 out=$2 what=$3; shift 3
  /usr/bin/python3 "$SRC/tests/cli/store_dump.py" "$ref" "$@" > "$TMP/ref.dump"
  /usr/bin/python3 "$SRC/tests/cli/store_dump.py" "$out" "$@" > "$TMP/out.dump"
  cmp -s "$TMP/ref.dump" "$TMP/out.dump" || fail "$what: stores differ: $(diff "$TMP/ref.dump" "$TMP/out.dump" | cut -c1-300 | head -20)"
  "$SL" stories --db "$ref" --json > "$TMP/ref.stories"
  "$SL" stories --db "$out" --json > "$TMP/out.stories"
  cmp -s "$TMP/ref.stories" "$TMP/out.stories" || fail "$what: stories --json differ"
  "$SL" brief --db "$ref" --format json -o "$TMP/ref.brief"
  "$SL" brief --db "$out" --format json -o "$TMP/out.brief"
  cmp -s "$TMP/ref.brief" "$TMP/out.brief" || fail "$what: briefs differ: $(diff "$TMP/ref.brief" "$TMP/out.brief" | head -5)"
}
# aliases_resolve DB: every alias leads to a story with a brief.
aliases_resolve() {
  /usr/bin/python3 -c 'import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM story_aliases")]' "$1" > "$TMP/aliases"
  while read -r a; do
    "$SL" brief --db "$1" "$a" --format json > /dev/null || fail "alias $a of $1 leads nowhere"
  done < "$TMP/aliases"
}

# 1. By file, three shards; one merge call, then three calls. (ECB+ holds
# one text twice.)
A1=("$E/brackenford-bridge" "$E/nimbrella-breach" "$X")
B1=("$E/lindqvist-transfer" "$E/wire.jsonl" "$C/ecb-1.jsonl")
C1=("$C/ecb-2.jsonl")
ingest "$TMP/ref1.db" --batch 0 "${A1[@]}" "${B1[@]}" "${C1[@]}"
ingest "$TMP/a1.db" "${A1[@]}"
ingest "$TMP/b1.db" --batch 100 "${B1[@]}"
ingest "$TMP/c1.db" "${C1[@]}"
merge "$TMP/out1.db" "$TMP/a1.db" "$TMP/b1.db" "$TMP/c1.db"
n=$(/usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM articles").fetchone()[0])' "$TMP/ref1.db")
(( n > 1000 )) || fail "reference holds $n articles"
grep -q "merge: 3 shards merged, 0 bad; [0-9]* read, $n stored, 0 updated, 0 unchanged, 1 duplicates" "$TMP/merge.out" || fail "by file: $(cat "$TMP/merge.out")"
grep -q "annotations copied for $n articles, annotated 0;" "$TMP/merge.out" || fail "by file, annotated: $(cat "$TMP/merge.out")"
same "$TMP/ref1.db" "$TMP/out1.db" "by file, one call"
# Every story's own brief too.
"$SL" stories --db "$TMP/ref1.db" | cut -f1 > "$TMP/ids"
(( $(wc -l < "$TMP/ids") > 50 )) || fail "reference has $(wc -l < "$TMP/ids") stories"
while read -r s; do
  "$SL" brief --db "$TMP/ref1.db" "$s" --format json -o "$TMP/r.json"
  "$SL" brief --db "$TMP/out1.db" "$s" --format json -o "$TMP/o.json"
  cmp -s "$TMP/r.json" "$TMP/o.json" || fail "by file: brief of story $s differs"
done < "$TMP/ids"
merge "$TMP/out1x.db" "$TMP/a1.db"
merge "$TMP/out1x.db" "$TMP/b1.db"
grep -q "every article grouped anew in publication order" "$TMP/merge.out" || fail "second call did not regroup: $(cat "$TMP/merge.out")"
merge "$TMP/out1x.db" "$TMP/c1.db"
same "$TMP/ref1.db" "$TMP/out1x.db" "by file, three calls" --no-aliases
aliases_resolve "$TMP/out1x.db"
# Merging a shard again changes nothing.
merge "$TMP/out1x.db" "$TMP/c1.db"
grep -q "0 stored, 0 updated, [0-9]* unchanged" "$TMP/merge.out" || fail "merging again: $(cat "$TMP/merge.out")"
grep -q "new articles added to the stories (0 grouped, 0 stories changed)" "$TMP/merge.out" || fail "merging again regrouped: $(cat "$TMP/merge.out")"
same "$TMP/ref1.db" "$TMP/out1x.db" "by file, merged twice" --no-aliases

# 2. Interleaved records, two shards.
A2=("$C/ecb-even.jsonl" "$E")
B2=("$C/ecb-odd.jsonl" "$X")
ingest "$TMP/ref2.db" --batch 0 "${A2[@]}" "${B2[@]}"
ingest "$TMP/a2.db" "${A2[@]}"
ingest "$TMP/b2.db" "${B2[@]}"
merge "$TMP/out2.db" "$TMP/a2.db" "$TMP/b2.db"
grep -q "annotated 0;" "$TMP/merge.out" || fail "interleaved, annotated: $(cat "$TMP/merge.out")"
same "$TMP/ref2.db" "$TMP/out2.db" "interleaved"

# 3. Overlapping shards: 200 records in both, an updated record, copies of
# a record's text under new ids, clashing file stems; one annotation of the
# second shard made by another annotator version (stale: annotated again).
A3=("$E" "$C/ecb-head.jsonl")
B3=("$C/ecb-tail.jsonl" "$C/update.jsonl" "$C/copies.jsonl" "$C/clash/x" "$C/clash/y")
ingest "$TMP/ref3.db" --batch 0 "${A3[@]}" "${B3[@]}"
ingest "$TMP/a3.db" "${A3[@]}"
ingest "$TMP/b3.db" "${B3[@]}"
grep -q "2 duplicates" "$TMP/ingest.out" || fail "shard 3b: copy-b (and one ECB+ text) not duplicates: $(cat "$TMP/ingest.out")"
/usr/bin/python3 - "$TMP/b3.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
doc, blob = c.execute("SELECT doc, blob FROM annotations ORDER BY doc DESC LIMIT 1").fetchone()
blob = bytearray(blob); assert blob[:4] == b"SLAN" and blob[5] < 0x80; blob[5] = 0
c.execute("UPDATE annotations SET annotator = 0, blob = ? WHERE doc = ?", (bytes(blob), doc)); c.commit()
PY
merge "$TMP/out3.db" "$TMP/a3.db" "$TMP/b3.db"
# As the reference ingest counted them: the same stored, updated, unchanged
# (199 of the 200 shared records: one has no text) and duplicates.
counts=$(grep -o '[0-9]* stored, 1 updated, 199 unchanged, [0-9]* duplicates' "$TMP/ref3.db.out") || fail "overlap reference: $(cat "$TMP/ref3.db.out")"
grep -q "$counts" "$TMP/merge.out" || fail "overlap: $(cat "$TMP/merge.out") (reference: $counts)"
grep -q "annotated 1;" "$TMP/merge.out" || fail "overlap, stale annotation not redone: $(cat "$TMP/merge.out")"
grep -q "2 articles stored under a distinct id" "$TMP/merge.out" || fail "overlap, clashes: $(cat "$TMP/merge.out")"
grep -q 'id "brackenford-ledger-1" is already taken by' "$TMP/merge.err" || fail "overlap, clash warning: $(cat "$TMP/merge.err")"
same "$TMP/ref3.db" "$TMP/out3.db" "overlap"

# 4. Shards in publication order (the second's articles all after the
# first's). Two calls equal one, grouping every article anew; with --append
# the second call adds its articles to the stored grouping: the same
# stories, members, views and links, the labels of the stories it leaves
# alone made against the corpus of the first call.
ingest "$TMP/ref4.db" --batch 0 "$C/ecb-early.jsonl" "$C/ecb-late.jsonl"
ingest "$TMP/a4.db" "$C/ecb-early.jsonl"
ingest "$TMP/b4.db" "$C/ecb-late.jsonl"
merge "$TMP/out4.db" "$TMP/a4.db"
merge "$TMP/out4.db" "$TMP/b4.db"
grep -q "every article grouped anew" "$TMP/merge.out" || fail "publication order: $(cat "$TMP/merge.out")"
same "$TMP/ref4.db" "$TMP/out4.db" "publication order, two calls" --no-aliases
aliases_resolve "$TMP/out4.db"
merge "$TMP/out4a.db" "$TMP/a4.db"
merge --append "$TMP/out4a.db" "$TMP/b4.db"
grep -q "new articles added to the stories" "$TMP/merge.out" || fail "publication order, --append regrouped all: $(cat "$TMP/merge.out")"
/usr/bin/python3 "$SRC/tests/cli/store_dump.py" "$TMP/ref4.db" --no-aliases --no-labels > "$TMP/ref.dump"
/usr/bin/python3 "$SRC/tests/cli/store_dump.py" "$TMP/out4a.db" --no-aliases --no-labels > "$TMP/out.dump"
cmp -s "$TMP/ref.dump" "$TMP/out.dump" || fail "--append: stores differ: $(diff "$TMP/ref.dump" "$TMP/out.dump" | cut -c1-300 | head -20)"
aliases_resolve "$TMP/out4a.db"
# --append out of order groups every article anew all the same.
merge "$TMP/out1y.db" "$TMP/a1.db"
merge --append "$TMP/out1y.db" "$TMP/b1.db" "$TMP/c1.db"
grep -q "every article grouped anew" "$TMP/merge.out" || fail "--append out of order: $(cat "$TMP/merge.out")"
same "$TMP/ref1.db" "$TMP/out1y.db" "by file, --append out of order" --no-aliases
merge "$TMP/out4y.db" "$TMP/a4.db" "$TMP/b4.db"
same "$TMP/ref4.db" "$TMP/out4y.db" "publication order, one call"
echo ok
