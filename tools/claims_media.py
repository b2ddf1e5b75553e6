#!/usr/bin/env python3
"""Lists every gold fact of eval/claims whose attribute starts with "medium"
beside what the system outputs for it, and says why each miss happens.

    tools/claims_media.py [build/storyline] [--split dev] [--story SLUG] [-v]

For each gold value (value, article, evidence fragment) it shows the medium
claims of the brief that hold that article, and the quotations the article's
annotation has in the evidence sentence and the two after it (speaker,
medium, quote group and the statement's articles). Each gold fact gets one
class:

  ok               the brief has the fact (conflict / agreed) or, for a
                   single fact, the annotator gives the right medium
  single-dropped   single facts the annotator got right are not shown as
                   claims by design (only compared media are); counted ok
  annotator-none   the speaker's quotation there has no medium
  annotator-wrong  it has another medium
  speaker          a quotation there has the right medium but not the
                   gold speaker
  no-quote         no quotation found at the evidence
  not-one-statement  every article's quotation has the right medium and
                   speaker, but the brief does not compare them (different
                   quote groups or statements)
  other            none of the above (claim status or subject wrong)

The test split is refused: it is scored only at the end of a piece of work.
"""
import glob
import json
import os
import subprocess
import sys


def fold(s):
    return " ".join(s.lower().replace("\u2019", "'").split())


def run_json(cmd):
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def run_json_lines(cmd):
    """One object per line (annotate of a JSONL file), or one object."""
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    try:
        return [json.loads(out)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in out.splitlines() if line.strip()]


def sentence_of(ann, pos):
    for s in ann["sentences"]:
        if s["start"] <= pos < s["end"]:
            return s
    return None


def main(argv):
    exe = "build/storyline"
    split = "dev"
    only = None
    verbose = False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--split":
            split = args.pop(0)
        elif a == "--story":
            only = args.pop(0)
        elif a == "-v":
            verbose = True
        else:
            exe = a
    if split != "dev":
        sys.exit("claims_media.py: only the dev split may be read while working")
    counts = {}
    for path in sorted(glob.glob("eval/claims/*.json")):
        gold = json.load(open(path))
        if gold.get("split") != "dev" or (only and gold["story"] != only):
            continue
        facts = [f for f in gold["facts"] if f["attribute"].startswith("medium")]
        if not facts:
            continue
        files = gold["files"]
        brief = run_json([exe, "brief", *files, "--format", "json"])
        anns = {}
        for f in files:
            for ann in run_json_lines([exe, "annotate", f, "--json"]):
                anns[ann["id"]] = ann
        # (article, start) -> (group index, speaker_name, articles of group)
        group_of = {}
        claims = []
        for st in brief["stories"]:
            for gi, q in enumerate(st["quotes"]):
                arts = sorted({o["article"] for o in q["occurrences"]})
                for o in q["occurrences"]:
                    group_of[(o["article"], o["start"])] = (st["id"] + ":" + q["id"], arts)
            claims += [c for c in st["claims"] if c["attribute"] == "medium"]
        subjects = gold["subjects"]
        for fact in facts:
            subj = subjects[fact["subject"]]
            names = {fold(subj["name"])} | {fold(x) for x in subj.get("aliases", [])}

            def speaker_ok(name):
                if not name:
                    return False
                n = fold(name)
                return n in names or any(n.endswith(" " + x) or x.endswith(" " + n) for x in names)

            lines = []
            per_value = []  # per (value, article): (verdict, group)
            for v in fact["values"]:
                for art, ev in zip(v["articles"], v["evidence"]):
                    ann = anns.get(art)
                    text = ann["text"]
                    at = text.find(ev)
                    if at < 0:
                        lines.append(f"    {v['value']:<10} {art}: evidence not found: {ev}")
                        per_value.append(("no-quote", None))
                        continue
                    sent = sentence_of(ann, at)
                    sents = ann["sentences"]
                    si = sents.index(sent) if sent else 0
                    lo = sents[max(0, si - 1)]["start"]
                    hi = sents[min(len(sents) - 1, si + 2)]["end"]
                    near = [q for q in ann["quotes"] if q["end"] > lo and q["start"] < hi]
                    # Closest to the evidence sentence first.
                    near.sort(key=lambda q: (0 if sent and q["start"] < sent["end"] and q["end"] > sent["start"] else 1,
                                             abs(q["start"] - at)))
                    verdict = "no-quote"
                    group = None
                    lines.append(f"    gold {v['value']:<10} {art}: ...{ev}...")
                    for q in near:
                        g = group_of.get((art, q["start"]))
                        lines.append(
                            f"      quote {q['kind']:<8} speaker={q['speaker_name']!s:<22} medium={q['medium']!s:<10}"
                            f" group={g[0] if g else '-'} {g[1] if g else ''} \"{q['text'][:50]}\"")
                    by_speaker = [q for q in near if speaker_ok(q["speaker_name"])]
                    if any(q["medium"] == v["value"] for q in by_speaker):
                        verdict = "right"
                        q = next(q for q in by_speaker if q["medium"] == v["value"])
                        group = group_of.get((art, q["start"]))
                    elif by_speaker:
                        verdict = "annotator-wrong" if any(q["medium"] for q in by_speaker) else "annotator-none"
                    elif any(q["medium"] == v["value"] for q in near):
                        verdict = "speaker"
                    elif near:
                        verdict = "speaker"
                    per_value.append((verdict, group))
            sys_lines = []
            found = False
            gold_arts = {a for v in fact["values"] for a in v["articles"]}
            for c in claims:
                arts = {a for cv in c["values"] for a in cv["articles"]}
                if not arts & gold_arts:
                    continue
                sys_lines.append(f"    system {c['status']:<8} {c.get('subject_name')}: " + "; ".join(
                    f"{cv['value']} {cv['articles']}" for cv in c["values"]))
                if not speaker_ok(c.get("subject_name")):
                    continue
                vals = {cv["value"] for cv in c["values"]}
                want = {v["value"] for v in fact["values"]}
                if fact["status"] == "conflict" and c["status"] == "conflict" and len(vals & want) >= 2:
                    found = True
                if fact["status"] == "agreed" and c["status"] == "agreed" and vals & want:
                    found = True
            verdicts = [p[0] for p in per_value]
            if found:
                cls = "ok"
            elif fact["status"] == "single" and all(x == "right" for x in verdicts):
                cls = "single-dropped"
            elif "annotator-none" in verdicts:
                cls = "annotator-none"
            elif "annotator-wrong" in verdicts:
                cls = "annotator-wrong"
            elif "speaker" in verdicts:
                cls = "speaker"
            elif "no-quote" in verdicts:
                cls = "no-quote"
            elif all(x == "right" for x in verdicts):
                cls = "not-one-statement"
            else:
                cls = "other"
            counts.setdefault(fact["status"], {}).setdefault(cls, 0)
            counts[fact["status"]][cls] += 1
            print(f"{gold['story']} {fact['id']} ({fact['status']}): {cls}")
            if verbose or cls not in ("ok", "single-dropped"):
                for line in lines + sys_lines:
                    print(line)
    print()
    for status, by in sorted(counts.items()):
        print(status, " ".join(f"{k}={n}" for k, n in sorted(by.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
