# A story view written by older view code (kStoryViewVersion) is never read
# as current: the brief is made again from the annotations meanwhile (the
# same bytes as the one-shot brief), and `reindex` rebuilds every such view.
source "$(dirname "$0")/lib.bash"
DB="$TMP/views.db"
"$SL" ingest --db "$DB" "$SRC/examples/brackenford-bridge" > /dev/null
story=$("$SL" stories --db "$DB" | cut -f1)
[[ $(echo "$story" | wc -l) == 1 ]] || fail "expected one story, got: $story"
# The view's second byte is its version (a MessagePack array of six, then
# the version as a positive fixint): stamp it as version 1 wrote it.
/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = 0
for sid, view in c.execute("SELECT id, view FROM stories WHERE view IS NOT NULL").fetchall():
    view = bytearray(view); assert view[0] == 0x96 and view[1] > 1, view[:2]; view[1] = 1
    c.execute("UPDATE stories SET view = ? WHERE id = ?", (bytes(view), sid)); n += 1
c.commit(); assert n == 1, n
PY
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/old.json"
"$SL" brief "$SRC/examples/brackenford-bridge" --format json -o "$TMP/oneshot.json"
cmp -s "$TMP/old.json" "$TMP/oneshot.json" || fail "brief over an old view differs: $(diff "$TMP/old.json" "$TMP/oneshot.json" | head)"
"$SL" reindex --db "$DB" > "$TMP/re.txt" 2> "$TMP/re.err" || fail "reindex failed: $(cat "$TMP/re.err")"
grep -q 'rebuilt 1 story view in' "$TMP/re.txt" || fail "reindex: $(cat "$TMP/re.txt")"
/usr/bin/python3 - "$DB" <<'PY' || fail "the view was not rebuilt"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
(view,) = c.execute("SELECT view FROM stories WHERE view IS NOT NULL").fetchone()
sys.exit(0 if view[1] > 1 else 1)
PY
"$SL" reindex --db "$DB" > "$TMP/re2.txt"
grep -q 'rebuilt 0 story views' "$TMP/re2.txt" || fail "second reindex: $(cat "$TMP/re2.txt")"
"$SL" brief --db "$DB" "$story" --format json -o "$TMP/new.json"
cmp -s "$TMP/new.json" "$TMP/oneshot.json" || fail "brief over the rebuilt view differs"

# The next ingest rebuilds such views too, even with nothing new to store.
stamp_old() {
  /usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
(sid, view) = c.execute("SELECT id, view FROM stories WHERE view IS NOT NULL").fetchone()
view = bytearray(view); view[1] = 1
c.execute("UPDATE stories SET view = ? WHERE id = ?", (bytes(view), sid)); c.commit()
PY
}
stamp_old
"$SL" ingest --db "$DB" "$SRC/examples/brackenford-bridge" > /dev/null 2> "$TMP/ingest.err" || fail "ingest: $(cat "$TMP/ingest.err")"
/usr/bin/python3 - "$DB" <<'PY' || fail "the view was not rebuilt by the next ingest"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
(view,) = c.execute("SELECT view FROM stories WHERE view IS NOT NULL").fetchone()
sys.exit(0 if view[1] > 1 else 1)
PY
echo ok
