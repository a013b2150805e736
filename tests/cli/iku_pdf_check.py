# SPDX-License-Identifier: GPL-3.0-or-later
"""PDF checks by independent tools (poppler-utils, qpdf), shared by the Python
test suites: the text a reader gets, the document info, embedded fonts, validity."""
import re
import subprocess


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", errors="replace")


def text(pdf):
    """pdftotext's text; fails when poppler prints anything on stderr (warnings)."""
    r = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
    if r.returncode != 0 or r.stderr:
        raise AssertionError("pdftotext %s: rc=%d %s" % (pdf, r.returncode, r.stderr))
    return r.stdout


def flat_text(pdf):
    """The text with every white space run (also line breaks) as one space."""
    return re.sub(r"\s+", " ", text(pdf)).strip()


def info(pdf):
    r = run(["pdfinfo", "-enc", "UTF-8", pdf])
    if r.returncode != 0:
        raise AssertionError("pdfinfo %s: %s" % (pdf, r.stderr))
    out = {}
    for line in r.stdout.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            out[key.strip()] = value.strip()
    return out


def assert_sound(pdf):
    """qpdf --check passes; every font is embedded and none is called Liberation."""
    r = run(["qpdf", "--check", pdf])
    if r.returncode != 0 or r.stderr:
        raise AssertionError("qpdf --check %s: %s%s" % (pdf, r.stdout, r.stderr))
    r = run(["pdffonts", pdf])
    if r.returncode != 0 or r.stderr:
        raise AssertionError("pdffonts %s: %s" % (pdf, r.stderr))
    fonts = [l for l in r.stdout.splitlines()[2:] if l.strip()]
    if not fonts:
        raise AssertionError("pdffonts %s: no fonts" % pdf)
    for line in fonts:
        # Columns: name type encoding emb sub uni object ID
        cols = line.split()
        if cols[-5] != "yes":
            raise AssertionError("font not embedded in %s: %s" % (pdf, line))
        if "Liberation" in line:
            raise AssertionError("font keeps the reserved name: %s" % line)
    text(pdf)
