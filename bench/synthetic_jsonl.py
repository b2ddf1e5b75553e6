#!/usr/bin/env python3
"""Writes a synthetic JSONL news stream for the ingest pipeline benchmark.

    bench/synthetic_jsonl.py ../shared/data/ud-en-ewt 20000 > build/synthetic.jsonl

Articles are built from the sentences of UD English-EWT train (CC BY-SA 4.0):
one story per five articles, each story with its own core of 12 sentences;
an article retells 6 of its story's core sentences mixed with 6 random ones,
one paragraph per sentence, dated within its story's month of 2024, from one
of 17 outlets. Deterministic (fixed seed). No text leaves the machine: the
output is a build artefact, not committed.
"""
import gzip
import json
import random
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: synthetic_jsonl.py UD_EN_EWT_DIR ARTICLES")
    data, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    with gzip.open(f"{data}/en_ewt-ud-train.conllu.gz", "rt", encoding="utf-8") as f:
        sents = [l[9:].strip() for l in f if l.startswith("# text = ")]
    sents = [s for s in sents if len(s) > 30]
    stories = max(1, n // 5)
    cores = [rng.sample(range(len(sents)), 12) for _ in range(stories)]
    out = sys.stdout
    for i in range(n):
        s = i if i < stories else rng.randrange(stories)
        body = rng.sample(cores[s], 6) + rng.sample(range(len(sents)), 6)
        rng.shuffle(body)
        day, month = 1 + (s * 37) % 28, 1 + s % 12
        out.write(json.dumps({
            "id": f"a{i}", "title": sents[cores[s][0]][:80],
            "date": f"2024-{month:02d}-{day:02d}", "outlet": f"Outlet {i % 17}",
            "text": "\n\n".join(sents[j] for j in body)}) + "\n")


if __name__ == "__main__":
    main()
