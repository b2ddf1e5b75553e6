#!/usr/bin/env python3
"""Writes the inputs of tests/cli/issue14_merge.sh from ECB+ (../shared/data/ecbplus-stories):
982 real news articles as storyline JSONL, dated by a hash of their id over
90 days of 2024 (every 17th undated, every 23rd dated to the month only, so
that publication order mixes fine, coarse and missing dates), and the
partitions the test merges:

  ecb.jsonl                 every record, in file order
  ecb-1.jsonl, ecb-2.jsonl  the first and second half (by file)
  ecb-even/odd.jsonl        every other record (interleaved)
  ecb-head.jsonl            records 0..599; ecb-tail.jsonl: 400..981 (200 in both)
  ecb-early/late.jsonl      dated before 2024-02-15 (months included) / dated after
  update.jsonl              record 100 again with new text (an update of ecb-head's)
  copies.jsonl              record 50's text under two new ids (duplicates)

usage: issue14_merge_corpus.py DOCUMENTS.jsonl.gz OUT_DIR
"""
import datetime
import gzip
import json
import sys
import zlib

# 90 days spread the corpus's 86 stories over a season, so stories overlap
# in time as a real feed's do.
DAYS = 90
UNDATED_EVERY, MONTH_ONLY_EVERY = 17, 23
SPLIT_DAY = datetime.date(2024, 2, 15)


def record(doc):
    lines = [l for l in doc["text"].split("\n") if l.strip()]
    h = zlib.crc32(doc["doc_id"].encode())
    r = {"id": "ecb-" + doc["doc_id"], "title": lines[0], "outlet": "ECB+ %d" % (h % 7),
         "text": "\n\n".join(lines)}
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=h % DAYS)
    if h % UNDATED_EVERY:
        r["date"] = day.strftime("%Y-%m") if h % MONTH_ONLY_EVERY == 0 else day.isoformat()
    return r


def write(path, records):
    with open(path, "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def main():
    src, out = sys.argv[1], sys.argv[2]
    with gzip.open(src, "rt") as f:
        recs = [record(json.loads(l)) for l in f]
    half = len(recs) // 2
    write(f"{out}/ecb.jsonl", recs)
    write(f"{out}/ecb-1.jsonl", recs[:half])
    write(f"{out}/ecb-2.jsonl", recs[half:])
    write(f"{out}/ecb-even.jsonl", recs[0::2])
    write(f"{out}/ecb-odd.jsonl", recs[1::2])
    write(f"{out}/ecb-head.jsonl", recs[:600])
    write(f"{out}/ecb-tail.jsonl", recs[400:])
    # Publication order compares dates as strings, a month before its days.
    early = [r for r in recs if "date" in r and r["date"] < SPLIT_DAY.isoformat()]
    write(f"{out}/ecb-early.jsonl", early)
    # Records with no date get one estimated from their text (often years
    # earlier): left out of this split.
    write(f"{out}/ecb-late.jsonl", [r for r in recs if "date" in r and r not in early])
    updated = dict(recs[100])
    updated["text"] += "\n\nUpdate: the report was corrected after publication."
    write(f"{out}/update.jsonl", [updated])
    write(f"{out}/copies.jsonl", [dict(recs[50], id="copy-a"), dict(recs[50], id="copy-b")])


if __name__ == "__main__":
    main()
