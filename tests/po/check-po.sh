#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the Japanese translation is complete:
#  1. po/ja.po compiles cleanly (msgfmt -c) with no untranslated or fuzzy
#     message;
#  2. every msgid of a template freshly extracted from po/POTFILES.in has a
#     translation in po/ja.po (msgcmp fails on any that is missing, untranslated
#     or fuzzy).
#
# Usage: check-po.sh SOURCE_ROOT MSGFMT XGETTEXT MSGCMP
# When a message is reported missing, refresh and translate with:
#   meson compile -C _build kensho-update-po   (or msgmerge po/ja.po NEW.pot)

set -eu

if [ $# -ne 4 ]; then
  echo "usage: $0 SOURCE_ROOT MSGFMT XGETTEXT MSGCMP" >&2
  exit 2
fi
srcdir=$1
msgfmt=$2
xgettext=$3
msgcmp=$4
po=po/ja.po

# The tools' own messages must be in English for the checks below.
LC_ALL=C
LANGUAGE=
export LC_ALL LANGUAGE

cd "$srcdir"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/kensho-po.XXXXXX")
trap 'rm -rf "$tmpdir"' EXIT INT TERM

status=0

# 1. Compiles, and nothing untranslated or fuzzy.
if ! "$msgfmt" -c --statistics -o /dev/null "$po" >"$tmpdir/stats" 2>&1; then
  cat "$tmpdir/stats" >&2
  echo "FAIL: msgfmt -c rejects $po" >&2
  status=1
elif grep -E -q 'untranslated|fuzzy' "$tmpdir/stats"; then
  cat "$tmpdir/stats" >&2
  echo "FAIL: $po has untranslated or fuzzy messages" >&2
  status=1
elif ! grep -E -q -x '[0-9]+ translated messages?\.' "$tmpdir/stats" ||
     [ "$(wc -l <"$tmpdir/stats")" -ne 1 ]; then
  # Header warnings and the like: msgfmt must say nothing but the count.
  cat "$tmpdir/stats" >&2
  echo "FAIL: msgfmt warns about $po" >&2
  status=1
else
  echo "$po: $(cat "$tmpdir/stats")"
fi

# 2. A fresh template: every msgid must be in ja.po. Files listed in
# POTFILES.in that do not exist (yet) are skipped.
: >"$tmpdir/POTFILES"
while IFS= read -r file || [ -n "$file" ]; do
  case $file in
    ''|'#'*) continue ;;
  esac
  if [ -e "$file" ]; then
    printf '%s\n' "$file" >>"$tmpdir/POTFILES"
  else
    echo "note: $file is listed in po/POTFILES.in but does not exist; skipped" >&2
  fi
done <po/POTFILES.in

if ! "$xgettext" --from-code=UTF-8 \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dngettext:2,3 --add-comments=TRANSLATORS \
      -f "$tmpdir/POTFILES" -o "$tmpdir/kensho.pot"; then
  echo "FAIL: xgettext could not extract the template" >&2
  exit 1
fi

if [ ! -f "$tmpdir/kensho.pot" ]; then
  echo "note: no translatable string found" >&2
elif ! "$msgcmp" -N "$po" "$tmpdir/kensho.pot"; then
  echo "FAIL: $po lacks a translation for the messages above" >&2
  status=1
fi

exit $status
