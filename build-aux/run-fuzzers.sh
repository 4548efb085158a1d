#!/bin/sh
# Builds the libFuzzer targets (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each for SECONDS (default 30) from
# its seed corpus. CI runs it short; for a long run:
#   sh build-aux/run-fuzzers.sh 3600              # every target, an hour each
#   sh build-aux/run-fuzzers.sh 3600 fuzz-value   # one target
# Anything found is printed with the input; turn it into a regression test.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-30}
builddir=${FUZZ_BUILDDIR:-_build-fuzz}
options="-Dfuzzing=true -Dfuzz_seconds=$seconds -Dapp=disabled -Db_sanitize=address,undefined -Db_lundef=false"
if [ -d "$builddir" ]; then
  # shellcheck disable=SC2086
  meson setup --reconfigure "$builddir" $options
else
  # shellcheck disable=SC2086
  CC=clang meson setup "$builddir" $options -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$builddir"
shift $(( $# > 0 ? 1 : 0 ))
# UBSan findings stop the fuzzer like crashes.
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C "$builddir" --suite fuzz --print-errorlogs --num-processes 1 --verbose "$@"
