# Issue 12: `search "Quaile's"` and `search bridge-contract` failed with FTS5
# syntax errors. Text FTS5 cannot parse is searched word by word (as the
# server does); queries that parse keep FTS5's operators.
source "$(dirname "$0")/lib.bash"
printf 'Bridge deal signed\nThe bridge-contract was signed by mayor Ann Quaile on Monday. "It is a good day," Quaile'"'"'s deputy said.\n' > "$TMP/bridge.txt"
printf 'Ferry timetable\nThe ferry timetable changes next week, the harbour office said.\n' > "$TMP/ferry.txt"
DB="$TMP/s.db"
"$SL" ingest --db "$DB" "$TMP/bridge.txt" "$TMP/ferry.txt" > /dev/null
for q in "Quaile's" bridge-contract '"bridge'; do
  "$SL" search --db "$DB" "$q" > "$TMP/hits.txt" 2> "$TMP/err.txt" || fail "search $q: $(cat "$TMP/err.txt")"
  grep -q '^bridge' "$TMP/hits.txt" || fail "search $q did not find bridge.txt: $(cat "$TMP/hits.txt")"
done
"$SL" search --db "$DB" --json "bridge-contract" | /usr/bin/python3 -c '
import json,sys
hits=json.load(sys.stdin)
assert [h["article_id"] for h in hits]==["bridge"], hits
'
# FTS5 syntax still works when it parses.
"$SL" search --db "$DB" 'bridge OR ferry' > "$TMP/or.txt"
grep -q '^bridge' "$TMP/or.txt" && grep -q '^ferry' "$TMP/or.txt" || fail "OR query lost its meaning"
"$SL" search --db "$DB" 'timeta*' | grep -q '^ferry' || fail "prefix query lost its meaning"
expect_exit 1 "$SL" search --db "$DB" '   '
echo ok
