# Ingesting the same files twice stores nothing new and says so; the store
# then lists stories and answers searches.
source "$(dirname "$0")/lib.bash"
DB="$TMP/s.db"
"$SL" ingest --db "$DB" "$SRC/examples" > "$TMP/first.txt"
grep -Eq ' [1-9][0-9]* stored' "$TMP/first.txt" || fail "first ingest stored nothing: $(cat "$TMP/first.txt")"
"$SL" ingest --db "$DB" "$SRC/examples" > "$TMP/second.txt"
grep -q ' 0 stored, 0 updated' "$TMP/second.txt" || fail "second ingest changed the store: $(cat "$TMP/second.txt")"
grep -q 'nothing new' "$TMP/second.txt" || fail "second ingest did not say nothing was new"
grep -q 'annotated 13 articles' "$TMP/first.txt" || fail "a fresh store annotated other than its 13 articles: $(cat "$TMP/first.txt")"
grep -q 'annotated 0 articles, grouped 0' "$TMP/second.txt" || fail "second ingest annotated or grouped again: $(cat "$TMP/second.txt")"

# Ingested in two parts, the examples make the same stories as in one go, and
# the second part annotates none of the first part's articles again: their
# clustering keys are stored with them.
HALVES="$TMP/halves.db"
"$SL" ingest --db "$HALVES" "$SRC/examples/brackenford-bridge" "$SRC/examples/nimbrella-breach" > "$TMP/h1.txt"
"$SL" ingest --db "$HALVES" "$SRC/examples/lindqvist-transfer" "$SRC/examples/wire.jsonl" > "$TMP/h2.txt"
stored2=$(grep -Eo ' [0-9]+ stored' "$TMP/h2.txt" | grep -Eo '[0-9]+')
grep -q "annotated $stored2 articles" "$TMP/h2.txt" || fail "second part annotated other than its own articles: $(cat "$TMP/h2.txt")"
stories_of() { "$SL" stories --db "$1" --json | /usr/bin/python3 -c '
import json,sys
print(sorted(sorted(s["articles"]) for s in json.load(sys.stdin)))'; }
[[ "$(stories_of "$DB")" == "$(stories_of "$HALVES")" ]] || fail "two-part ingest grouped differently"
# Annotations made by an older annotator are refreshed once, on the next
# ingest.
/usr/bin/python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE annotations SET annotator = 0"); c.commit()' "$HALVES"
printf 'Harbour notice\n\nThe harbour office said the north quay would close for repairs.\n' > "$TMP/extra.txt"
"$SL" ingest --db "$HALVES" "$TMP/extra.txt" > "$TMP/h3.txt"
grep -Eq 'refreshed [1-9][0-9]* stored annotations' "$TMP/h3.txt" || fail "stale annotations were not refreshed: $(cat "$TMP/h3.txt")"
printf 'Quay reopens\n\nThe north quay reopened after two weeks of repairs.\n' > "$TMP/extra2.txt"
"$SL" ingest --db "$HALVES" "$TMP/extra2.txt" > "$TMP/h4.txt"
grep -q ' 1 stored' "$TMP/h4.txt" || fail "the second extra file was not stored: $(cat "$TMP/h4.txt")"
grep -q 'annotated 1 article,' "$TMP/h4.txt" || fail "annotations were not stored after refreshing: $(cat "$TMP/h4.txt")"
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
