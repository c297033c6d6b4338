#!/usr/bin/env bash
# Runs every corpus program with the reference interpreter (lua5.4) from the repository root,
# the same way test/differential.test.ts does, and reports programs that
#   - take longer than 1 s,
#   - exit non-zero although they are not expected to (expected: uncaught/*, or os.exit calls),
#   - exit zero although they live in uncaught/,
#   - print table/function/thread addresses or produce different output on a second run,
#   - do not start with a "-- " comment line.
# Usage: test/lua/check-oracle.sh [lua-binary]    (exit status 1 if anything was reported)
set -u
cd "$(dirname "$0")/../.." || exit 2
LUA=${1:-lua5.4}
export TZ=UTC LC_ALL=C LANG=C
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
problems=0 count=0
start_all=$(date +%s%N)
while IFS= read -r f; do
  count=$((count + 1))
  head -n 1 "$f" | grep -q '^-- ' || { echo "NO HEADER  $f"; problems=$((problems + 1)); }
  t0=$(date +%s%N)
  timeout 10 "$LUA" "$f" >"$tmp/out1" 2>"$tmp/err1" </dev/null
  status=$?
  ms=$((($(date +%s%N) - t0) / 1000000))
  [ "$ms" -gt 1000 ] && { echo "SLOW ${ms}ms  $f"; problems=$((problems + 1)); }
  expect_fail=0
  case "$f" in */uncaught/*) expect_fail=1 ;; esac
  if [ "$expect_fail" = 1 ]; then
    [ "$status" = 1 ] || { echo "EXPECTED EXIT 1, GOT $status  $f"; problems=$((problems + 1)); }
  elif [ "$status" != 0 ] && ! grep -q 'os\.exit' "$f"; then
    echo "UNEXPECTED EXIT $status  $f: $(head -n 1 "$tmp/err1")"; problems=$((problems + 1))
  fi
  [ "$status" -ge 124 ] && { echo "CRASH/TIMEOUT (status $status)  $f"; problems=$((problems + 1)); }
  if grep -aqE '(table|function|thread|userdata|builtin): 0x[0-9a-f]+' "$tmp/out1"; then
    echo "PRINTS AN ADDRESS  $f"; problems=$((problems + 1))
  fi
  timeout 10 "$LUA" "$f" >"$tmp/out2" 2>"$tmp/err2" </dev/null
  cmp -s "$tmp/out1" "$tmp/out2" || { echo "NONDETERMINISTIC STDOUT  $f"; problems=$((problems + 1)); }
  [ "$(head -n 1 "$tmp/err1")" = "$(head -n 1 "$tmp/err2")" ] || { echo "NONDETERMINISTIC STDERR  $f"; problems=$((problems + 1)); }
done < <(find test/lua -name '*.lua' | sort)
total_ms=$((($(date +%s%N) - start_all) / 1000000))
echo "checked $count programs with $LUA (each run twice) in ${total_ms} ms; problems: $problems"
[ "$problems" = 0 ]
