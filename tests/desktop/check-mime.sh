#!/bin/sh
# Checks that the shared-mime-info package recognises Kensho sheets by the
# namespace of their root element, and nothing else, the way GLib (Nautilus,
# the GTK file chooser, xdg-mime on GNOME) and xdg-mime's generic backend
# (File::MimeInfo) see it.  TAP output.
#
# usage: check-mime.sh MIME-PACKAGE.xml --sheet FILE... --other FILE...
set -u

type=application/x-kensho-sheet+xml
package=$1
shift

for tool in update-mime-database gio xdg-mime mimetype; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "Bail out! $tool is not installed"
    exit 1
  fi
done

# application/xml comes from shared-mime-info's own package.
freedesktop=
IFS_save=$IFS
IFS=:
for dir in ${XDG_DATA_DIRS:-/usr/local/share:/usr/share}; do
  if [ -f "$dir/mime/packages/freedesktop.org.xml" ]; then
    freedesktop=$dir/mime/packages/freedesktop.org.xml
    break
  fi
done
IFS=$IFS_save
if [ -z "$freedesktop" ]; then
  echo "Bail out! freedesktop.org.xml (shared-mime-info) not found"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/merged/mime/packages" "$tmp/app/mime/packages" "$tmp/system/mime/packages"

# Two layouts: everything in one database (a distribution package), and the
# app's database ahead of the system's (a Flatpak export, /usr/local, ~/.local).
cp "$freedesktop" "$tmp/merged/mime/packages/"
cp "$package" "$tmp/merged/mime/packages/jp.kensho.Kensho.xml"
cp "$freedesktop" "$tmp/system/mime/packages/"
cp "$package" "$tmp/app/mime/packages/jp.kensho.Kensho.xml"
for db in merged app system; do
  if ! update-mime-database "$tmp/$db/mime" >"$tmp/umd.log" 2>&1; then
    echo "Bail out! update-mime-database failed on the $db database: $(cat "$tmp/umd.log")"
    exit 1
  fi
done

n=0
failed=0
check () {
  # check DESCRIPTION EXPECTED ACTUAL
  n=$((n + 1))
  if [ "$2" = "$3" ]; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    echo "# expected '$2', got '$3'"
    failed=$((failed + 1))
  fi
}

n=$((n + 1))
if grep -q "^urn:x-kensho:sheet sheet $type\$" "$tmp/merged/mime/XMLnamespaces"; then
  echo "ok $n - root-XML rule in XMLnamespaces"
else
  echo "not ok $n - root-XML rule in XMLnamespaces"
  failed=$((failed + 1))
fi

# Run a command against one of the test databases only, with no desktop
# environment, so that xdg-mime uses its generic backend (mimetype).
in_db () {
  dirs=$1
  shift
  env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u GNOME_DESKTOP_SESSION_ID \
      -u KDE_FULL_SESSION -u KDE_SESSION_VERSION -u DISPLAY -u WAYLAND_DISPLAY \
      XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$dirs" GIO_USE_VFS=local "$@" 2>/dev/null
}

gio_type () {
  in_db "$1" gio info -a "standard::$2" "$3" | sed -n "s/^ *standard::$2: //p"
}

mode=
for arg in "$@"; do
  case $arg in
    --sheet) mode=sheet; continue ;;
    --other) mode=other; continue ;;
  esac
  name=$(basename "$arg")
  if [ "$mode" = sheet ]; then expected=$type; else expected=application/xml; fi
  for layout in merged "app system"; do
    case $layout in
      merged) dirs=$tmp/merged ;;
      *) dirs=$tmp/app:$tmp/system ;;
    esac
    label=$(echo "$layout" | tr ' ' '+')
    check "gio ($label): $name is $expected" "$expected" "$(gio_type "$dirs" content-type "$arg")"
    check "xdg-mime ($label): $name is $expected" "$expected" "$(in_db "$dirs" xdg-mime query filetype "$arg")"
    # The guess from the name alone must not claim every .xml file.
    check "gio fast guess ($label): $name is application/xml" application/xml \
      "$(gio_type "$dirs" fast-content-type "$arg")"
  done
done

echo "1..$n"
[ "$failed" -eq 0 ]
