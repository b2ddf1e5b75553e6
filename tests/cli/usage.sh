# Usage errors exit 1 with a message; extract and annotate print the contract fields.
source "$(dirname "$0")/lib.bash"
expect_exit 1 "$SL"
expect_exit 1 "$SL" no-such-command
expect_exit 1 "$SL" extract "$TMP/missing.txt" 2> "$TMP/err.txt"
grep -q 'missing.txt' "$TMP/err.txt" || fail "missing file not named"
printf ' date 2020-02-03 A title\nFirst paragraph. Second sentence here.\n\nAnother paragraph.\n' > "$TMP/a.txt"
"$SL" extract --json "$TMP/a.txt" | /usr/bin/python3 -c '
import json,sys
o=json.loads(sys.stdin.readline())
for k in ("id","title","published","outlet","url","text","boilerplate_removed"): assert k in o, k
assert o["id"]=="a" and o["title"]=="A title" and o["published"]=="2020-02-03", o
'
cat "$TMP/a.txt" | "$SL" extract --json - | grep -q '"A title"' || fail "extract - did not read stdin"
"$SL" annotate --json "$TMP/a.txt" | /usr/bin/python3 -c '
import json,sys
o=json.load(sys.stdin)
for k in ("id","title","published","outlet","text","sentences","entities","quotes","dates","quantities"): assert k in o, k
t=o["text"]
assert len(o["sentences"])==3, o["sentences"]
for s in o["sentences"]: assert 0<=s["start"]<s["end"]<=len(t)
'
expect_exit 1 "$SL" search --db "$TMP/none.db" word
echo ok
