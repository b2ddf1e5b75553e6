#!/usr/bin/python3
"""The Dask pipeline (examples/dask_pipeline.py) on a 2-worker LocalCluster
equals the single-process command: one `storyline ingest --batch 0` of the
same partition files in the same order (DESIGN.md, "Merging shards").

Run by ctest (python/CMakeLists.txt) with PYTHONPATH=<build>/python,
STORYLINE_CLI=<build>/storyline and STORYLINE_SOURCE_DIR=<repo>. The corpus:
the examples and the claims set's stories as JSONL records (text and html),
ECB+ news articles as gzipped JSONL, and the examples' pages as a gzipped
WARC file; a bad JSONL line is reported by the pipeline as by the command.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ["STORYLINE_CLI"]
SRC = os.environ["STORYLINE_SOURCE_DIR"]
PIPELINE = os.path.join(SRC, "examples", "dask_pipeline.py")
ECB = os.path.join(SRC, "..", "shared", "data", "ecbplus-stories", "documents.jsonl.gz")


def text_records(folder):
    """The plain-text and HTML articles under `folder` as JSONL records."""
    out = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for n in sorted(names):
            path = os.path.join(root, n)
            stem, ext = os.path.splitext(n)
            if ext == ".txt":
                with open(path, encoding="utf-8") as f:
                    lines = f.read().split("\n")
                first = lines[0].strip()
                date = None
                if first.startswith("date "):
                    date, first = first[5:15], first[15:].strip()
                out.append({"id": stem, "title": first, "date": date, "text": "\n".join(lines[1:])})
            elif ext == ".html":
                with open(path, encoding="utf-8") as f:
                    out.append({"id": stem, "url": f"https://example.org/{stem}", "html": f.read()})
    return out


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_warc(path, folder):
    """Every .html page under `folder` as a WARC response record."""
    with gzip.open(path, "wb") as f:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for n in sorted(names):
                if not n.endswith(".html"):
                    continue
                with open(os.path.join(root, n), "rb") as page:
                    body = page.read()
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
                head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://warc.example.org/{n}\r\n"
                        f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                        f"Content-Length: {len(http)}\r\n\r\n").encode()
                f.write(head + http + b"\r\n\r\n")


def cli(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True)
    return p.stdout, p.stderr, p.returncode


class DaskPipelineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        parts = os.path.join(d, "parts")
        os.makedirs(parts)
        write_jsonl(os.path.join(parts, "p0-examples.jsonl"), text_records(os.path.join(SRC, "examples")))
        claims = text_records(os.path.join(SRC, "eval", "claims", "stories"))
        half = len(claims) // 2
        write_jsonl(os.path.join(parts, "p1-claims.jsonl"), claims[:half])
        # The other half gzipped, with one line that is not JSON.
        with gzip.open(os.path.join(parts, "p2-claims.jsonl.gz"), "wt", encoding="utf-8") as f:
            for i, r in enumerate(claims[half:]):
                f.write(json.dumps(r) + "\n")
                if i == 1:
                    f.write("{this line is not json\n")
        if os.path.exists(ECB):
            ecb = []
            with gzip.open(ECB, "rt", encoding="utf-8") as f:
                for line in f:
                    ecb.append(json.loads(line))
                    if len(ecb) == 240:
                        break
            write_jsonl(os.path.join(parts, "p3-ecb.jsonl.gz"), ecb, opener=gzip.open)
        write_warc(os.path.join(parts, "p4-pages.warc.gz"), os.path.join(SRC, "examples"))
        cls.parts = sorted(os.path.join(parts, n) for n in os.listdir(parts))

        cls.out = os.path.join(d, "out")
        cls.proc = subprocess.run(
            [sys.executable, PIPELINE, "--out", cls.out, "--workers", "2", "--dashboard", "",
             "--no-progress", parts],
            capture_output=True, text=True, timeout=1800)
        cls.ref = os.path.join(d, "ref.db")
        cls.ref_out, cls.ref_err, cls.ref_code = cli("ingest", "--no-progress", "--batch", "0",
                                                     "--db", cls.ref, *cls.parts)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_runs_and_reports_the_bad_line_like_the_command(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)  # one bad line: reported, skipped
        self.assertEqual(self.ref_code, 1, self.ref_err)
        bad = [l for l in self.proc.stderr.splitlines() if "p2-claims.jsonl.gz" in l and "error" in l]
        ref_bad = [l for l in self.ref_err.splitlines() if "p2-claims.jsonl.gz" in l and "error" in l]
        self.assertEqual(len(bad), 1, self.proc.stderr)
        self.assertEqual(bad, ref_bad)
        self.assertIn("2 workers", self.proc.stderr)

    def test_annotates_on_the_workers_only(self):
        with open(os.path.join(self.out, "summary.json")) as f:
            summary = json.load(f)
        self.assertEqual(summary["partitions"], len(self.parts))
        self.assertEqual(summary["failed"], 0)
        self.assertEqual(summary["merge"]["annotated"], 0)
        self.assertGreater(summary["merge"]["copied_annotations"], 250)
        self.assertGreater(summary["stories"], 20)

    def test_stories_equal_the_single_process_run(self):
        db = os.path.join(self.out, "storyline.db")
        mine, _, code = cli("stories", "--db", db, "--json")
        self.assertEqual(code, 0)
        ref, _, _ = cli("stories", "--db", self.ref, "--json")
        self.assertEqual(json.loads(mine), json.loads(ref))
        with open(os.path.join(self.out, "stories.json")) as f:
            self.assertEqual(json.load(f), json.loads(ref))

    def test_briefs_equal_the_single_process_run(self):
        db = os.path.join(self.out, "storyline.db")
        ref_all, _, _ = cli("brief", "--db", self.ref, "--format", "json")
        with open(os.path.join(self.out, "brief.json")) as f:
            self.assertEqual(json.load(f), json.loads(ref_all))
        for s in json.loads(cli("stories", "--db", self.ref, "--json")[0]):
            mine, _, code = cli("brief", "--db", db, s["id"], "--format", "json")
            self.assertEqual(code, 0, s["id"])
            ref, _, _ = cli("brief", "--db", self.ref, s["id"], "--format", "json")
            self.assertEqual(json.loads(mine), json.loads(ref), s["id"])


if __name__ == "__main__":
    unittest.main()
