# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the Windows tests: where the programs are, and running a Windows
program under Wine (WINEPREFIX from the environment, as build.sh sets it)."""
import os
import subprocess

WINE = "/usr/lib/wine/wine64"
DIST = os.environ.get("IKUFLET_WIN_DIST", "")
EXE = os.path.join(DIST, "ikuflet.exe")
NATIVE = os.environ.get("IKUFLET_NATIVE", "")
DATA = os.path.join(os.environ["IKUFLET_TEST_DATA"], "ods")


def pdf_text(path):
    """The text of a PDF as poppler's pdftotext reads it."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                          capture_output=True, text=True).stdout


def require_dist(test):
    """Fails @test clearly when build.sh did not say where the programs are."""
    if not os.path.isfile(EXE):
        test.fail("IKUFLET_WIN_DIST must name dist/windows with ikuflet.exe (./build.sh test sets it)")


def wine_env():
    env = dict(os.environ)
    env.update(WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
    env.pop("IKUFLET_DATA_DIR", None)   # the exe finds ikuflet-data beside itself
    return env


def wine(program, *args, timeout=600, **kwargs):
    """Runs a Windows @program under Wine; output is text with CR LF turned into LF."""
    return subprocess.run([WINE, program, *args], capture_output=True, text=True,
                          encoding="utf-8", env=wine_env(), timeout=timeout, **kwargs)


def ikuflet_exe(*args, **kwargs):
    return wine(EXE, *args, **kwargs)


OXT = os.path.join(os.path.dirname(DIST), "ikuflet.oxt") if DIST else ""


def shipped_dll(folder):
    """Extracts ikuflet.uno.dll from the release dist/ikuflet.oxt into @folder."""
    import zipfile
    with zipfile.ZipFile(OXT) as oxt:
        oxt.extract("ikuflet.uno.dll", folder)
    return os.path.join(folder, "ikuflet.uno.dll")
