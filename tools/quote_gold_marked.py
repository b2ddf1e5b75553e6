#!/usr/bin/env python3
"""Builds eval/quotes/invented.json and eval/quotes/articles/*.txt from the
hand-marked articles in eval/quotes/marked/ (format in eval/quotes/README.md,
"Invented articles").

    tools/quote_gold_marked.py build/storyline [eval/quotes]

A marked article is a plain article (first line " date YYYY-MM-DD Title")
with each quotation wrapped as

    ⟨kind|speaker|cue|medium|flags⟩quoted text⟨/⟩

kind d|p|i (direct|partial|indirect); cue "" for none; flags "a" for an
anonymous speaker, "u:Name One;Name Two" for a pronoun left unresolved
between the named candidates (the speaker field then holds the pronoun).
Tags in the title line mark headline quotations (offsets into the title).
Offsets are code points into Article::text as `storyline extract --json`
gives it, so the script runs the extractor on the stripped files and checks
that each article's text is a verbatim piece of its file.
"""
import json
import os
import re
import subprocess
import sys
import zlib

TAG = re.compile(r"⟨([^⟩]*)⟩")
KINDS = {"d": "direct", "p": "partial", "i": "indirect"}
TEST = {  # chosen before any scoring; eval/quotes/README.md says why
    "inv-kelso-radio", "inv-tarn-flood-qa", "inv-tollan-ambiguous", "inv-rowan-council-unclosed",
    "inv-gazette-hospital-report", "inv-plinth-startup", "inv-ilsa-adoption", "inv-harriers-coach",
}


def crc(s):
    return "%08x" % zlib.crc32(s.encode("utf-8"))


def strip(marked):
    """Plain text and the quotations as (start, end, fields) in code points."""
    out, quotes, open_q = [], [], None
    pos = 0
    for m in TAG.finditer(marked):
        out.append(marked[pos:m.start()])
        pos = m.end()
        here = sum(len(x) for x in out)
        if m.group(1) == "/":
            if open_q is None:
                sys.exit("closing tag without an opening one near: " + marked[m.start() - 40:m.end()])
            quotes.append((open_q[0], here, open_q[1]))
            open_q = None
        else:
            if open_q is not None:
                sys.exit("nested tag near: " + marked[m.start() - 40:m.end()])
            open_q = (here, m.group(1).split("|"))
    if open_q is not None:
        sys.exit("unclosed tag")
    out.append(marked[pos:])
    return "".join(out), quotes


def quote_json(text, start, end, f, where):
    if len(f) != 5 or f[0] not in KINDS:
        sys.exit(f"{where}: bad tag {'|'.join(f)}")
    kind, speaker, cue, medium, flags = f
    cue = "" if cue == '""' else cue
    body = text[start:end]
    marks = "\"“”'‘’"
    turn = text[:start].endswith(": ") and text[text.rfind("\n", 0, start) + 1:start].count(" ") <= 6
    if kind in "dp" and not turn and not (body[0] in marks and body[-1] in marks + ".?!"):
        sys.exit(f"{where}: {KINDS[kind]} quotation not in marks: {body!r}")
    if kind == "i" and (body[0] in marks or body.endswith(".") and not body.endswith("a.m.") or body != body.strip()):
        sys.exit(f"{where}: indirect span has marks, a final period or spaces: {body!r}")
    q = {"start": start, "end": end, "kind": KINDS[kind], "speaker": speaker, "cue": cue, "medium": medium,
         "crc32": crc(body)}
    if flags == "a":
        q["anonymous"] = True
    elif flags.startswith("u:"):
        q["unresolved"] = True
        q["candidates"] = flags[2:].split(";")
    elif flags:
        sys.exit(f"{where}: bad flags {flags}")
    return q


def main():
    storyline = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else "eval/quotes"
    marked_dir, art_dir = os.path.join(root, "marked"), os.path.join(root, "articles")
    os.makedirs(art_dir, exist_ok=True)
    stems = sorted(f[:-4] for f in os.listdir(marked_dir) if f.endswith(".txt"))
    plain, spans, title_spans = {}, {}, {}
    for stem in stems:
        marked = open(os.path.join(marked_dir, stem + ".txt"), encoding="utf-8").read()
        first, rest = marked.split("\n", 1)
        m = re.match(r" date \d{4}-\d{2}-\d{2} ", first)
        if not m:
            sys.exit(f"{stem}: first line is not ' date YYYY-MM-DD Title'")
        title, title_spans[stem] = strip(first[m.end():])
        body, spans[stem] = strip(rest)
        plain[stem] = (title, body)
        with open(os.path.join(art_dir, stem + ".txt"), "w", encoding="utf-8") as f:
            f.write(first[:m.end()] + title + "\n" + body)
    run = subprocess.run([storyline, "extract", "--json", art_dir], capture_output=True, text=True, check=True)
    extracted = {j["id"]: j for j in map(json.loads, run.stdout.splitlines())}
    articles = []
    for stem in stems:
        title, body = plain[stem]
        a = extracted.get(stem)
        if a is None:
            sys.exit(f"{stem}: not extracted")
        if a["title"] != title:
            sys.exit(f"{stem}: extracted title differs: {a['title']!r}")
        text = a["text"]
        base = body.find(text)
        if base < 0 or body.find(text, base + 1) >= 0:
            sys.exit(f"{stem}: extracted text is not one verbatim piece of the file")
        quotes = []
        for i, (s, e, f) in enumerate(spans[stem]):
            if s < base or e > base + len(text):
                sys.exit(f"{stem}: quotation {i + 1} outside the extracted text")
            quotes.append(quote_json(text, s - base, e - base, f, f"{stem} quote {i + 1}"))
        art = {"id": stem, "split": "test" if stem in TEST else "dev", "text_crc32": crc(text), "quotes": quotes}
        if title_spans[stem]:
            art["title_crc32"] = crc(title)
            art["title_quotes"] = [quote_json(title, s, e, f, f"{stem} title") for s, e, f in title_spans[stem]]
        articles.append(art)
    missing = TEST - set(stems)
    if missing:
        sys.exit(f"test articles not found: {sorted(missing)}")
    out = {"format": "storyline-quotes/1", "source": "invented", "text": "storyline-extract", "articles": articles}
    with open(os.path.join(root, "invented.json"), "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(f'  "format": "storyline-quotes/1",\n  "source": "invented",\n  "text": "storyline-extract",\n')
        f.write('  "articles": [\n')
        f.write(",\n".join("    " + json.dumps(a, ensure_ascii=False) for a in articles))
        f.write("\n  ]\n}\n")
    n = {}
    for a in articles:
        for q in a["quotes"] + a.get("title_quotes", []):
            k = (a["split"], q["kind"])
            n[k] = n.get(k, 0) + 1
    print(len(articles), "articles;", ", ".join(f"{s} {k} {c}" for (s, k), c in sorted(n.items())))


if __name__ == "__main__":
    main()
