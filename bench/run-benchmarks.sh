#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Kensho's benchmarks, in one run: speed and peak memory against the floor
# (xmllint, sqlite3) and the peer (LibreOffice), on generated sheets of 47 to
# 100,000 indicators. Prints a Markdown table and writes it to
# BUILD/bench-results.md. Takes about 10-15 minutes on 2 cores.
#
#   sh bench/run-benchmarks.sh            (from the source folder, as root on
#                                          Debian 12 to install what is missing)
#
# Settings (environment): BUILD (default _build; made with buildtype=release
# if missing), SIZES (default "47 1000 10000 100000"), PDF_SIZES (default
# "47 1000 2000 10000"), RUNS (default 5; the 100,000 sheet gets 2), KEEP=1 keeps
# the generated files.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-_build}
case $BUILD in /*) ;; *) BUILD=$srcdir/$BUILD ;; esac
export BUILD

if [ -z "${KENSHO_BENCH_INNER:-}" ]; then
  # Tools: installed here when missing, not by CI (which never benchmarks).
  missing=
  for pair in xmllint:libxml2-utils sqlite3:sqlite3 /usr/bin/time:time soffice:libreoffice-calc-nogui \
              xvfb-run:xvfb xauth:xauth dbus-run-session:dbus python3:python3 meson:meson ninja:ninja-build \
              fc-list:fontconfig; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
  done
  # Both Kensho and LibreOffice need Japanese fonts to lay the text out.
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
    missing="$missing fonts-noto-cjk"
  fi
  if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "Missing:$missing; install them (apt-get install$missing) or run as root." >&2
      exit 1
    fi
    echo "Installing:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi

  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$srcdir" --buildtype=release
  fi
  ninja -C "$BUILD" src/cli/kensho-cli src/app/kensho bench/kensho-bench bench/kensho-bench-app bench/kensho-bench-typing data/gschemas.compiled >/dev/null

  # One X server and one session bus for the whole run, started before any
  # timing.
  KENSHO_BENCH_INNER=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- python3 "$srcdir/bench/run-benchmarks.py" "$@"
fi
