# `storyline tag --conll`: 'token gold' in, 'token gold predicted' out, and
# the entity-level F1 (conlleval semantics) on UNER English-EWT test stays at
# or above the issue's 0.70 goal (deterministic: a quality gate, not a timing).
source "$(dirname "$0")/lib.bash"
# Regression: the token "#" ("# O") was dropped as a comment line.
printf '# sent_id = 1\nMaria B-PER\nLopez I-PER\nlives O\nin O\nParis B-LOC\n\nHello O\n# O\n' > "$TMP/in.txt"
"$SL" tag --conll "$TMP/in.txt" > "$TMP/out.txt"
[[ $(grep -c . "$TMP/out.txt") -eq 7 ]] || fail "expected 7 token lines: $(cat "$TMP/out.txt")"
grep -q '^# O ' "$TMP/out.txt" || fail "the token '#' was dropped"
awk 'NF && NF != 3 { exit 1 }' "$TMP/out.txt" || fail "a token line without 3 columns"
printf 'only-one-column\n' > "$TMP/bad.txt"
expect_exit 1 "$SL" tag --conll "$TMP/bad.txt" 2> "$TMP/err.txt"
grep -q 'bad.txt:1' "$TMP/err.txt" || fail "bad line not named"
TEST="$SHARED/data/ner-uner-en-ewt/en_ewt-ud-test.iob2"
[[ -f "$TEST" ]] || { echo "skipped F1 gate: no $TEST"; exit 0; }
"$SL" tag --conll "$TEST" > "$TMP/tagged.txt"
/usr/bin/python3 - "$TMP/tagged.txt" <<'PY'
import sys
def chunks(tags, off):
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start + off, i + off, typ))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return out
gold, pred, g, p, off = set(), set(), [], [], 0
for line in open(sys.argv[1]).read().split("\n") + [""]:
    if not line.strip():
        gold |= chunks(g, off); pred |= chunks(p, off); off += len(g) + 1; g, p = [], []
        continue
    _, gt, pt = line.split(" ")
    g.append(gt); p.append(pt)
c = len(gold & pred); P = c / len(pred); R = c / len(gold); F = 2 * P * R / (P + R)
print(f"UNER EWT test: P {P:.3f} R {R:.3f} F1 {F:.3f}")
sys.exit(0 if F >= 0.70 else 1)
PY
echo ok
