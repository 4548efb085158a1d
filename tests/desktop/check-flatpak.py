#!/usr/bin/env python3
# Checks that the Flatpak manifest agrees with what `meson install` installs:
# the app id names the desktop file, the metainfo, the icons and the MIME
# package; the command is the desktop file's Exec and an installed program;
# the sandbox keeps to the permissions the app needs; the meson options the
# manifest passes exist.  TAP output.
#
# usage: check-flatpak.py MANIFEST SOURCE-ROOT BUILD-ROOT MESON

import configparser
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    # Sheets on shared drives: real paths, so that the lock beside a sheet
    # is seen by colleagues and change detection works (flatpak/README.md).
    '--filesystem=host',
    '--filesystem=xdg-run/gvfs',
    '--filesystem=xdg-run/gvfsd',
    '--talk-name=org.gtk.vfs.*',
}
SHEET_TYPE = 'application/x-kensho-sheet+xml'

results = []


def check(description, ok, detail=''):
    results.append((description, bool(ok), detail))
    return ok


def meson_options(source_root):
    names = set()
    for name in ('meson_options.txt', 'meson.options'):
        path = os.path.join(source_root, name)
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                names.update(re.findall(r"option\(\s*'([^']+)'", f.read()))
    return names


def main():
    manifest_path, source_root, build_root, meson = sys.argv[1:5]
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    app_id = manifest.get('id') or manifest.get('app-id')
    command = manifest.get('command')
    check('the manifest names an app id', app_id, repr(app_id))
    check('the manifest names a command', command, repr(command))
    check('runtime is org.gnome.Platform', manifest.get('runtime') == 'org.gnome.Platform',
          manifest.get('runtime'))
    check('sdk is org.gnome.Sdk', manifest.get('sdk') == 'org.gnome.Sdk', manifest.get('sdk'))
    check('runtime-version is set', manifest.get('runtime-version'))

    finish_args = manifest.get('finish-args', [])
    extra = sorted(set(finish_args) - ALLOWED_FINISH_ARGS)
    missing = sorted(ALLOWED_FINISH_ARGS - set(finish_args))
    check('finish-args are only ipc, wayland, fallback-x11, dri, host files and gvfs', not extra and not missing,
          'extra: %s, missing: %s' % (extra, missing))

    modules = manifest.get('modules', [])
    app_module = modules[-1] if modules else {}
    check('the last module builds the app with meson', app_module.get('buildsystem') == 'meson',
          app_module.get('buildsystem'))
    dir_sources = [s for s in app_module.get('sources', []) if s.get('type') == 'dir']
    local = [os.path.realpath(os.path.join(manifest_dir, s.get('path', ''))) for s in dir_sources]
    check('the app module builds this source tree', os.path.realpath(source_root) in local,
          'dir sources: %s' % local)
    known = meson_options(source_root)
    for opt in app_module.get('config-opts', []):
        m = re.match(r'-D([^=]+)=', opt)
        if m and '.' not in m.group(1) and m.group(1) not in (
                'prefix', 'libdir', 'bindir', 'datadir', 'buildtype', 'b_lto', 'b_ndebug'):
            check('config-opts: option %s exists in meson_options.txt' % m.group(1),
                  m.group(1) in known, 'declared options: %s' % sorted(known))

    if not (app_id and command):
        return

    with open(os.path.join(build_root, 'meson-info', 'intro-buildoptions.json'), encoding='utf-8') as f:
        options = {o['name']: o['value'] for o in json.load(f)}
    prefix = options['prefix']
    with tempfile.TemporaryDirectory() as destdir:
        proc = subprocess.run([meson, 'install', '-C', build_root, '--no-rebuild',
                               '--destdir', destdir],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        if not check('meson install succeeds', proc.returncode == 0, proc.stdout[-2000:]):
            return
        root = destdir + prefix
        datadir = os.path.join(root, options['datadir'])
        bindir = os.path.join(root, options['bindir'])

        desktop_path = os.path.join(datadir, 'applications', app_id + '.desktop')
        if check('the desktop file is installed as <app id>.desktop', os.path.isfile(desktop_path),
                 desktop_path):
            parser = configparser.RawConfigParser(strict=False, interpolation=None)
            parser.optionxform = str
            parser.read(desktop_path, encoding='utf-8')
            entry = parser['Desktop Entry']
            exec_line = shlex.split(entry.get('Exec', ''))
            exec_cmd = exec_line[0] if exec_line else ''
            check('the desktop file runs the manifest command', exec_cmd == command,
                  'Exec=%s, command=%s' % (entry.get('Exec'), command))
            check('the desktop file icon is the app id', entry.get('Icon') == app_id,
                  entry.get('Icon'))
            check('the desktop file declares the sheet MIME type',
                  SHEET_TYPE in entry.get('MimeType', '').split(';'), entry.get('MimeType'))

        program = os.path.join(bindir, command)
        check('the command is an installed program', os.path.isfile(program)
              and os.access(program, os.X_OK), program)

        metainfo_path = os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml')
        if check('the metainfo is installed as <app id>.metainfo.xml', os.path.isfile(metainfo_path),
                 metainfo_path):
            component = ET.parse(metainfo_path).getroot()
            check('the metainfo id is the app id', component.findtext('id') == app_id,
                  component.findtext('id'))
            launchables = [l.text for l in component.findall('launchable')]
            check('the metainfo launches <app id>.desktop', app_id + '.desktop' in launchables,
                  launchables)

        for path in (os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', app_id + '.svg'),
                     os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps',
                                  app_id + '-symbolic.svg'),
                     os.path.join(datadir, 'mime', 'packages', app_id + '.xml')):
            check('installed: %s' % os.path.relpath(path, root), os.path.isfile(path), path)

        # Flatpak exports only files named after the app id from these folders.
        for sub in ('applications', 'metainfo', 'icons', 'mime/packages', 'dbus-1/services',
                    'gnome-shell/search-providers'):
            top = os.path.join(datadir, sub)
            for dirpath, _, files in os.walk(top):
                for name in files:
                    if sub == 'icons' and name in ('icon-theme.cache', 'index.theme'):
                        continue
                    check('exportable: share/%s' % os.path.relpath(os.path.join(dirpath, name), datadir),
                          name == app_id or name.startswith(app_id + '.')
                          or name.startswith(app_id + '-'), name)


try:
    main()
except Exception as e:  # a broken manifest or build is a failure, not a crash
    check('the check ran', False, '%s: %s' % (type(e).__name__, e))

failed = 0
for i, (description, ok, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, description))
    if not ok:
        failed += 1
        for line in str(detail).splitlines() or ['']:
            print('# ' + line)
print('1..%d' % len(results))
sys.exit(1 if failed or not results else 0)
