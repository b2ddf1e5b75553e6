# Issue 12: a --db in a folder that does not exist, and serve on a busy port,
# exited 2 (internal error); both are the caller's to fix: exit 1, naming the
# path or the port.
source "$(dirname "$0")/lib.bash"
printf 'A title\nSome text about the harbour and its ferry.\n' > "$TMP/a.txt"
expect_exit 1 "$SL" ingest --db "$TMP/no/such/dir/x.db" "$TMP/a.txt" 2> "$TMP/err.txt"
grep -q "no/such/dir" "$TMP/err.txt" || fail "missing folder not named: $(cat "$TMP/err.txt")"
expect_exit 1 "$SL" ingest --db "$TMP" "$TMP/a.txt" 2> "$TMP/err.txt"
grep -q "folder" "$TMP/err.txt" || fail "a folder as --db not explained: $(cat "$TMP/err.txt")"
for cmd in stories search brief; do
  args=(); [[ $cmd == search ]] && args=(word)
  expect_exit 1 "$SL" "$cmd" --db "$TMP/no/such/dir/x.db" "${args[@]}" 2> /dev/null
done
[[ ! -e "$TMP/no" ]] || fail "a failed open created folders"

DB="$TMP/s.db"
"$SL" ingest --db "$DB" "$TMP/a.txt" > /dev/null
# Hold a port with a listening socket, then ask serve for it.
/usr/bin/python3 - "$SL" "$DB" <<'PY' || fail "serve on a busy port"
import socket, subprocess, sys
sl, db = sys.argv[1:3]
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
port = str(s.getsockname()[1])
r = subprocess.run([sl, "serve", "--db", db, "--port", port], capture_output=True, text=True, timeout=60)
if r.returncode != 1 or port not in r.stderr:
    sys.exit(f"serve on busy port {port}: exit {r.returncode}, stderr {r.stderr!r}")
PY
echo ok
