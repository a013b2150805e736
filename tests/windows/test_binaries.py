#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Static checks of the Windows binaries from their PE headers (objdump -p):
ikuflet.uno.dll exports exactly the two UNO entry points and imports only
LibreOffice's sal3.dll/cppu3.dll (just the functions the .def files list) and
Windows system DLLs; ikuflet.exe imports only system DLLs and is a console
program with its manifest; both have ASLR (with high entropy) and NX."""
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import winrun  # noqa: E402

OBJDUMP = os.environ.get("OBJDUMP", "x86_64-w64-mingw32-objdump")
DEF_DIR = os.path.join(HERE, "..", "..", "native", "windows")
# DLLs every Windows 10/11 has (msvcrt.dll included); nothing from MinGW or GLib.
SYSTEM_DLLS = {"kernel32.dll", "msvcrt.dll", "advapi32.dll", "shell32.dll", "ole32.dll",
               "user32.dll", "ws2_32.dll", "dnsapi.dll", "iphlpapi.dll", "shlwapi.dll",
               "bcrypt.dll"}


def pe_info(path):
    return subprocess.run([OBJDUMP, "-p", path], check=True, capture_output=True,
                          text=True).stdout


def imports(info):
    """{dll name (lower case): [function names]}"""
    result, current = {}, None
    for line in info.splitlines():
        m = re.match(r"\s*DLL Name: (\S+)", line)
        if m:
            current = m.group(1).lower()
            result[current] = []
            continue
        m = re.match(r"\s+[0-9a-f]+\s+\d+\s+(\S+)$", line)
        if current is not None and m:
            result[current].append(m.group(1))
        if line.startswith("The Export Tables") or line.startswith("PE File Base Relocations"):
            current = None
    return result


def exports(info):
    m = re.search(r"\[Ordinal/Name Pointer\] Table.*?\n(.*?)(?:\n\s*\n|\Z)", info, re.S)
    if not m:
        return []
    return sorted(re.findall(r"\[\s*\d+\]\s+(\S+)", m.group(1)))


def def_names(dll):
    names, in_exports = [], False
    with open(os.path.join(DEF_DIR, dll + ".def"), encoding="utf-8") as f:
        for line in f:
            line = line.split(";")[0].strip()
            if line == "EXPORTS":
                in_exports = True
            elif in_exports and line:
                names.append(line)
    return sorted(names)


def dll_characteristics(info):
    m = re.search(r"DllCharacteristics\s+([0-9a-f]+)", info)
    return int(m.group(1), 16)


DYNAMIC_BASE, NX_COMPAT, HIGH_ENTROPY_VA = 0x0040, 0x0100, 0x0020


class BinariesTest(unittest.TestCase):
    def setUp(self):
        winrun.require_dist(self)

    def assert_hardened(self, info, what):
        flags = dll_characteristics(info)
        for flag, name in ((DYNAMIC_BASE, "DYNAMIC_BASE (ASLR)"), (NX_COMPAT, "NX_COMPAT"),
                           (HIGH_ENTROPY_VA, "HIGH_ENTROPY_VA")):
            self.assertTrue(flags & flag, "%s lacks %s" % (what, name))
        self.assertIn("PE File Base Relocations", info, what + " has no relocations for ASLR")

    def test_exe(self):
        info = pe_info(winrun.EXE)
        self.assertIn("x86-64", subprocess.run([OBJDUMP, "-f", winrun.EXE], capture_output=True,
                                               text=True, check=True).stdout)
        self.assertRegex(info, r"Subsystem\s+00000003")   # console (CUI)
        extra = set(imports(info)) - SYSTEM_DLLS
        self.assertEqual(extra, set(), "ikuflet.exe needs more than Windows")
        self.assert_hardened(info, "ikuflet.exe")
        with open(winrun.EXE, "rb") as f:
            data = f.read()
        self.assertIn(b"<longPathAware", data)
        self.assertIn(b"<activeCodePage", data)
        self.assertEqual(exports(info), [])

    def test_dll(self):
        if not os.environ.get("IKUFLET_DLL"):
            self.skipTest("built without the extension")
        with tempfile.TemporaryDirectory() as tmp:
            info = pe_info(winrun.shipped_dll(tmp))
        self.assertEqual(exports(info), ["component_getFactory",
                                         "component_getImplementationEnvironment"])
        table = imports(info)
        self.assertEqual(set(table) - SYSTEM_DLLS - {"sal3.dll", "cppu3.dll"}, set(),
                         "ikuflet.uno.dll imports DLLs that are neither LibreOffice's nor Windows's")
        for lo in ("sal3", "cppu3"):
            self.assertIn(lo + ".dll", table)
            self.assertEqual(sorted(table[lo + ".dll"]), def_names(lo))
        self.assert_hardened(info, "ikuflet.uno.dll")

    def test_release_oxt(self):
        """dist/ikuflet.oxt: the Linux extension plus the Windows component."""
        if not os.environ.get("IKUFLET_DLL"):
            self.skipTest("built without the extension")
        with zipfile.ZipFile(winrun.OXT) as oxt:
            names = set(oxt.namelist())
            description = oxt.read("description.xml").decode("utf-8")
            manifest = oxt.read("META-INF/manifest.xml").decode("utf-8")
            windows = oxt.read("ikuflet-windows_x86_64.components").decode("utf-8")
            linux = oxt.read("ikuflet.components").decode("utf-8")
        self.assertIn('<platform value="linux_x86_64,windows_x86_64"/>', description)
        self.assertEqual(re.findall(r'full-path="([^"]+)"\s+manifest:media-type="application/'
                                    r'vnd.sun.star.uno-components;platform=(\w+)"', manifest),
                         [("ikuflet.components", "Linux_x86_64"),
                          ("ikuflet-windows_x86_64.components", "Windows_x86_64")])
        self.assertIn('uri="ikuflet.uno.so"', linux)
        self.assertIn('uri="ikuflet.uno.dll"', windows)
        self.assertEqual(windows.replace("ikuflet.uno.dll", "ikuflet.uno.so"), linux)
        for n in ("ikuflet.uno.so", "ikuflet.uno.dll", "data/iku-tekster.ini",
                  "template/kompetenceskema.ods"):
            self.assertIn(n, names)
        self.assertTrue(any(n.startswith("libhpdf") for n in names))


if __name__ == "__main__":
    unittest.main(verbosity=2)
