#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stale IKUs and the check with ikuflet.exe under Wine: the Windows parts of
iku-source (rand_s, the key moved into place with MoveFileExW without
replacing, the bounded read through CreateFileW) in a folder whose name is
outside the ANSI code page."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import winrun  # noqa: E402
from ods_writer import write_schema  # noqa: E402

STALE = "Disse IKU'er hører ikke længere til nogen i skemaet: "


def source_id(path):
    info = subprocess.run(["pdfinfo", "-custom", path], capture_output=True, text=True,
                          check=True).stdout
    found = re.findall(r"^IkufletSource:\s*([0-9a-f]{64})\s*$", info, re.M)
    return found[0] if len(found) == 1 else None


def tree(top):
    return {os.path.join(b, n): os.lstat(os.path.join(b, n)).st_mtime_ns
            for b, dirs, files in os.walk(top) for n in dirs + files}


class WindowsStaleTest(unittest.TestCase):
    def setUp(self):
        winrun.require_dist(self)
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-win-stale-")
        self.folder = os.path.join(self.tmp, "Łódź Ωmega 日本")
        os.makedirs(self.folder)
        self.schema = os.path.join(self.folder, "Skema æøå.ods")
        self.out = os.path.join(self.folder, "IKU'er")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_exe(self, *args, expect=0):
        r = winrun.ikuflet_exe("--json", *args)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def test_renamed_employee_listed_and_check_writes_nothing(self):
        write_schema(self.schema, [("Anne Hansen", "a", ""), ("Bo Ek", "b", "")])
        first = self.run_exe("--out", self.out, self.schema)
        self.assertEqual(len(first["written"]), 2)
        ids = {source_id(p) for p in first["written"]}
        self.assertEqual(len(ids), 1)
        self.assertIsNotNone(ids.pop())

        write_schema(self.schema, [("Anne Hansen", "a", ""), ("Bo Eriksen", "b", "")])
        before = tree(self.tmp)
        check = self.run_exe("--check", "--out", self.out, self.schema)
        self.assertEqual(tree(self.tmp), before)
        self.assertEqual([os.path.basename(p) for p in check["check"]["stale"]], ["IKU - Bo Ek.pdf"])
        self.assertEqual([i["file"] for i in check["check"]["ikus"]],
                         ["IKU - Anne Hansen.pdf", "IKU - Bo Eriksen.pdf"])

        second = self.run_exe("--out", self.out, self.schema)
        stale = [w for w in second["warnings"] if w.startswith(STALE)]
        self.assertEqual(len(stale), 1, second["warnings"])
        self.assertIn("»IKU - Bo Ek.pdf«", stale[0])
        self.assertNotIn("Anne", stale[0])
        self.assertTrue(os.path.exists(os.path.join(self.out, "IKU - Bo Ek.pdf")))
        # The same key in both runs: the same id.
        self.assertEqual(source_id(second["written"][0]), source_id(first["written"][0]))
        # No path in the PDF (as UTF-8 or UTF-16), nor in the id's place.
        with open(second["written"][0], "rb") as f:
            raw = f.read()
        for secret in ("Łódź", "Skema æøå", "Bo Eriksen"):
            self.assertNotIn(secret.encode(), raw)
            self.assertNotIn(secret.encode("utf-16-be"), raw)


if __name__ == "__main__":
    unittest.main(verbosity=2)
