# issue 12, identity: no input ever silently replaces another. Two files
# with one stem are two articles (the clash is reported, naming both); the
# same file again, by any path, is unchanged, and with new content is an
# update; piped articles get ids from their content.
source "$(dirname "$0")/lib.bash"
DB="$TMP/s.db"
mkdir -p "$TMP/a" "$TMP/b"
printf 'Harbour reopens\n\nThe harbour office said the north quay reopened on Sunday.\n' > "$TMP/a/index.txt"
printf 'Bridge contract signed\n\nThe council signed the bridge contract on Monday.\n' > "$TMP/b/index.txt"
ids() { /usr/bin/python3 -c '
import sqlite3,sys
print(" ".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM articles ORDER BY id")))' "$1"; }
text_of() { /usr/bin/python3 -c '
import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT text FROM articles WHERE id = ?", (sys.argv[2],)).fetchone()[0])' "$1" "$2"; }

"$SL" ingest --db "$DB" "$TMP/a/index.txt" "$TMP/b/index.txt" > "$TMP/1.out" 2> "$TMP/1.err"
grep -q ' 2 stored, 0 updated' "$TMP/1.out" || fail "two files with one stem: $(cat "$TMP/1.out")"
grep -F "$TMP/b/index.txt" "$TMP/1.err" | grep -qF "$TMP/a/index.txt" ||
  fail "the clash was not reported naming both sources: $(cat "$TMP/1.err")"
read -r -a got <<< "$(ids "$DB")"
[[ ${#got[@]} -eq 2 && ${got[0]} == index && ${got[1]} =~ ^index-[0-9a-f]{8}$ ]] || fail "ids: ${got[*]}"
other=${got[1]}
grep -q "\"$other\"" "$TMP/1.err" || fail "the clash report does not give the new id $other"
[[ $(text_of "$DB" "$other") == *bridge* ]] || fail "$other is not b/index.txt"

# Again, and by a relative path from elsewhere: nothing changes, no clash.
"$SL" ingest --db "$DB" "$TMP/a/index.txt" "$TMP/b/index.txt" > "$TMP/2.out" 2> "$TMP/2.err"
grep -q ' 0 stored, 0 updated, 2 unchanged' "$TMP/2.out" || fail "second ingest: $(cat "$TMP/2.out")"
! grep -q 'taken' "$TMP/2.err" || fail "unchanged input reported as a clash: $(cat "$TMP/2.err")"
(cd "$TMP/a" && "$SL" ingest --db "$DB" ../b/index.txt) > "$TMP/3.out"
grep -q ' 0 stored, 0 updated, 1 unchanged' "$TMP/3.out" || fail "relative path: $(cat "$TMP/3.out")"

# New content in b/index.txt updates b's article, under the id it has.
printf 'Bridge contract signed\n\nThe council signed the bridge contract on Tuesday.\n' > "$TMP/b/index.txt"
"$SL" ingest --db "$DB" "$TMP/b/index.txt" > "$TMP/4.out"
grep -q ' 0 stored, 1 updated' "$TMP/4.out" || fail "update: $(cat "$TMP/4.out")"
[[ $(text_of "$DB" "$other") == *Tuesday* ]] || fail "the update did not reach $other"
[[ $(text_of "$DB" index) == *harbour* ]] || fail "the update replaced a/index.txt"

# Piped articles: two different ones are two articles; the first again is
# unchanged.
printf 'Ferry timetable\n\nThe ferry will run every hour from May.\n' | "$SL" ingest --db "$DB" - > "$TMP/5.out"
printf 'Library opens\n\nThe new library opens its doors on Friday.\n' | "$SL" ingest --db "$DB" - > "$TMP/6.out"
grep -q ' 1 stored' "$TMP/5.out" && grep -q ' 1 stored' "$TMP/6.out" ||
  fail "piped articles: $(cat "$TMP/5.out" "$TMP/6.out")"
printf 'Ferry timetable\n\nThe ferry will run every hour from May.\n' | "$SL" ingest --db "$DB" - > "$TMP/7.out"
grep -q ' 0 stored, 0 updated, 1 unchanged' "$TMP/7.out" || fail "the same piped article: $(cat "$TMP/7.out")"
read -r -a got <<< "$(ids "$DB")"
[[ ${#got[@]} -eq 4 ]] || fail "expected 4 articles, got: ${got[*]}"
n=$("$SL" stories --db "$DB" --json | /usr/bin/python3 -c 'import json,sys; print(sum(s["size"] for s in json.load(sys.stdin)))')
[[ $n -eq 4 ]] || fail "stories list $n articles, not 4"
echo ok
