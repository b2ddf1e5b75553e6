# Issue 13, part 5: undated text articles are dated from the days they name
# (published_source "estimated"), the brief says so, and clustering uses the
# estimate: three undated reports of one event join the dated one of the
# same week, even in a store whose other stories are years later. Invented
# articles (CC0).
source "$(dirname "$0")/lib.bash"
mkdir -p "$TMP/in"
cat > "$TMP/in/dated.txt" <<'TXT'
 date 2021-10-13 Orchard cooperative recalls Pelham cider after glass found
The Pelham Orchard Cooperative recalled 40,000 bottles of its cider on Tuesday, October 12, after a customer in Dunmore found glass in a bottle.
Cooperative chair Ines Harrow said the bottling line at Pelham had been stopped while inspectors from the food agency examined it.
"We are taking every bottle back," Harrow said.
TXT
cat > "$TMP/in/undated-1.txt" <<'TXT'
Pelham cider pulled from shelves over glass fears
The Pelham Orchard Cooperative pulled its cider from shops on Tuesday, October 12, when a Dunmore customer reported glass in a bottle.
Chair Ines Harrow told reporters that inspectors from the food agency were examining the Pelham bottling line.
"We are taking every bottle back," said Harrow.
TXT
cat > "$TMP/in/undated-2.txt" <<'TXT'
Glass in cider: Pelham cooperative recalls 40,000 bottles
Inspectors from the food agency examined the Pelham bottling line after the recall of 40,000 bottles of Pelham Orchard Cooperative cider on October 12, 2021.
Ines Harrow, the cooperative's chair, said a customer in Dunmore had found glass in a bottle.
TXT
"$SL" extract --json "$TMP/in" > "$TMP/meta.jsonl"
/usr/bin/python3 - "$TMP/meta.jsonl" <<'PY' || fail "extract dates: $(cat "$TMP/meta.jsonl" | cut -c1-200)"
import json, sys
got = {d["id"]: (d["published"], d["published_source"]) for d in map(json.loads, open(sys.argv[1]))}
want = {"dated": ("2021-10-13", "meta"), "undated-1": ("2021-10-12", "estimated"),
        "undated-2": ("2021-10-12", "estimated")}
for k, v in want.items():
    if got.get(k) != v:
        print(k, got.get(k), "wanted", v, file=sys.stderr)
        sys.exit(1)
PY
"$SL" ingest --no-progress --db "$TMP/s.db" "$SRC/examples" "$TMP/in" > /dev/null
"$SL" stories --db "$TMP/s.db" --json > "$TMP/stories.json"
/usr/bin/python3 - "$TMP/stories.json" <<'PY' || fail "the three reports are not one story: $(cat "$TMP/stories.json" | cut -c1-600)"
import json, sys
stories = json.load(open(sys.argv[1]))
ours = [s for s in stories if set(s["articles"]) & {"dated", "undated-1", "undated-2"}]
sys.exit(0 if len(ours) == 1 and set(ours[0]["articles"]) == {"dated", "undated-1", "undated-2"} else 1)
PY
story=$(/usr/bin/python3 -c 'import json,sys; print([s["id"] for s in json.load(open(sys.argv[1])) if "dated" in s["articles"]][0])' "$TMP/stories.json")
"$SL" brief --db "$TMP/s.db" "$story" --format md -o "$TMP/brief.md"
grep -q '2021-10-12 (estimated)' "$TMP/brief.md" || fail "brief does not mark the estimate"
echo ok
