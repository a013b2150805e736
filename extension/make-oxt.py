#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Packs ikuflet.oxt, the LibreOffice extension: the given files under their names
in the archive, plus the shared libraries the component needs that LibreOffice does
not bring (--bundle-needed PREFIX: each DT_NEEDED entry of the component starting
with PREFIX is copied beside it under its soname, where the component's $ORIGIN
RUNPATH finds it). The archive is reproducible: sorted entries, fixed times.

description.xml's <platform> is written from the platforms the manifest's
.components entries name, so an archive never claims a platform it has no
component for. With --base, an existing .oxt gets more platforms (--component
PLATFORM NAME PATH: the library, and NAME's .components entry for PLATFORM);
./build.sh windows makes the release .oxt for Linux and Windows this way.

--update-url URL (Meson option update_url) gives description.xml an
<update-information> element pointing at URL, where the Extension Manager looks
for newer versions (an update.xml on the organisation's own server); an empty
URL gives none."""

import argparse
import os
import re
import subprocess
import sys
import zipfile

LIBRARY_DIRS = ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib", "/lib")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def needed_libraries(module):
    out = subprocess.run(["readelf", "-d", module], check=True, capture_output=True,
                         text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def find_library(soname):
    for d in LIBRARY_DIRS:
        path = os.path.join(d, soname)
        if os.path.isfile(path):
            return os.path.realpath(path)
    sys.exit("make-oxt: %s not found in %s" % (soname, ", ".join(LIBRARY_DIRS)))


MANIFEST = "META-INF/manifest.xml"
COMPONENTS = "ikuflet.components"
COMPONENTS_ENTRY = (
    '  <manifest:file-entry manifest:full-path="%s"\n'
    '      manifest:media-type="application/vnd.sun.star.uno-components;platform=%s"/>\n')


def manifest_platforms(manifest):
    return re.findall(r"uno-components;platform=([A-Za-z0-9_]+)", manifest)


def with_platforms(description, platforms):
    """description.xml text with <platform value="..."/> naming @platforms."""
    value = ",".join(p.lower() for p in platforms)
    text, n = re.subn(r'<platform value="[^"]*"/>', '<platform value="%s"/>' % value, description)
    if n != 1:
        sys.exit("make-oxt: description.xml must have exactly one <platform value=...>")
    return text


def with_update_url(description, url):
    """description.xml text with an <update-information> naming @url (in place of
    one already there), when @url is not empty. The URL must be absolute (a scheme
    such as https: or file:)."""
    if not url:
        return description
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s\"<>]+$", url):
        sys.exit("make-oxt: update_url %r is no absolute URL (https://..., file:///...)" % url)
    description = re.sub(r"  <update-information>.*?</update-information>\n", "", description,
                         flags=re.S)
    element = ('  <update-information>\n'
               '    <src xlink:href="%s"/>\n'
               '  </update-information>\n' % url.replace("&", "&amp;"))
    text, n = re.subn(r"</description>\s*$", element + "</description>\n", description)
    if n != 1:
        sys.exit("make-oxt: description.xml must end with </description>")
    return text


def write_archive(output, entries):
    """@entries: name -> (bytes, mode)."""
    tmp = output + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in sorted(entries):
            data, mode = entries[name]
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | mode) << 16
            archive.writestr(info, data)
    os.replace(tmp, output)


def add_platforms(args):
    """The --base archive plus one component library per --component (and the
    --update-url, when given)."""
    entries = {}
    with zipfile.ZipFile(args.base) as base:
        for info in base.infolist():
            entries[info.filename] = (base.read(info), (info.external_attr >> 16) & 0o777)
    manifest = entries[MANIFEST][0].decode("utf-8")
    components = entries[COMPONENTS][0].decode("utf-8")
    linux_uri = re.search(r'uri="([^"]+)"', components).group(1)
    for platform, name, path in args.component:
        if platform in manifest_platforms(manifest):
            sys.exit("make-oxt: %s already has a component for %s" % (args.base, platform))
        with open(path, "rb") as f:
            entries[name] = (f.read(), 0o755)
        listing = "ikuflet-%s.components" % platform.lower()
        entries[listing] = (components.replace('uri="%s"' % linux_uri, 'uri="%s"' % name)
                            .encode("utf-8"), 0o644)
        manifest = manifest.replace("</manifest:manifest>",
                                    COMPONENTS_ENTRY % (listing, platform) + "</manifest:manifest>")
    entries[MANIFEST] = (manifest.encode("utf-8"), entries[MANIFEST][1])
    description = entries["description.xml"][0].decode("utf-8")
    description = with_update_url(with_platforms(description, manifest_platforms(manifest)),
                                  args.update_url)
    entries["description.xml"] = (description.encode("utf-8"), entries["description.xml"][1])
    write_archive(args.output, entries)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True)
    parser.add_argument("--base", metavar="OXT", help="add --component entries to this .oxt")
    parser.add_argument("--component", action="append", nargs=3, default=[],
                        metavar=("PLATFORM", "NAME", "PATH"))
    parser.add_argument("--module", nargs=2, metavar=("NAME", "PATH"),
                        help="the component library and its name in the archive")
    parser.add_argument("--bundle-needed", action="append", default=[], metavar="PREFIX")
    parser.add_argument("--file", action="append", nargs=2, default=[],
                        metavar=("NAME", "PATH"))
    parser.add_argument("--update-url", default="", metavar="URL",
                        help="<update-information> in description.xml (empty: none)")
    args = parser.parse_args()
    if args.base:
        add_platforms(args)
        return
    if not args.module:
        parser.error("--module is required without --base")

    module_name, module_path = args.module
    entries = {name: (path, 0o644) for name, path in args.file}
    entries[module_name] = (module_path, 0o755)
    module_dir = os.path.dirname(module_name)
    for soname in needed_libraries(module_path):
        if any(soname.startswith(prefix) for prefix in args.bundle_needed):
            entries[os.path.join(module_dir, soname)] = (find_library(soname), 0o755)
    missing = [p for p, _ in entries.values() if not os.path.isfile(p)]
    if missing:
        sys.exit("make-oxt: missing input files: %s" % ", ".join(missing))

    contents = {}
    for name, (path, mode) in entries.items():
        with open(path, "rb") as f:
            contents[name] = (f.read(), mode)
    if "description.xml" in contents and MANIFEST in contents:
        platforms = manifest_platforms(contents[MANIFEST][0].decode("utf-8"))
        description = contents["description.xml"][0].decode("utf-8")
        description = with_update_url(with_platforms(description, platforms), args.update_url)
        contents["description.xml"] = (description.encode("utf-8"),
                                       contents["description.xml"][1])
    write_archive(args.output, contents)


if __name__ == "__main__":
    main()
