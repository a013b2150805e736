#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stale IKUs on the command line: each IKU carries a keyed source id of its
schema file and sheet (never the path), and after an export the IKUs in the
folder from the same file and sheet that no employee has any more are listed
as a warning, never deleted; PDFs from another schema or sheet are left alone,
and hostile files in the folder cannot hang or bloat the run."""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iku_pdf_check as pdf  # noqa: E402
import ods_writer  # noqa: E402
from test_hidden_rows import HEADER, row, write_ods  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
STALE = "Disse IKU'er hører ikke længere til nogen i skemaet: "


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


class StaleTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-stale-")
        self.config = os.path.join(self.tmp, "konfiguration")
        self.folder = os.path.join(self.tmp, "Lederens Hemmelige Mappe")
        os.makedirs(self.folder)
        self.schema = os.path.join(self.folder, "Sygeplejen Syd 2026.ods")
        self.out = os.path.join(self.folder, "IKU'er")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def export(self, path=None, *extra, expect=0):
        env = dict(os.environ, XDG_CONFIG_HOME=self.config)
        r = subprocess.run([IKUFLET, "--json", "--out", self.out, *extra, path or self.schema],
                           capture_output=True, text=True, encoding="utf-8", env=env, timeout=600)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def stale_warnings(self, report):
        return [w for w in report["warnings"] if w.startswith(STALE)]

    def write(self, rows, path=None):
        ods_writer.write_schema(path or self.schema, rows, team="Syd", leader="Lea Leder")

    def test_renamed_employee_is_listed_and_kept(self):
        self.write([("Anne Hansen", "a", "T"), ("Bo Ek", "b", "")])
        first = self.export()
        self.assertEqual(self.stale_warnings(first), [])
        self.write([("Anne Hansen", "a", "T"), ("Bo Eriksen", "b", "")])
        second = self.export()
        self.assertEqual([os.path.basename(p) for p in second["written"]],
                         ["IKU - Anne Hansen.pdf", "IKU - Bo Eriksen.pdf"])
        self.assertEqual(len(self.stale_warnings(second)), 1, second["warnings"])
        self.assertIn("»IKU - Bo Ek.pdf«", self.stale_warnings(second)[0])
        self.assertNotIn("Anne", self.stale_warnings(second)[0])
        self.assertTrue(os.path.exists(os.path.join(self.out, "IKU - Bo Ek.pdf")))
        # Removed too: both old ones listed, sorted; still nothing deleted.
        self.write([("Anne Hansen", "a", "T")])
        third = self.export()
        self.assertIn("»IKU - Bo Ek.pdf«, »IKU - Bo Eriksen.pdf«", self.stale_warnings(third)[0])
        self.assertEqual(len(os.listdir(self.out)), 3)

    def test_plain_report_warns(self):
        self.write([("Anne Hansen", "a", ""), ("Bo Ek", "b", "")])
        self.export()
        self.write([("Anne Hansen", "a", "")])
        env = dict(os.environ, XDG_CONFIG_HOME=self.config)
        r = subprocess.run([IKUFLET, "--out", self.out, self.schema], capture_output=True,
                           text=True, encoding="utf-8", env=env, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(STALE + "»IKU - Bo Ek.pdf«", r.stderr)

    def test_other_schema_and_other_sheet_not_listed(self):
        self.write([("Anne Hansen", "a", ""), ("Bo Ek", "b", "")])
        self.export()
        # Another schema file into the same folder: its IKUs are not Bo's schema's.
        other = os.path.join(self.folder, "Andet team.ods")
        self.write([("Ce Lund", "c", "")], path=other)
        report = self.export(other)
        self.assertEqual(self.stale_warnings(report), [])
        # The same file, now with another sheet: Anne's and Bo's IKUs came from
        # sheet "Kompetenceskema", not from this one.
        write_ods(self.schema, HEADER + row("Dorte Dam", "d", ""), sheet="Nord")
        report = self.export()
        self.assertEqual(self.stale_warnings(report), [])
        # A copy of the schema elsewhere is another file.
        copy = os.path.join(self.tmp, "kopi.ods")
        self.write([("Anne Hansen", "a", "")], path=copy)
        self.assertEqual(self.stale_warnings(self.export(copy)), [])
        # Back to the first schema without Bo: only Bo is listed.
        self.write([("Anne Hansen", "a", "")])
        report = self.export()
        self.assertEqual(len(self.stale_warnings(report)), 1)
        self.assertIn("»IKU - Bo Ek.pdf«", self.stale_warnings(report)[0])
        for name in ("Ce Lund", "Dorte Dam"):
            self.assertNotIn(name, self.stale_warnings(report)[0])

    def test_another_users_key_lists_nothing(self):
        self.write([("Anne Hansen", "a", ""), ("Bo Ek", "b", "")])
        self.export()
        self.write([("Anne Hansen", "a", "")])
        self.config = os.path.join(self.tmp, "en anden bruger")
        self.assertEqual(self.stale_warnings(self.export()), [])

    def test_metadata_reveals_nothing(self):
        self.write([("Anne Hansen", "Anne hemmelig plan", ""), ("Bo Ek", "Bo hemmelig plan", "")])
        report = self.export()
        path = report["written"][0]
        pdf.assert_sound(path)
        custom = subprocess.run(["pdfinfo", "-custom", path], capture_output=True, text=True,
                                check=True).stdout
        ids = re.findall(r"^IkufletSource:\s*([0-9a-f]+)\s*$", custom, re.M)
        self.assertEqual(len(ids), 1, custom)
        self.assertEqual(len(ids[0]), 64)
        # Every byte of the file, uncompressed: no path, folder or file name of
        # the leader's, no other employee.
        qdf = os.path.join(self.tmp, "qdf.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, qdf], check=True)
        raw = read_bytes(qdf) + read_bytes(path) + custom.encode()
        for secret in ("Hemmelige", "Lederens", "Sygeplejen Syd 2026", "konfiguration",
                       self.tmp, "Kompetenceskema", "Bo Ek", "Bo hemmelig"):
            self.assertNotIn(secret.encode(), raw, secret)
            self.assertNotIn(secret.encode("utf-16-be"), raw, secret)
        # The key stays with the user: readable by them only, made once.
        key = os.path.join(self.config, "ikuflet", "source-key")
        self.assertEqual(stat.S_IMODE(os.stat(key).st_mode), 0o600)
        before = read_bytes(key)
        self.assertNotIn(before.strip(), raw)
        self.export()
        self.assertEqual(read_bytes(key), before)
        self.assertEqual(os.listdir(os.path.dirname(key)), ["source-key"])

    def test_hostile_files_in_the_folder(self):
        self.write([("Anne Hansen", "a", ""), ("Bo Ek", "b", "")])
        self.export()
        self.write([("Anne Hansen", "a", "")])
        os.mkfifo(os.path.join(self.out, "fifo.pdf"))
        with open(os.path.join(self.out, "stor.pdf"), "wb") as f:
            f.write(b"%PDF-1.7\n")
            f.truncate(8 << 30)   # sparse: 8 GB that are never read
        os.mkdir(os.path.join(self.out, "mappe.pdf"))
        os.symlink("/dev/zero", os.path.join(self.out, "nul.pdf"))
        old = os.path.join(self.out, "IKU - Bo Ek.pdf")
        # A copy renamed by hand is a stale IKU too; the original is found as well.
        shutil.copyfile(old, os.path.join(self.out, "Bo Ek kopi.PDF"))
        report = self.export()
        self.assertIn("»Bo Ek kopi.PDF«, »IKU - Bo Ek.pdf«", self.stale_warnings(report)[0])


if __name__ == "__main__":
    unittest.main(verbosity=2)
