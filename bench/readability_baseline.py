#!/usr/bin/python3
"""Baseline for bench/extract_throughput: readability-lxml on the same pages.

Gunzips every html/*.html.gz under DATA_DIR into memory, then times
Document(html).summary() over all of them, repeating whole passes until at
least --min-seconds of CPU time have elapsed so that short runs are not
dominated by timer noise. Rates use process CPU time (as the C++ side does):
on a shared machine wall time measures the neighbours. Prints one JSON object
on stdout:

  {"tool": "readability-lxml", "pages": 181, "passes": 2, "cpu_seconds": 3.4,
   "wall_seconds": 3.5, "pages_per_s": 106.0, "mb_per_s": 9.1, "errors": 0}

Uses Debian's python3-readability; run it with /usr/bin/python3 so a virtual
environment does not shadow the system package.
"""

import argparse
import glob
import gzip
import json
import os
import sys
import time


def load_pages(data_dir):
    paths = sorted(glob.glob(os.path.join(data_dir, "html", "*.html.gz")))
    pages = []
    for path in paths:
        with gzip.open(path, "rb") as f:
            raw = f.read()
        # readability decodes bytes itself (meta charset sniffing), but the
        # C++ side works on UTF-8 text; decoding here keeps both sides equal
        # and keeps decoding cost out of the timed loop for both.
        pages.append(raw.decode("utf-8", errors="replace"))
    return pages


def one_pass(pages, document_cls):
    errors = 0
    for html in pages:
        try:
            document_cls(html).summary()
        except Exception:  # noqa: BLE001 - a page readability rejects is counted, not fatal
            errors += 1
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", help="folder holding html/*.html.gz")
    parser.add_argument("--min-seconds", type=float, default=3.0)
    args = parser.parse_args()

    try:
        from readability import Document
    except ImportError as e:
        print(json.dumps({"error": "readability not importable: %s" % e}))
        return 1

    pages = load_pages(args.data_dir)
    if not pages:
        print(json.dumps({"error": "no html/*.html.gz under %s" % args.data_dir}))
        return 1
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)

    passes = 0
    errors = 0
    wall_start = time.perf_counter()
    start = time.process_time()
    elapsed = 0.0
    while passes == 0 or elapsed < args.min_seconds:
        errors = one_pass(pages, Document)
        passes += 1
        elapsed = time.process_time() - start
    wall = time.perf_counter() - wall_start

    n = passes * len(pages)
    print(json.dumps({
        "tool": "readability-lxml",
        "pages": len(pages),
        "passes": passes,
        "cpu_seconds": round(elapsed, 3),
        "wall_seconds": round(wall, 3),
        "pages_per_s": round(n / elapsed, 2),
        "mb_per_s": round(passes * total_bytes / elapsed / 1e6, 3),
        "errors": errors,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
