# Issue 12: error lines started with "error:" (rejected inputs) or
# "storyline:" (the command's own error) or nothing (usage errors). Every
# line written about a problem now starts "storyline: error: " (or
# "storyline: warning: " for an input used despite a flaw).
source "$(dirname "$0")/lib.bash"
printf 'Title line\nBody with invalid UTF-8 \xff\xfe here and more words to make it an article.\n' > "$TMP/badutf8.txt"
head -c 4096 /dev/urandom > "$TMP/junk.bin"
printf '{"id":"j1","title":"Ferry","text":"The ferry was late."}\nnot json\n' > "$TMP/feed.jsonl"
# check_lines NAME: every non-empty line of $TMP/err.txt has the prefix.
check_lines() {
  [[ -s "$TMP/err.txt" ]] || fail "$1: nothing on stderr"
  if grep -v -e '^storyline: error: ' -e '^storyline: warning: ' -e '^$' "$TMP/err.txt"; then
    fail "$1: a stderr line above lacks the 'storyline: error: ' prefix"
  fi
}
run() {  # run NAME CMD...: CMD must fail with exit 1 and prefixed lines.
  local name=$1; shift
  expect_exit 1 "$@" > /dev/null 2> "$TMP/err.txt"
  check_lines "$name"
}
run no-args "$SL"
run unknown-option "$SL" ingest --no-such-option x
run missing-paths "$SL" extract
run missing-file "$SL" extract "$TMP/missing.txt"
run bad-batch "$SL" ingest --no-progress --db "$TMP/s.db" "$TMP/badutf8.txt" "$TMP/junk.bin" "$TMP/feed.jsonl" "$TMP/missing.txt"
grep -q '^storyline: error: .*junk.bin' "$TMP/err.txt" || fail "rejected file not reported with the prefix"
run no-store "$SL" search --db "$TMP/none.db" word
run bad-format "$SL" brief --db "$TMP/s.db" --format pdf
run bad-tag-input "$SL" tag --conll "$TMP/missing.conll"
echo ok
