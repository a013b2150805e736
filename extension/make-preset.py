#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes a settings-only LibreOffice extension (a preset) from an ikuflet settings
file, for central IT: installed with `unopkg add --shared`, it sets
/org.ikuflet.Settings for every user of the PC; the settings named with --lock
are finalized (oor:finalized), so the user's own layer (the Options page, a
macro) cannot change them.

The settings file is the CLI's (ikuflet --settings): group [ikuflet], keys
Organisation, Logo, Tekster, Mappe, Filnavn, Teamudviklingsplan, Samlet; a key
left out is not preset. A Logo or Tekster file that exists here (a relative path
counts from the settings file's folder, as for the CLI) is packed into the preset
and named through %origin%, so the PCs need no copy of it; a path that does not
exist here (a network share, "C:\\..." of the PCs) is written as it stands.

Usage: make-preset.py SETTINGS.ini --output PRESET.oxt [--lock KEY]... [--lock-all]
                      [--version V] [--identifier ID]
"""

import argparse
import os
import re
import sys
import zipfile

GROUP = "ikuflet"
STRINGS = ("Organisation", "Logo", "Tekster", "Mappe", "Filnavn")
SWITCHES = ("Teamudviklingsplan", "Samlet")
KEYS = STRINGS + SWITCHES
FILES = ("Logo", "Tekster")       # packed into the preset when they exist here
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
MAX_FILE = 64 * 1024 * 1024      # nothing bigger goes into a preset
XCU = "Settings.xcu"


class PresetError(Exception):
    pass


def unescape(value, where):
    """A GKeyFile value: \\s \\n \\t \\r \\\\ and nothing else after a backslash."""
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 >= len(value):
                raise PresetError("%s: en værdi må ikke slutte med \\" % where)
            esc = value[i + 1]
            mapping = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
            if esc not in mapping:
                raise PresetError("%s: ukendt \\%s i værdien" % (where, esc))
            out.append(mapping[esc])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_settings(path):
    """The keys of @path's [ikuflet] group, as {key: str or bool}."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise PresetError("%s: kan ikke læses (%s)" % (path, e.strerror))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PresetError("%s: er ikke UTF-8-tekst" % path)
    settings = {}
    group = None
    for number, line in enumerate(text.splitlines(), 1):
        where = "%s, linje %d" % (path, number)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            if not stripped.endswith("]"):
                raise PresetError("%s: en gruppe skrives [ikuflet]" % where)
            group = stripped[1:-1]
            if group != GROUP:
                raise PresetError("%s: ukendt gruppe [%s]; kun [%s] bruges" % (where, group, GROUP))
            continue
        if group is None:
            raise PresetError("%s: første indstilling står før [%s]" % (where, GROUP))
        if "=" not in line:
            raise PresetError("%s: en indstilling skrives Navn=værdi" % where)
        key, value = line.split("=", 1)
        key = key.strip()
        value = unescape(value.lstrip(" \t"), where)
        if key not in KEYS:
            raise PresetError("%s: ukendt indstilling %s (kendte: %s)"
                              % (where, key, ", ".join(KEYS)))
        if key in settings:
            raise PresetError("%s: %s står der to gange" % (where, key))
        if key in SWITCHES:
            if value.strip() in ("true", "1"):
                value = True
            elif value.strip() in ("false", "0"):
                value = False
            else:
                raise PresetError("%s: %s skal være true eller false, ikke %r" % (where, key, value))
        settings[key] = value
    if group is None:
        raise PresetError("%s: ingen gruppe [%s]" % (path, GROUP))
    return settings


def xml_escape(value):
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_text(value):
    """A value in the .xcu: '%' doubled, since the office replaces %origin% in an
    extension's .xcu and turns %% into %."""
    return xml_escape(value).replace("%", "%%")


def packed_name(key, path):
    base = os.path.basename(path)
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", base) or "fil"
    return "files/%s/%s" % (key.lower(), safe)


def make_preset(settings, settings_dir, locked, identifier, version):
    """{archive name: bytes} of the preset."""
    files = {}
    props = []
    for key in KEYS:
        if key not in settings:
            continue
        value = settings[key]
        if key in FILES and value:
            here = value if os.path.isabs(value) else os.path.join(settings_dir, value)
            if os.path.isfile(here):
                size = os.path.getsize(here)
                if size > MAX_FILE:
                    raise PresetError("%s er for stor til en forudindstilling (%d MB)"
                                      % (here, size // (1024 * 1024)))
                name = packed_name(key, here)
                with open(here, "rb") as f:
                    files[name] = f.read()
                text = "%origin%/" + name
            else:
                print("make-preset: %s: %s findes ikke her; skrives som den står, så den "
                      "skal findes på pc'erne" % (key, value), file=sys.stderr)
                text = xml_text(value)
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = xml_text(value)
        final = ' oor:finalized="true"' if key in locked else ""
        props.append('  <prop oor:name="%s"%s>\n    <value>%s</value>\n  </prop>\n'
                     % (key, final, text))
    if not props:
        raise PresetError("indstillingsfilen forudindstiller intet")

    xcu = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<!-- ikuflet preset, made by make-preset.py -->\n'
           '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry"\n'
           '                    xmlns:xs="http://www.w3.org/2001/XMLSchema"\n'
           '                    oor:name="Settings" oor:package="org.ikuflet">\n'
           + "".join(props) + '</oor:component-data>\n')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">\n'
                '  <manifest:file-entry manifest:full-path="%s"\n'
                '      manifest:media-type="application/vnd.sun.star.configuration-data"/>\n'
                '</manifest:manifest>\n' % XCU)
    organisation = settings.get("Organisation") or ""
    suffix = (" – " + organisation) if organisation else ""
    description = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<description xmlns="http://openoffice.org/extensions/description/2006"\n'
        '             xmlns:d="http://openoffice.org/extensions/description/2006">\n'
        '  <identifier value="%s"/>\n'
        '  <version value="%s"/>\n'
        '  <display-name>\n'
        '    <name lang="da">ikuflet – forudindstillinger%s</name>\n'
        '    <name lang="en">ikuflet – preset settings%s</name>\n'
        '  </display-name>\n'
        '</description>\n'
        % (identifier, version, xml_escape(suffix), xml_escape(suffix)))
    entries = {"description.xml": description.encode("utf-8"),
               "META-INF/manifest.xml": manifest.encode("utf-8"),
               XCU: xcu.encode("utf-8")}
    entries.update(files)
    return entries


def write_archive(output, entries):
    tmp = output + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | 0o644) << 16
            archive.writestr(info, entries[name])
    os.replace(tmp, output)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("settings", metavar="SETTINGS.ini")
    parser.add_argument("--output", required=True, metavar="PRESET.oxt")
    parser.add_argument("--lock", action="append", default=[], metavar="KEY",
                        help="finalize this setting (repeat; names as in the settings file)")
    parser.add_argument("--lock-all", action="store_true", help="finalize every preset setting")
    parser.add_argument("--version", default="1", help="the preset's version (raise it for an update)")
    parser.add_argument("--identifier", default="org.ikuflet.preset")
    args = parser.parse_args()
    try:
        if not re.match(r"^[0-9]+(\.[0-9]+)*$", args.version):
            raise PresetError("--version skal være tal med punktum imellem, fx 2 eller 1.3")
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", args.identifier):
            raise PresetError("--identifier må kun have bogstaver, tal, punktum, - og _")
        unknown = [k for k in args.lock if k not in KEYS]
        if unknown:
            raise PresetError("--lock %s: ukendt indstilling (kendte: %s)"
                              % (", ".join(unknown), ", ".join(KEYS)))
        settings = read_settings(args.settings)
        not_set = [k for k in args.lock if k not in settings]
        if not_set:
            raise PresetError("--lock %s: står ikke i %s, så der er intet at låse"
                              % (", ".join(not_set), args.settings))
        locked = set(settings) if args.lock_all else set(args.lock)
        entries = make_preset(settings, os.path.dirname(os.path.abspath(args.settings)),
                              locked, args.identifier, args.version)
        write_archive(args.output, entries)
    except PresetError as e:
        print("make-preset: %s" % e, file=sys.stderr)
        return 1
    print("make-preset: %s: %s%s" % (args.output, ", ".join(k for k in KEYS if k in settings),
                                     (" (låst: %s)" % ", ".join(k for k in KEYS if k in locked))
                                     if locked else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
