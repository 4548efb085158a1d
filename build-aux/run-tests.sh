#!/bin/sh
# Installs what is needed, builds, and runs the whole test suite headless.
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
builddir=${BUILDDIR:-_build}
if [ -d "$builddir" ]; then
  meson setup --reconfigure "$builddir"
else
  meson setup "$builddir"
fi
ninja -C "$builddir"
# A private D-Bus session and X server: no display or session is needed.
# A private runtime folder too: the accessibility bus puts its socket there,
# and another session's tests must not replace it under ours.
XDG_RUNTIME_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kensho-runtime.XXXXXX")
export XDG_RUNTIME_DIR
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2

# The same suite again under AddressSanitizer and UndefinedBehaviorSanitizer,
# with leak checking (tests/lsan.supp lists the libraries' own allocations).
sh build-aux/run-sanitizers.sh

# The libFuzzer targets (clang), 30 seconds each from their seed corpus.
sh build-aux/run-fuzzers.sh 30
