#!/usr/bin/python3
"""Tests of the Python module against the command line (python/storyline_module.cc).

Run by ctest (python/CMakeLists.txt) with PYTHONPATH=<build>/python,
STORYLINE_CLI=<build>/storyline and STORYLINE_SOURCE_DIR=<repo>. Every dict
the module returns is compared with the JSON the command prints for the same
input; errors with the line it prints.
"""
import datetime
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import unittest
import warnings

import storyline

CLI = os.environ["STORYLINE_CLI"]
SRC = os.environ["STORYLINE_SOURCE_DIR"]
EXAMPLES = os.path.join(SRC, "examples")
WIRE = os.path.join(EXAMPLES, "wire.jsonl")
HTML_PAGE = os.path.join(EXAMPLES, "brackenford-bridge", "coastline-daily-1.html")
# A subprocess that would hang if the GIL were held is given this long: far
# more than the work takes on a loaded machine under sanitizers, and only
# reached when the test fails.
DEADLOCK_SECONDS = 600


def cli(*args, cwd=None, check=True):
    """Runs `storyline ARGS`; returns (stdout, stderr, exit code)."""
    p = subprocess.run([CLI, *args], capture_output=True, text=True, cwd=cwd)
    if check and p.returncode != 0:
        raise AssertionError(f"storyline {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout, p.stderr, p.returncode


def cli_json(*args):
    return json.loads(cli(*args)[0])


def error_lines(stderr):
    return [l for l in stderr.splitlines() if l.startswith("storyline: error: ")]


def store_rows(path):
    """Every row of every table of a store, but `source` of articles (a
    file's name there, the buffer's name for records) and the times rows
    were stored (ingested_at, seen_at: the clock's second)."""
    c = sqlite3.connect(path)
    out = {}
    tables = [r[0] for r in c.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        cols = [r[1] for r in c.execute(f"PRAGMA table_info({t})")]
        cols = [x for x in cols if not x.endswith("_at") and not (t == "articles" and x == "source")]
        rows = c.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()
        out[t] = sorted(rows, key=repr)
    c.close()
    return out


class Temp(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)


class ExtractTest(Temp):
    def test_page_equals_cli(self):
        # A file named "page" gets the name the module gives its input, so
        # source and messages agree; the id is the stem there and derived
        # from the content here.
        with open(HTML_PAGE, "rb") as f:
            page = f.read()
        with open(self.path("page"), "wb") as f:
            f.write(page)
        want = json.loads(cli("extract", "--json", "page", cwd=self.tmp)[0])
        got = storyline.extract(page)
        self.assertTrue(got["id"].startswith("page-"), got["id"])
        self.assertEqual(storyline.extract(page, id="page"), want)
        del got["id"], want["id"]
        self.assertEqual(got, want)
        self.assertGreater(len(got["text"]), 500)

    def test_str_equals_bytes(self):
        with open(HTML_PAGE, encoding="utf-8") as f:
            page = f.read()
        self.assertEqual(storyline.extract(page), storyline.extract(page.encode("utf-8")))

    def test_url_is_used_when_the_page_has_none(self):
        page = ("<html><head><title>Harbour wall repaired</title></head><body><article>"
                "<h1>Harbour wall repaired</h1>"
                + "<p>The harbour wall at Kellmouth was repaired on Tuesday after the winter storms "
                  "had opened a gap of twelve metres, the council said.</p>" * 4
                + "</article></body></html>")
        self.assertIsNone(storyline.extract(page)["url"])
        got = storyline.extract(page, url="https://kellmouth.example/2024/03/05/harbour-wall")
        self.assertEqual(got["url"], "https://kellmouth.example/2024/03/05/harbour-wall")
        self.assertEqual(got["title"], "Harbour wall repaired")

    def test_rejected_input_raises_the_cli_line(self):
        binary = bytes(range(256)) * 40
        with open(self.path("page"), "wb") as f:
            f.write(binary)
        _, err, code = cli("extract", "--json", "page", cwd=self.tmp, check=False)
        self.assertEqual(code, 1)
        with self.assertRaises(storyline.InputError) as cm:
            storyline.extract(binary)
        self.assertIsInstance(cm.exception, ValueError)
        self.assertEqual(cm.exception.line, error_lines(err)[0])
        self.assertEqual("storyline: error: " + str(cm.exception), cm.exception.line)
        self.assertEqual(cm.exception.code, "invalid input")

    def test_several_articles_are_refused(self):
        with open(WIRE, "rb") as f:
            wire = f.read()
        with self.assertRaises(storyline.InputError) as cm:
            storyline.extract(wire)
        self.assertIn("one is expected", str(cm.exception))


class AnnotateTest(Temp):
    TEXT = ("Mayor Teodora Quaile of Brackenford resigned on Monday, the city\u2019s ethics board said. "
            "\u201cI have served this city with my whole heart,\u201d Quaile wrote in a post.\n\n"
            "The caf\u00e9 owner Z\u00fcrich-born Ana \u00c5berg \U0001F600 said the $4.2 million "
            "contract went to the mayor\u2019s brother-in-law on 3 October 2023.")

    def test_equals_cli_on_the_same_record(self):
        record = {"id": "a1", "title": "Brackenford mayor resigns", "date": "2023-11-06", "text": self.TEXT}
        with open(self.path("a.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        want = cli_json("annotate", "--json", self.path("a.jsonl"))
        got = storyline.annotate(self.TEXT, published="2023-11-06", title="Brackenford mayor resigns", id="a1")
        self.assertEqual(got, want)
        self.assertEqual(storyline.annotate(self.TEXT, published=datetime.date(2023, 11, 6),
                                            title="Brackenford mayor resigns", id="a1"), want)
        self.assertTrue(got["entities"] and got["quotes"] and got["dates"] and got["quantities"])

    def test_offsets_are_code_points(self):
        got = storyline.annotate(self.TEXT, published="2023-11-06")
        text = got["text"]
        spans = got["entities"] + got["quotes"] + got["dates"] + got["quantities"]
        self.assertTrue(any(s["start"] > text.index("\U0001F600") for s in spans))
        for s in spans:
            self.assertEqual(text[s["start"]:s["end"]], s["text"], s)
        for s in got["sentences"]:
            self.assertLessEqual(s["end"], len(text))

    def test_annotate_many_equals_annotate(self):
        texts = [self.TEXT, "Ana \u00c5berg met Teodora Quaile in Brackenford on Friday.", self.TEXT[:120]]
        many = storyline.annotate_many(texts)
        self.assertEqual(many, [storyline.annotate(t) for t in texts])

    def test_empty_text_raises_the_cli_line(self):
        with open(self.path("text"), "w") as f:
            f.write(json.dumps({"text": ""}) + "\n")
        _, err, code = cli("annotate", "--json", "text", cwd=self.tmp, check=False)
        self.assertEqual(code, 1)
        with self.assertRaises(storyline.InputError) as cm:
            storyline.annotate("")
        self.assertEqual(cm.exception.line, error_lines(err)[0])


class BriefTest(Temp):
    def test_examples_equal_cli(self):
        want = cli_json("brief", EXAMPLES, "--format", "json")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            got = storyline.brief([EXAMPLES])
        self.assertEqual(got, want)
        self.assertGreater(len(got["stories"]), 1)
        # The folder's README is skipped with the command line's warning.
        self.assertTrue(any("README.md: skipped" in str(w.message) for w in caught))
        self.assertTrue(all(issubclass(w.category, storyline.InputWarning) for w in caught))

    def test_records_equal_the_jsonl_file(self):
        with open(WIRE, encoding="utf-8") as f:
            records = [json.loads(l) for l in f if l.strip()]
        want = cli_json("brief", WIRE, "--format", "json")
        self.assertEqual(storyline.brief(records), want)
        # Dates may be given as datetime.date.
        dated = [dict(r, date=datetime.date.fromisoformat(r["date"])) for r in records]
        self.assertEqual(storyline.brief(dated), want)
        with self.assertRaises(TypeError):
            storyline.brief([dict(records[0], date=object())])
        # Paths and records mixed, in order.
        html = os.path.join(EXAMPLES, "brackenford-bridge")
        self.assertEqual(storyline.brief([html] + records), cli_json("brief", html, WIRE, "--format", "json"))

    def test_missing_path_raises_the_cli_line(self):
        missing = self.path("missing.txt")
        _, err, code = cli("brief", missing, "--format", "json", check=False)
        self.assertEqual(code, 1)
        with self.assertRaises(storyline.NotFound) as cm:
            storyline.brief([missing])
        self.assertIsInstance(cm.exception, KeyError)
        self.assertEqual(cm.exception.line, error_lines(err)[0])

    def test_bad_file_among_good_ones_warns(self):
        bad = self.path("bad.txt")
        with open(bad, "wb") as f:
            f.write(b"\x00" * 9000)
        _, err, code = cli("brief", WIRE, bad, "--format", "json", check=False)
        self.assertEqual(code, 1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            got = storyline.brief([WIRE, bad])
        self.assertEqual(got, cli_json("brief", WIRE, "--format", "json"))
        self.assertIn(error_lines(err)[0], [str(w.message) for w in caught])


class StoreTest(Temp):
    def cli_store(self, *inputs):
        db = self.path("cli.db")
        out, _, _ = cli("ingest", "--no-progress", "--db", db, *inputs, check=False)
        return db, out

    def test_examples_equal_cli(self):
        db, out = self.cli_store(EXAMPLES)
        with storyline.Store(self.path("py.db")) as s:
            report = s.ingest([EXAMPLES])
            self.assertIn(f"ingest: {report['read']} read, {report['stored']} stored, ", out)
            self.assertGreater(report["stored"], 10)
            self.assertEqual(report["problems"], [])
            stories = s.stories()
            self.assertEqual(stories, cli_json("stories", "--db", db, "--json"))
            self.assertEqual(s.brief(), cli_json("brief", "--db", db, "--format", "json"))
            for story in stories:
                self.assertEqual(s.brief(story["id"]), cli_json("brief", "--db", db, story["id"], "--format", "json"))
            for query in ("bridge", "Quaile resigned", "Quaile's"):
                hits = s.search(query)
                self.assertEqual(hits, cli_json("search", "--db", db, "--json", query))
            self.assertTrue(s.search("bridge"))
            self.assertEqual(len(s.search("bridge", limit=2)), 2)
            # Ingesting again stores nothing new.
            again = s.ingest(EXAMPLES)
            self.assertEqual((again["stored"], again["unchanged"]), (0, report["stored"]))
        self.assertTrue(s.closed)

    def test_records_equal_jsonl_file(self):
        with open(WIRE, encoding="utf-8") as f:
            records = [json.loads(l) for l in f if l.strip()]
        # One record without id or url: its id is derived from its content.
        anonymous = dict(records[0])
        del anonymous["id"], anonymous["url"]
        anonymous["text"] += "\n\nA later paragraph only this copy has."
        db, _ = self.cli_store(WIRE)
        with storyline.Store(self.path("py.db")) as s:
            report = s.ingest(records)
            self.assertEqual(report["read"], len(records))
        self.assertEqual(store_rows(self.path("py.db")), store_rows(db))
        # Story updates every 3 articles, as --batch 3.
        db3 = self.path("cli3.db")
        cli("ingest", "--no-progress", "--batch", "3", "--db", db3, WIRE)
        with storyline.Store(self.path("py3.db")) as s:
            self.assertGreater(s.ingest(records, batch=3)["batches"], 1)
        self.assertEqual(store_rows(self.path("py3.db")), store_rows(db3))
        self.assertNotEqual(store_rows(db3), store_rows(db))  # the comparison can tell
        with storyline.Store(self.path("py.db")) as s:
            r = s.ingest([anonymous])
            self.assertEqual(r["stored"], 1)
            again = s.ingest(anonymous)
            self.assertEqual((again["stored"], again["unchanged"]), (0, 1))
            ids = [a["id"] for a in s.brief()["articles"]]
            self.assertTrue(any(i.startswith("records-") for i in ids), ids)

    def test_merge_equals_cli_merge_and_one_ingest(self):
        inputs = [os.path.join(EXAMPLES, d) for d in ("brackenford-bridge", "lindqvist-transfer",
                                                      "nimbrella-breach")] + [WIRE]
        shards = []
        for i, path in enumerate(inputs):
            shards.append(self.path(f"shard{i}.db"))
            with storyline.Store(shards[-1]) as s:
                s.ingest(path)
        missing = self.path("missing-shard.db")
        cli_out = self.path("cli-out.db")
        _, err, code = cli("merge", cli_out, *shards, missing, check=False)
        self.assertEqual(code, 1)
        with storyline.Store(self.path("py-out.db")) as out:
            r = out.merge(shards + [missing])
            self.assertEqual((r["shards"], r["bad_shards"], r["annotated"]), (len(shards), 1, 0))
            self.assertEqual(r["copied_annotations"], r["stored"])
            self.assertEqual([p["line"] for p in r["problems"]], error_lines(err)[:-1])
            stories = out.stories()
            self.assertEqual(stories, cli_json("stories", "--db", cli_out, "--json"))
            self.assertEqual(out.brief(), cli_json("brief", "--db", cli_out, "--format", "json"))
            with self.assertRaises(storyline.InputError) as cm:
                out.merge([])
            self.assertEqual(str(cm.exception), "merge: no shards given")
        self.assertEqual(store_rows(self.path("py-out.db")), store_rows(cli_out))
        # One ingest of every input, grouped once, has the same stories.
        one = self.path("one.db")
        cli("ingest", "--no-progress", "--batch", "0", "--db", one, *inputs)
        self.assertEqual(stories, cli_json("stories", "--db", one, "--json"))

    def test_bad_inputs_are_reported_not_raised(self):
        bad = self.path("bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"id": "x1", "title": "T", "text": "Body of x1 that is long enough to keep."}\n')
            f.write("{not json\n")
        missing = self.path("missing.txt")
        _, err, code = cli("ingest", "--no-progress", "--db", self.path("cli.db"), bad, missing, check=False)
        self.assertEqual(code, 1)
        with storyline.Store(self.path("py.db")) as s:
            r = s.ingest([bad, missing])
        self.assertEqual(r["stored"], 1)
        self.assertEqual(r["rejected"], 2)
        # The same lines as the command's, less its summary line.
        self.assertEqual(sorted(p["line"] for p in r["problems"]), sorted(error_lines(err)[:-1]))
        self.assertEqual(sorted(p["code"] for p in r["problems"]), ["invalid input", "not found"])
        # A bad record is reported under the records' name and line.
        with storyline.Store(self.path("py.db")) as s:
            r = s.ingest([{"id": "x2", "title": "T", "text": "A second body long enough to keep."}, {"id": "x3"}])
        self.assertEqual((r["stored"], r["rejected"]), (1, 1))
        self.assertEqual(r["problems"][0]["line"],
                         'storyline: error: records:2: record has neither "text" nor "html"')

    def test_errors_carry_the_cli_line(self):
        missing = self.path("none.db")
        _, err, _ = cli("stories", "--db", missing, check=False)
        with self.assertRaises(storyline.NotFound) as cm:
            storyline.Store(missing, read_only=True)
        self.assertEqual(cm.exception.line, error_lines(err)[0])
        self.assertFalse(os.path.exists(missing))

        not_a_store = self.path("junk.db")
        with open(not_a_store, "wb") as f:
            f.write(b"this is not a database file, only some text bytes" * 100)
        _, err, code = cli("stories", "--db", not_a_store, check=False)
        with self.assertRaises(storyline.Error) as cm:
            storyline.Store(not_a_store, read_only=True)
        self.assertEqual(cm.exception.line, error_lines(err)[0])

        db, _ = self.cli_store(WIRE)
        _, err, _ = cli("search", "--db", db, "", check=False)
        with storyline.Store(db, read_only=True) as s:
            with self.assertRaises(storyline.InputError) as cm:
                s.search("")
            self.assertEqual(cm.exception.line, error_lines(err)[0])
            with self.assertRaises(storyline.NotFound) as cm:
                s.brief("s000000000000")
            self.assertIn('no story with id "s000000000000"', str(cm.exception))
            with self.assertRaises(storyline.Error):
                s.ingest(WIRE)  # read-only
        with self.assertRaises(storyline.InputError) as cm:
            s.stories()
        self.assertIn("store is closed", str(cm.exception))
        s.close()  # idempotent


# Run in a child process: with the GIL held through the C++ call, the child
# deadlocks (its writer thread never runs) and the parent sees the timeout.
GIL_CHILD = textwrap.dedent("""
    import os, sys, threading, storyline
    fifo, records, call, db = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    result = {}
    def run():
        if call == "ingest":
            with storyline.Store(db) as s:
                result["r"] = s.ingest([fifo])["stored"]
        else:
            result["r"] = len(storyline.brief([fifo])["articles"])
    t = threading.Thread(target=run)
    t.start()
    # The reader in C++ blocks opening the FIFO until this thread (which
    # needs the GIL) opens it for writing and writes every record.
    with open(fifo, "w") as f, open(records) as src:
        f.write(src.read())
    t.join()
    print(result["r"])
""")


class GilTest(Temp):
    def run_child(self, call):
        fifo = self.path("feed.jsonl")
        os.mkfifo(fifo)
        try:
            p = subprocess.run([sys.executable, "-c", GIL_CHILD, fifo, WIRE, call, self.path("gil.db")],
                               capture_output=True, text=True, timeout=DEADLOCK_SECONDS)
        except subprocess.TimeoutExpired:
            self.fail(f"{call} held the GIL: the writer thread never ran")
        self.assertEqual(p.returncode, 0, p.stderr)
        return int(p.stdout.strip())

    def test_ingest_releases_the_gil(self):
        with open(WIRE) as f:
            n = sum(1 for l in f if l.strip())
        self.assertEqual(self.run_child("ingest"), n)

    def test_brief_releases_the_gil(self):
        with open(WIRE) as f:
            n = sum(1 for l in f if l.strip())
        self.assertEqual(self.run_child("brief"), n)

    def test_store_serialises_threads(self):
        # Two threads ingesting and reading one Store: calls take turns.
        with open(WIRE, encoding="utf-8") as f:
            records = [json.loads(l) for l in f if l.strip()]
        errors = []
        with storyline.Store(self.path("t.db")) as s:
            def ingest(part):
                try:
                    s.ingest(part)
                    s.stories()
                except Exception as e:  # noqa: BLE001 (reported below)
                    errors.append(e)
            threads = [threading.Thread(target=ingest, args=(records[i::2],)) for i in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertEqual(sum(len(x["articles"]) for x in s.stories()), len(records))


class ModuleTest(unittest.TestCase):
    def test_stubs_name_every_public_symbol_and_all_have_docs(self):
        import ast
        stub = os.path.join(os.path.dirname(storyline.__file__), "storyline.pyi")
        with open(stub, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        public = {n for n in dir(storyline) if not n.startswith("_")}
        self.assertEqual(public - names, set())
        self.assertTrue(os.path.exists(os.path.join(os.path.dirname(storyline.__file__), "py.typed")))
        for n in public:
            obj = getattr(storyline, n)
            self.assertTrue(obj.__doc__ and obj.__doc__.strip(), n)
        for n in ("ingest", "stories", "brief", "search", "close"):
            self.assertTrue(getattr(storyline.Store, n).__doc__.strip(), n)

    def test_exception_classes(self):
        self.assertTrue(issubclass(storyline.InputError, ValueError))
        self.assertTrue(issubclass(storyline.NotFound, KeyError))
        self.assertTrue(issubclass(storyline.IoError, OSError))
        self.assertTrue(issubclass(storyline.InternalError, RuntimeError))
        for c in (storyline.InputError, storyline.NotFound, storyline.Corruption, storyline.IoError,
                  storyline.InternalError, storyline.Unsupported):
            self.assertTrue(issubclass(c, storyline.Error))
            self.assertEqual(str(c("a: b")), "a: b")


if __name__ == "__main__":
    unittest.main()
