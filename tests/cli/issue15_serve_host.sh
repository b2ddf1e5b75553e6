# Issue 15: the server answered any Host header (a DNS-rebinding page could
# read the API) and could only listen on 127.0.0.1. Now a foreign Host gets
# 421 with a body that says why, and `--host` serves elsewhere with a warning
# that the API has no authentication; loopback serves without one.
source "$(dirname "$0")/lib.bash"
printf 'Ferry returns\nThe ferry returned to the harbour on Friday, the mayor said.\n' > "$TMP/a.txt"
DB="$TMP/s.db"
"$SL" ingest --no-progress --db "$DB" "$TMP/a.txt" > /dev/null
/usr/bin/python3 - "$SL" "$DB" <<'PY' || fail "serve --host"
import http.client, re, subprocess, sys
sl, db = sys.argv[1:3]

def serve(*extra):
    p = subprocess.Popen([sl, "serve", "--db", db, "--port", "0", *extra],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    m = re.search(r"http://(\S+):(\d+)/", line)
    if not m:
        p.kill()
        sys.exit(f"no address in {line!r}: {p.stderr.read()!r}")
    return p, int(m.group(2)), m.group(1)

def get(port, host):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.putrequest("GET", "/api/stories", skip_host=True)
    c.putheader("Host", host)
    c.endheaders()
    r = c.getresponse()
    return r.status, r.read().decode()

def stop(p):
    p.terminate()
    p.wait(timeout=30)
    return p.stderr.read()

p, port, shown = serve()
ok, _ = get(port, f"127.0.0.1:{port}")
bad, body = get(port, f"attacker.example:{port}")
err = stop(p)
if shown != "127.0.0.1" or ok != 200 or bad != 421 or "attacker.example" not in body:
    sys.exit(f"loopback: shown {shown}, 200? {ok}, 421? {bad} {body!r}")
if "warning" in err:
    sys.exit(f"a warning for loopback: {err!r}")

p, port, shown = serve("--host", "0.0.0.0")
ok, _ = get(port, f"127.0.0.1:{port}")
lit, _ = get(port, f"10.1.2.3:{port}")
bad, body = get(port, f"attacker.example:{port}")
err = stop(p)
if shown != "0.0.0.0" or ok != 200 or lit != 200 or bad != 421 or "--host" not in body:
    sys.exit(f"--host 0.0.0.0: shown {shown}, 200? {ok} {lit}, 421? {bad} {body!r}")
if "warning" not in err or "0.0.0.0" not in err or "no authentication" not in err:
    sys.exit(f"no warning for --host 0.0.0.0: {err!r}")
PY
echo ok
