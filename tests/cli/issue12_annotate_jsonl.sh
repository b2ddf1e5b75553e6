# Issue 12: `annotate --json` on several articles printed indented objects
# one after another (neither JSON nor JSON Lines). One article: one object
# (DESIGN.md); several (a JSONL file, a folder, several files): JSON Lines.
source "$(dirname "$0")/lib.bash"
printf '{"id":"j1","title":"Ferry delays","text":"The ferry was delayed by fog on Monday, the operator said."}\n{"id":"j2","title":"Harbour works","text":"Work on the harbour wall starts in May. \\"It is overdue,\\" said Ada Brennan."}\n' > "$TMP/feed.jsonl"
printf '{"id":"solo","title":"One record","text":"Only one article is in this file, the editor said."}\n' > "$TMP/one.jsonl"
mkdir -p "$TMP/dir"
printf 'First title\nThe first article has one sentence.\n' > "$TMP/dir/a.txt"
printf 'Second title\nThe second article has another sentence.\n' > "$TMP/dir/b.txt"
# jsonl_ids FILE: every line is one JSON object with the contract fields; prints the ids.
jsonl_ids() {
  /usr/bin/python3 - "$1" <<'PY'
import json, sys
ids = []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    o = json.loads(line)
    for k in ("id", "title", "text", "sentences", "entities", "quotes", "dates", "quantities"):
        assert k in o, f"line {n}: no {k}"
    ids.append(o["id"])
print(" ".join(ids))
PY
}
"$SL" annotate --json "$TMP/feed.jsonl" > "$TMP/feed.out"
[[ "$(jsonl_ids "$TMP/feed.out")" == "j1 j2" ]] || fail "JSONL input: not one object per line: $(head -c 300 "$TMP/feed.out")"
"$SL" annotate --json "$TMP/dir" > "$TMP/dir.out"
[[ "$(jsonl_ids "$TMP/dir.out")" == "a b" ]] || fail "folder input: not one object per line"
"$SL" annotate --json "$TMP/dir/a.txt" "$TMP/one.jsonl" > "$TMP/two.out"
[[ "$(jsonl_ids "$TMP/two.out")" == "a solo" ]] || fail "two files: not one object per line"
# One article: one object, as before.
"$SL" annotate --json "$TMP/one.jsonl" | /usr/bin/python3 -c '
import json,sys
o=json.load(sys.stdin)
assert o["id"]=="solo", o
'
echo ok
