# SPDX-License-Identifier: GPL-3.0-or-later
"""A throwaway LibreOffice installation: a copy of the office in use that
`unopkg add --shared` can change without touching the real one, for the tests of
what central IT does to an installation (tests/e2e/test_preset.py).

The copy is a tree of hard links (files are never written in place: the bootstrap
files this changes are replaced, not edited), or of copies where the file system
refuses links. What differs from the original:
- program/fundamentalrc: BRAND_BASE_DIR is the copy (${ORIGIN}/..), so its
  share/uno_packages is where shared extensions go, and paths into the
  original's etc/ (relative ones, as tests/office/office-latest.sh makes them)
  become absolute, since the copy has no etc/ beside it;
- share/uno_packages, the store of shared extensions, is an empty folder of the
  copy's own (Debian links its cache to /var/spool/libreoffice/uno_packages/cache,
  the tree of tests/office/office-latest.sh to a var/ beside it), and so is any
  other symlink into a var folder;
- other symlinks out of the tree (to etc/: the installation's read-only
  configuration) point where they pointed, as absolute links.
"""

import os
import re
import shutil
import subprocess

from office import office_environment


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _replace_file(path, text):
    """Writes @text as a new file @path (never through a link to the original)."""
    os.remove(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def make_installation(soffice_bin, dest):
    """Copies the installation of @soffice_bin (its program/ folder's parent) to
    @dest; returns the copy's soffice.bin."""
    program = os.path.dirname(os.path.realpath(soffice_bin))
    root = os.path.dirname(program)
    shutil.copytree(root, dest, symlinks=True, copy_function=_link_or_copy)
    for folder, dirs, files in os.walk(dest):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                continue
            target = os.readlink(path)
            original = os.path.join(root, os.path.relpath(path, dest))
            resolved = os.path.realpath(original)
            if resolved == root or resolved.startswith(root + os.sep):
                continue
            if "/var/" in resolved + "/":
                os.remove(path)
                os.makedirs(path)
            elif not os.path.isabs(target):
                os.remove(path)
                os.symlink(resolved, path)
    store = os.path.join(dest, "share", "uno_packages")
    if os.path.islink(store):
        os.remove(store)
    else:
        shutil.rmtree(store, ignore_errors=True)
    os.makedirs(os.path.join(store, "cache"))
    rc = os.path.join(dest, "program", "fundamentalrc")
    with open(rc, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^BRAND_BASE_DIR=.*$", "BRAND_BASE_DIR=${ORIGIN}/..", text)
    etc = os.path.realpath(os.path.join(program, "../../../../etc"))
    text = text.replace("${ORIGIN}/../../../../etc/", "file://" + etc + "/")
    _replace_file(rc, text)
    for name in ("sofficerc",):
        path = os.path.join(dest, "program", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if "${ORIGIN}/../../../../etc/" in text:
            _replace_file(path, text.replace("${ORIGIN}/../../../../etc/", "file://" + etc + "/"))
    return os.path.join(dest, "program", "soffice.bin")


def shared_store(installation_bin):
    """The folder where `unopkg add --shared` puts extensions (what
    share/uno_packages/cache resolves to)."""
    lo = os.path.dirname(os.path.dirname(installation_bin))
    return os.path.realpath(os.path.join(lo, "share", "uno_packages", "cache"))


def unopkg(installation_bin, user_dir, *args):
    """Runs the copy's unopkg with @args on its own throwaway user installation
    @user_dir (unopkg needs one even for --shared); returns the CompletedProcess.
    Raises on failure."""
    program = os.path.dirname(installation_bin)
    cmd = [os.path.join(program, "unopkg"), *args,
           "-env:UserInstallation=" + "file://" + os.path.abspath(user_dir)]
    env = office_environment()
    env["HOME"] = os.path.abspath(user_dir)
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       env=env, timeout=600)
    if r.returncode != 0:
        raise RuntimeError("unopkg %s failed (%d):\n%s%s"
                           % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r
