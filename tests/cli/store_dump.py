#!/usr/bin/env python3
"""Prints what a storyline store holds, as text two stores can be diffed by:
articles in storage order (every column but the ingest time and the row
number), annotations and clustering keys (byte for byte), duplicates, the
grouper's state rows, stories with their members, views and links, aliases.
usage: store_dump.py STORE [--no-aliases] [--no-labels]
"""
import sqlite3
import sys

db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
q = db.execute
print("== articles")
for row in q("SELECT id, content_hash, title, published, published_source, outlet, url, author, authors, "
             "source, origin, text, boilerplate_removed, slot FROM articles ORDER BY doc"):
    print(repr(row))
print("== annotations")
for row in q("SELECT a.id, n.annotator, hex(n.blob) FROM annotations n JOIN articles a ON a.doc = n.doc ORDER BY a.id"):
    print(repr(row))
print("== keys")
for row in q("SELECT a.id, k.keys FROM article_keys k JOIN articles a ON a.doc = k.doc ORDER BY a.id"):
    print(repr(row))
print("== duplicates")
for row in q("SELECT id, original_id, content_hash FROM duplicates ORDER BY id"):
    print(repr(row))
print("== grouping rows")
for row in q("SELECT kind, hex(key), hex(value) FROM grouping_rows ORDER BY kind, key"):
    print(repr(row))
print("== stories")
label = "''" if "--no-labels" in sys.argv else "label"
for row in q(f"SELECT id, {label}, span_first, span_last, stream_index, size, first_key, hex(view) FROM stories ORDER BY id"):
    print(repr(row))
    print("  ", [r[0] for r in q("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position", (row[0],))])
print("== links")
for row in q("SELECT a.id, b.id FROM story_links l JOIN stories a ON a.stream_index = l.a "
             "JOIN stories b ON b.stream_index = l.b ORDER BY 1, 2"):
    print(repr(row))
if "--no-aliases" not in sys.argv:
    print("== aliases")
    for row in q("SELECT id, story_id FROM story_aliases ORDER BY id"):
        print(repr(row))
