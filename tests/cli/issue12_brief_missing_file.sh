# Issue 12: `brief missing.txt` answered "no story with this id". A target
# that is neither a file nor a story id is named as a missing file.
source "$(dirname "$0")/lib.bash"
printf 'A title\nSome text about the harbour and its ferry.\n' > "$TMP/a.txt"
DB="$TMP/s.db"
"$SL" ingest --db "$DB" "$TMP/a.txt" > /dev/null
cd "$TMP"
# check TARGET DB: brief fails with 1 and says TARGET is no file.
check() {
  set +e; "$SL" brief --db "$2" "$1" > /dev/null 2> "$TMP/err.txt"; local got=$?; set -e
  [[ $got -eq 1 ]] || fail "brief $1 --db $2: exit $got"
  grep -q "^storyline: error: $1: no such file" "$TMP/err.txt" || fail "brief $1 --db $2: $(cat "$TMP/err.txt")"
}
check missing.txt "$DB"
check missing.txt "$TMP/none.db"
check sub/missing.html "$DB"
check s000000000000 "$DB"
check s000000000000 "$TMP/none.db"
grep -q "story" "$TMP/err.txt" || fail "a story-id-like target not explained: $(cat "$TMP/err.txt")"
expect_exit 1 "$SL" brief --db "$DB" missing.txt other.txt 2> "$TMP/err.txt"
grep -q "^storyline: error: missing.txt: no such file" "$TMP/err.txt" || fail "two missing files"
# The store's stories still brief by id, and files by path.
id=$("$SL" stories --db "$DB" | cut -f1)
"$SL" brief --db "$DB" "$id" | grep -q 'A title' || fail "brief by story id"
"$SL" brief a.txt | grep -q 'A title' || fail "brief by relative path"
echo ok
