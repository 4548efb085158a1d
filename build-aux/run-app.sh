#!/bin/sh
# Installs what is needed, builds, and starts Kensho on the bundled sample.
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
builddir=${BUILDDIR:-_build}
[ -d "$builddir" ] || meson setup "$builddir"
ninja -C "$builddir"
# Settings (window size, recent sheets) from the schema compiled in the build.
export GSETTINGS_SCHEMA_DIR="$builddir/data"
# Translations from the build tree (the UI follows the desktop's language).
export KENSHO_LOCALEDIR="$builddir/po"
exec "$builddir/src/app/kensho" data/samples/isesaki-r5.xml
