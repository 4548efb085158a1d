#!/bin/sh
# Builds with -Db_sanitize=address,undefined and runs the whole test suite
# with leak checking; any report fails the test that caused it. Run by
# run-tests.sh (CI) after the normal build; alone once the packages are in.
set -eu
cd "$(dirname "$0")/.."
builddir=${ASAN_BUILDDIR:-_build-asan}
if [ -d "$builddir" ]; then
  meson setup --reconfigure "$builddir" -Db_sanitize=address,undefined -Db_lundef=false
else
  meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$builddir"
# Sanitized code is several times slower: longer timeouts. The AT-SPI check
# (suite a11y) is left out, see tests/meson.build.
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
  --no-suite a11y
