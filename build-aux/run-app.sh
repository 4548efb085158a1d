#!/bin/sh
# Installs what is needed, builds, and starts Kensho on the bundled sample.
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
builddir=${BUILDDIR:-_build}
[ -d "$builddir" ] || meson setup "$builddir"
ninja -C "$builddir"
# The settings schema and translations of the build (meson.build's devenv).
exec meson devenv -C "$builddir" kensho "$PWD/data/samples/isesaki-r5.xml"
