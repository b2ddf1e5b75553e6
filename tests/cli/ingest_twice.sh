# Ingesting the same files twice stores nothing new and says so; the store
# then lists stories and answers searches.
source "$(dirname "$0")/lib.bash"
DB="$TMP/s.db"
"$SL" ingest --db "$DB" "$SRC/examples" > "$TMP/first.txt"
grep -Eq ' [1-9][0-9]* stored' "$TMP/first.txt" || fail "first ingest stored nothing: $(cat "$TMP/first.txt")"
"$SL" ingest --db "$DB" "$SRC/examples" > "$TMP/second.txt"
grep -q ' 0 stored, 0 updated' "$TMP/second.txt" || fail "second ingest changed the store: $(cat "$TMP/second.txt")"
grep -q 'nothing new' "$TMP/second.txt" || fail "second ingest did not say nothing was new"
"$SL" stories --db "$DB" > "$TMP/stories.txt"
[[ $(wc -l < "$TMP/stories.txt") -ge 2 ]] || fail "fewer than 2 stories from the examples"
"$SL" stories --db "$DB" --json | /usr/bin/python3 -c '
import json,sys
a=json.load(sys.stdin)
assert isinstance(a,list) and a
for s in a: assert {"id","label","size","span","articles"} <= set(s), s
'
story=$(cut -f1 "$TMP/stories.txt" | head -1)
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/one.json"
validate_brief "$TMP/one.json"
"$SL" brief --db "$DB" --format json -o "$TMP/all.json"
validate_brief "$TMP/all.json"
expect_exit 1 "$SL" brief --db "$DB" no-such-story
word=$(/usr/bin/python3 -c '
import json,sys
t=json.load(open(sys.argv[1]))["articles"][0]["title"].split()
print(max(t,key=len).strip(".,:;!?\"'"'"'"))' "$TMP/all.json")
"$SL" search --db "$DB" "$word" > "$TMP/search.txt"
grep -q '\[' "$TMP/search.txt" || fail "search for '$word' gave no highlighted snippet"
echo ok
