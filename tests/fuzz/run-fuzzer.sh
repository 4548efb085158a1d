#!/bin/sh
# Runs one fuzzer for SECONDS from the seed folders, new inputs going to a
# scratch folder (the committed seeds stay as they are). Fails on any crash,
# leak, timeout or failed assertion, and prints the input that caused it.
#   run-fuzzer.sh FUZZER SECONDS SEED_FOLDER… [-- libFuzzer options…]
set -eu
fuzzer=$1 seconds=$2
shift 2
seeds=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  seeds="$seeds $1"
  shift
done
[ $# -gt 0 ] && shift
work=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/kensho-fuzz.XXXXXX")}
[ -n "${FUZZ_WORK:-}" ] || trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus"
status=0
# The fast unwinder: libFuzzer only calls a leak what one input lost, which
# needs no suppression of the libraries' one-time allocations.
ASAN_OPTIONS=${FUZZ_ASAN_OPTIONS:-detect_leaks=1}
export ASAN_OPTIONS
# shellcheck disable=SC2086
# libFuzzer's own error status, 77, would read as "skipped" to meson.
"$fuzzer" -max_total_time="$seconds" -error_exitcode=1 -timeout_exitcode=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/" "$@" "$work/corpus" $seeds \
  >"$work/log" 2>&1 || status=$?
grep -E '^#[0-9]+.*(DONE|pulse)|^stat::|ERROR|SUMMARY' "$work/log" | tail -20
if [ "$status" -ne 0 ]; then
  tail -60 "$work/log"
  for found in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -f "$found" ] || continue
    echo "# $found:"
    od -c "$found" | head -20
  done
fi
exit "$status"
