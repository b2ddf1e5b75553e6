# Every kind of bad input is reported by file, skipped, and costs nothing that
# was already stored; exit code 1 after the good inputs were stored.
source "$(dirname "$0")/lib.bash"
IN="$TMP/in"; mkdir -p "$IN"
cat > "$IN/good.txt" <<'T'
 date 2021-05-04 Harbour council approves new ferry timetable
The harbour council approved a new ferry timetable on Tuesday after a long debate.
"We listened to every commuter," said councillor Ada Brennan.
T
: > "$IN/empty.txt"
printf 'Title line\nBody with invalid UTF-8 \xff\xfe here and more words to make it an article.\n' > "$IN/badutf8.txt"
gzip -c "$IN/good.txt" | head -c 30 > "$IN/truncated.txt.gz"
head -c 4096 /dev/urandom > "$IN/junk.bin"
/usr/bin/python3 -c 'import sys; sys.stdout.write("x" * (50 * 1024 * 1024))' > "$IN/huge.txt"
printf '<html><body><div><p>Unclosed <b>soup <i>everywhere<table><tr><td>cell</div></p>' > "$IN/soup.html"
printf '{"id":"j1","title":"Ferry delays","text":"The ferry was delayed by fog on Monday morning, the operator said."}\nnot json at all\n{"id":"j2","title":"No body"}\n' > "$IN/feed.jsonl"
printf 'Quote trouble\n"This quotation never closes, said nobody in particular.\nAnd the article goes on after it.\n' > "$IN/unbalanced.txt"

DB="$TMP/s.db"
expect_exit 1 "$SL" ingest --db "$DB" "$IN" > "$TMP/out.txt" 2> "$TMP/err.txt"
cat "$TMP/out.txt" "$TMP/err.txt"
for f in empty.txt truncated.txt.gz junk.bin huge.txt feed.jsonl; do
  grep -q "$f" "$TMP/err.txt" || fail "no error line naming $f"
done
grep -q 'feed.jsonl:2' "$TMP/err.txt" || fail "bad JSONL line not named with its line number"
grep -q 'feed.jsonl:3' "$TMP/err.txt" || fail "JSONL record without text not named with its line number"
# good.txt, j1, badutf8 (repaired), soup and unbalanced are stored.
"$SL" search --db "$DB" ferry > "$TMP/hits.txt"
grep -q '^good' "$TMP/hits.txt" || fail "good.txt not stored"
grep -q '^j1' "$TMP/hits.txt" || fail "JSONL record j1 not stored"
"$SL" search --db "$DB" quotation | grep -q '^unbalanced' || fail "unbalanced.txt not stored"
# A second batch of nothing but bad input loses nothing.
expect_exit 1 "$SL" ingest --db "$DB" "$IN/junk.bin" "$IN/missing.txt" 2> "$TMP/err2.txt"
grep -q 'missing.txt' "$TMP/err2.txt" || fail "missing file not named"
"$SL" search --db "$DB" ferry | grep -q '^good' || fail "stored article lost after a bad batch"
echo ok
