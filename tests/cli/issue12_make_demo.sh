# Issue 12: `make demo` built every tool and benchmark and would install Java
# (opennlp) and clang before showing anything. It installs only what the
# storyline command needs and builds only that; `make test` and CI still
# install everything.
source "$(dirname "$0")/lib.bash"
DEPS="$SRC/scripts/install-deps"
"$DEPS" --list storyline > "$TMP/demo.txt" || fail "install-deps --list storyline"
"$DEPS" --list > "$TMP/all.txt" || fail "install-deps --list"
for p in opennlp clang-14 libclang-rt-14-dev libgtest-dev libgmock-dev libbenchmark-dev python3-readability \
         pybind11-dev python3-dev python3-distributed; do
  ! grep -qx "$p" "$TMP/demo.txt" || fail "make demo would install $p"
  grep -qx "$p" "$TMP/all.txt" || fail "the full set lacks $p"
done
while read -r p; do
  grep -qx "$p" "$TMP/all.txt" || fail "the full set lacks $p (needed by the demo)"
done < "$TMP/demo.txt"

B="$TMP/b"
make -s -n -C "$SRC" demo BUILD="$B" > "$TMP/demo.mk" || fail "make -n demo"
grep -q 'install-deps storyline$' "$TMP/demo.mk" || fail "make demo does not install the storyline set only"
! grep -q 'install-deps$' "$TMP/demo.mk" || fail "make demo installs everything"
grep -q -- "--build $B .*--target storyline" "$TMP/demo.mk" || fail "make demo builds more than storyline"
grep -q -- '-DSTORYLINE_TESTS=OFF -DSTORYLINE_BENCH=OFF' "$TMP/demo.mk" || fail "make demo configures tests or benchmarks"
make -s -n -C "$SRC" test BUILD="$B" > "$TMP/test.mk" || fail "make -n test"
grep -q 'install-deps$' "$TMP/test.mk" || fail "make test does not install everything"
grep -q -- '-DSTORYLINE_TESTS=ON -DSTORYLINE_BENCH=ON' "$TMP/test.mk" || fail "make test may reuse a demo build without tests"

# The demo's configuration builds the command without tools, tests or benchmarks.
cmake -S "$SRC" -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYLINE_TESTS=OFF -DSTORYLINE_BENCH=OFF > "$TMP/cmake.log" 2>&1 \
  || { cat "$TMP/cmake.log"; fail "configure as make demo does"; }
ninja -C "$B" -t commands storyline > "$TMP/cmds.txt"
grep -q 'app/main.cc' "$TMP/cmds.txt" || fail "storyline's own commands missing"
for d in tools tests bench fuzz python; do
  ! grep -qF "$SRC/$d/" "$TMP/cmds.txt" || fail "building storyline builds $d/"
done
echo ok
