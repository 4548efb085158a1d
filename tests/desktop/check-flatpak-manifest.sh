#!/bin/sh
# Reads the Flatpak manifest the way flatpak-builder does, offline, and fails
# on any property it does not know (flatpak-builder only warns about those).
#
# usage: check-flatpak-manifest.sh MANIFEST
set -u

manifest=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# flatpak-builder leaves its state directory in the working directory.
cd "$tmp" || exit 1

flatpak-builder --show-manifest "$manifest" >"$tmp/out" 2>"$tmp/err"
status=$?
cat "$tmp/err" >&2
if [ "$status" -ne 0 ]; then
  echo "flatpak-builder --show-manifest failed with status $status" >&2
  exit 1
fi
if grep -qi 'unknown property' "$tmp/err"; then
  echo "the manifest has properties flatpak-builder does not know" >&2
  exit 1
fi
if ! grep -q '"modules"' "$tmp/out"; then
  echo "flatpak-builder printed no manifest" >&2
  exit 1
fi
echo "flatpak-builder reads $manifest with no unknown property"
