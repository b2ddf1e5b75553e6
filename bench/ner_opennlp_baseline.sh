#!/usr/bin/env bash
# ner_opennlp_baseline.sh: our NER tagger against Apache OpenNLP's name finder
# (Debian `opennlp`, maximum entropy, default features), trained on the same
# data (UNER English-EWT pre-release train, normalised) and scored on the same
# official test file, in one run on one machine.
#
#   bench/ner_opennlp_baseline.sh [BUILD_DIR] [SHARED_DIR]
#   # defaults: build ../shared (relative to the repository root)
#   # env: REPEAT=20 (copies of the test set in the speed input)
# OpenNLP's training parameters stay at its defaults (maxent, 100
# iterations, cutoff 5), as the issue's baseline asks. Needs the Debian
# package `opennlp` (scripts/install-deps) and a built `storyline`.
#
# Steps:
#  1. IOB2 -> OpenNLP's one-sentence-per-line format ("<START:per> Maria
#     Lopez <END> lives"), a blank line between documents (OpenNLP clears its
#     adaptive document features there).
#  2. `opennlp TokenNameFinderTrainer` on train (default params: maxent).
#  3. `opennlp TokenNameFinderEvaluator` on test: OpenNLP's own P/R/F1.
#  4. `opennlp TokenNameFinder` tags the tokenised test sentences; its output
#     is scored with the same conlleval-style scorer as ours, so both F1
#     figures come from one scorer.
#  5. `storyline tag --conll` on the test file: our P/R/F1.
#  6. Speed: both taggers tag the test sentences repeated REPEAT times (so
#     the JVM's start-up and JIT warm-up do not dominate); tokens/s is
#     reported on wall time of the whole process, and net of start-up (the
#     time of the same command on a one-sentence input subtracted). Both
#     run single-threaded from the caller's view (OpenNLP's CLI tags on one
#     thread; the JVM adds GC/JIT threads, so its user+sys CPU time is printed
#     as well).
# Output: a side-by-side table and a "JSON " line. Exit 0 ok, 1 usage or
# missing input, 2 a tool failed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
SHARED=${2:-$ROOT/../shared}
REPEAT=${REPEAT:-20}
DATA="$SHARED/data/ner-uner-en-ewt"
TRAIN="$DATA/en_ewt-ud-train.v0-normalized.iob2"
TEST="$DATA/en_ewt-ud-test.iob2"
SL="$BUILD/storyline"

for f in "$TRAIN" "$TEST"; do
  [[ -f $f ]] || { echo "ner_opennlp_baseline: missing $f" >&2; exit 1; }
done
[[ -x $SL ]] || { echo "ner_opennlp_baseline: missing $SL (build it first)" >&2; exit 1; }
command -v opennlp >/dev/null || {
  echo "ner_opennlp_baseline: no opennlp (apt-get install opennlp)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --- 1. conversion ----------------------------------------------------------
# IOB2 (index, word, tag, ...) -> OpenNLP name samples. Spaces inside a token
# would split it in OpenNLP's whitespace format, so they become U+00A0.
to_opennlp() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
out = open(dst, "w", encoding="utf-8")
words, tags = [], []
def flush():
    if not words:
        return
    parts, open_type = [], None
    for w, t in zip(words, tags):
        typ = t[2:].lower() if t != "O" else None
        starts = t.startswith("B-") or (t.startswith("I-") and typ != open_type)
        if open_type is not None and (t == "O" or starts):
            parts.append("<END>"); open_type = None
        if typ is not None and starts:
            parts.append(f"<START:{typ}>"); open_type = typ
        parts.append(w)
    if open_type is not None:
        parts.append("<END>")
    out.write(" ".join(parts) + "\n")
    words.clear(); tags.clear()
for line in open(src, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("# newdoc"):
        flush(); out.write("\n")
        continue
    if line.startswith("#"):
        continue
    if not line.strip():
        flush()
        continue
    cols = line.split("\t")
    words.append(cols[1].replace(" ", "\u00a0")); tags.append(cols[2])
flush()
PY
}
to_opennlp "$TRAIN" "$TMP/train.txt"
to_opennlp "$TEST" "$TMP/test.txt"
# Tokenised test sentences, one per line, no markup; blank lines between
# documents, as in the evaluator's input (OpenNLP clears its adaptive
# features there), so both OpenNLP F1 figures see the same input.
sed -e 's/<START:[a-z]*> //g' -e 's/ <END>//g' "$TMP/test.txt" > "$TMP/test.tok"
test_tokens=$(wc -w < "$TMP/test.tok")
for ((i = 0; i < REPEAT; ++i)); do cat "$TMP/test.tok"; done > "$TMP/speed.tok"
speed_tokens=$(wc -w < "$TMP/speed.tok")
awk 'NF { print; exit }' "$TMP/test.tok" > "$TMP/one.tok"
# Gold 'token tag' lines for the scorer. Our tagger reads the indexed test
# file itself (a 2-column line whose token is "#" would read as a comment).
awk -F'\t' '/^#/ { next } NF == 0 { print ""; next } { print $2, $3 }' "$TEST" > "$TMP/test.conll"
for ((i = 0; i < REPEAT; ++i)); do cat "$TEST"; echo; done > "$TMP/speed.conll"
awk '/^#/ { next } NF == 0 { exit } { print }' "$TEST" > "$TMP/one.conll"

# Wall seconds of a command (stdin/stdout redirected by the caller's args);
# user+sys CPU seconds land in $TMP/cpu. Bash's own `time` keyword, so no
# extra package is needed; its report goes to the group's stderr, the
# command's stderr to stderr.log.
timed() {
  local in=$1 out=$2; shift 2
  local TIMEFORMAT='%3R %3U %3S'
  { time "$@" < "$in" > "$out" 2>> "$TMP/stderr.log"; } 2> "$TMP/time.raw" || {
    echo "ner_opennlp_baseline: failed: $*" >&2; tail -20 "$TMP/stderr.log" >&2; exit 2; }
  awk '{ printf "%.3f\n", $2 + $3 }' "$TMP/time.raw" > "$TMP/cpu"
  awk '{ print $1 }' "$TMP/time.raw"
}

# --- 2. train ---------------------------------------------------------------
echo "training OpenNLP (maxent, default features) on $(grep -c . "$TMP/train.txt") sentences..." >&2
train_s=$(timed /dev/null "$TMP/train.log" opennlp TokenNameFinderTrainer -lang en \
  -model "$TMP/en-ner.bin" -data "$TMP/train.txt" -encoding UTF-8)

# --- 3. OpenNLP's own evaluation ---------------------------------------------
timed /dev/null "$TMP/eval.log" opennlp TokenNameFinderEvaluator -model "$TMP/en-ner.bin" \
  -data "$TMP/test.txt" -encoding UTF-8 > /dev/null
# Its summary line: "TOTAL: precision: 82.87%; recall: 46.23%; F1: 59.35%."
eval_line=$(cat "$TMP/eval.log" "$TMP/stderr.log" | grep -E '^\s*TOTAL:' | tail -1 |
  tr -s ' ' ' ' || true)
[[ -n $eval_line ]] || { echo "ner_opennlp_baseline: no TOTAL line from the evaluator" >&2
  cat "$TMP/eval.log" >&2; exit 2; }

# --- 4/5. tag the test set with both; 6. speed ---------------------------------
onlp_one=$(timed "$TMP/one.tok" "$TMP/one.out" opennlp TokenNameFinder "$TMP/en-ner.bin")
timed "$TMP/test.tok" "$TMP/onlp.out" opennlp TokenNameFinder "$TMP/en-ner.bin" > /dev/null
onlp_s=$(timed "$TMP/speed.tok" "$TMP/speed.onlp" opennlp TokenNameFinder "$TMP/en-ner.bin")
onlp_cpu=$(cat "$TMP/cpu")
ours_one=$(timed "$TMP/one.conll" "$TMP/one.ours" "$SL" tag --conll -)
timed "$TEST" "$TMP/ours.out" "$SL" tag --conll - > /dev/null
ours_s=$(timed "$TMP/speed.conll" "$TMP/speed.ours" "$SL" tag --conll -)
ours_cpu=$(cat "$TMP/cpu")

# --- scoring and report ------------------------------------------------------
export REPEAT speed_tokens test_tokens train_s eval_line onlp_one onlp_s onlp_cpu ours_one ours_s \
  ours_cpu
/usr/bin/python3 - "$TMP/test.conll" "$TMP/onlp.out" "$TMP/ours.out" <<'PY'
import json, os, re, sys
E = os.environ
num = lambda k: float(E[k])
def chunks(tags):
    # conlleval semantics: a chunk starts at B-X or at I-X after a non-X tag.
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return out
def sentences(path, col):
    sents, cur = [], []
    for line in open(path, encoding="utf-8").read().split("\n") + [""]:
        if not line.strip():
            if cur: sents.append(cur)
            cur = []
            continue
        cur.append(line.split(" ")[col])
    return sents
gold = sentences(sys.argv[1], 1)
def opennlp_tags(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        tags, typ, first = [], None, False
        for w in line.split(" "):
            m = re.fullmatch(r"<START:(\w+)>", w)
            if m:
                typ, first = m.group(1).upper(), True
            elif w == "<END>":
                typ = None
            elif w:
                tags.append("O" if typ is None else ("B-" if first else "I-") + typ)
                first = False
        out.append(tags)
    return out
def score(pred):
    assert len(pred) == len(gold), f"{len(pred)} predicted sentences, {len(gold)} gold"
    g, p = set(), set()
    for k, (gs, ps) in enumerate(zip(gold, pred)):
        assert len(gs) == len(ps), f"sentence {k}: {len(ps)} tags for {len(gs)} tokens"
        g |= {(k,) + c for c in chunks(gs)}; p |= {(k,) + c for c in chunks(ps)}
    c = len(g & p); P = c / len(p) if p else 0; R = c / len(g) if g else 0
    return P, R, (2 * P * R / (P + R) if P + R else 0)
onlp = score(opennlp_tags(sys.argv[2]))
ours = score(sentences(sys.argv[3], 2))
tokens, test_tokens = int(E["speed_tokens"]), int(E["test_tokens"])
def rate(total, one):
    return tokens / total if total > 0 else 0, tokens / (total - one) if total > one else 0
o_raw, o_net = rate(num('onlp_s'), num('onlp_one'))
u_raw, u_net = rate(num('ours_s'), num('ours_one'))
ratio = lambda a, b: a / b if b else 0
print(f"UNER English-EWT test ({test_tokens} tokens); "
      f"speed input = test x {E['REPEAT']} = {tokens} tokens")
row = "{:<26} {:>6} {:>6} {:>6} {:>13} {:>12} {:>7} {:>6}"
print(row.format("tagger", "P", "R", "F1", "tok/s (wall)", "tok/s (net)", "wall s", "cpu s"))
for name, (p, r, f), raw, net, wall, cpu in [
        ("OpenNLP maxent (default)", onlp, o_raw, o_net, num('onlp_s'), num('onlp_cpu')),
        ("storyline tag --conll", ours, u_raw, u_net, num('ours_s'), num('ours_cpu'))]:
    print(row.format(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", f"{raw:.0f}", f"{net:.0f}",
                     f"{wall:.2f}", f"{cpu:.2f}"))
print("OpenNLP's own evaluator: " + E["eval_line"].strip())
print(f"start-up (1 sentence): OpenNLP {num('onlp_one'):.2f} s, "
      f"storyline {num('ours_one'):.2f} s; OpenNLP training {num('train_s'):.1f} s")
print(f"speed ratio ours/OpenNLP: {ratio(u_raw, o_raw):.1f}x (wall), "
      f"{ratio(u_net, o_net):.1f}x (net of start-up)")
def side(prf, raw, net, wall, cpu, one):
    return {"p": prf[0], "r": prf[1], "f1": prf[2], "tokens_per_s_wall": raw,
            "tokens_per_s_net": net, "wall_seconds": wall, "cpu_seconds": cpu,
            "startup_seconds": one}
out = {"bench": "ner_opennlp_baseline", "test_tokens": test_tokens, "speed_tokens": tokens,
       "repeat": int(E["REPEAT"]), "opennlp_train_seconds": num('train_s'),
       "opennlp": side(onlp, o_raw, o_net, num('onlp_s'), num('onlp_cpu'), num('onlp_one')),
       "storyline": side(ours, u_raw, u_net, num('ours_s'), num('ours_cpu'), num('ours_one')),
       "ratio_tokens_per_s_ours_over_opennlp_wall": ratio(u_raw, o_raw),
       "ratio_tokens_per_s_ours_over_opennlp_net": ratio(u_net, o_net)}
out["opennlp"]["evaluator"] = E["eval_line"].strip()
print("JSON " + json.dumps(out))
PY
