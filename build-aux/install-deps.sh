#!/bin/sh
# Installs what Kensho needs to build, run and test on Debian 12 (as root).
set -eu
export DEBIAN_FRONTEND=noninteractive

packages="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libxml2-dev libpango1.0-dev libcairo2-dev libxlsxwriter-dev libarchive-dev nettle-dev
  libxml2-utils sqlite3 locales fonts-noto-cjk
  xvfb xauth dbus at-spi2-core python3-gi python3-pyatspi gir1.2-atspi-2.0
  poppler-utils imagemagick desktop-file-utils appstream python3-openpyxl
  flatpak-builder xdg-utils libfile-mimeinfo-perl shared-mime-info libglib2.0-bin
  librsvg2-common adwaita-icon-theme
  clang libclang-rt-14-dev
  samba smbclient smbnetfs fuse3
"
# samba, smbclient, smbnetfs: the real SMB share of tests/smb-share.sh, for
# the tests of shared sheets (they skip, saying why, without /dev/fuse).

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
fi

# The Japanese UI is tried under ja_JP.UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^ja_JP.utf8$'; then
  sed -i 's/^# *ja_JP.UTF-8 UTF-8/ja_JP.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^ja_JP.UTF-8 UTF-8' /etc/locale.gen || echo 'ja_JP.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen >/dev/null
fi
