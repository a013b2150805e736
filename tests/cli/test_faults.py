#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults while writing IKUs: the disk filling up (a small real filesystem when
root may mount one; an injected write failure through a file-size limit
otherwise and always), a name that would escape the folder, a very long schema.
Each time: a clear Danish message, no partial or temporary file, the other
employees' IKUs written, and a report of exactly what was written."""
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iku_pdf_check as pdf  # noqa: E402
from ods_writer import write_schema  # noqa: E402

IKUFLET = os.environ["IKUFLET"]


def small_people(n):
    return [("Person %02d" % i, "Kursus nr. %d" % i, "Fælles temadag" if i == 0 else "")
            for i in range(n)]


class FaultTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-faults-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, schema, out, preexec=None):
        r = subprocess.run([IKUFLET, "--json", "--out", out, schema], capture_output=True,
                           text=True, timeout=600, preexec_fn=preexec)
        return r, json.loads(r.stdout)

    def assert_report_matches_disk(self, report, out):
        on_disk = sorted(n for n in os.listdir(out))
        self.assertEqual(sorted(os.path.basename(p) for p in report["written"]), on_disk,
                         "the report must list exactly what is in the folder")
        for name in on_disk:
            self.assertTrue(name.endswith(".pdf"), "leftover file %s" % name)
            pdf.assert_sound(os.path.join(out, name))

    def test_disk_fills_up(self):
        if os.geteuid() != 0 or shutil.which("mount") is None:
            self.skipTest("mounting a small filesystem needs root; the injected failure test covers this")
        out = os.path.join(self.tmp, "lille-disk")
        os.mkdir(out)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", out]).returncode != 0:
            self.skipTest("this machine does not allow mounting a tmpfs")
        try:
            schema = os.path.join(self.tmp, "skema.ods")
            write_schema(schema, small_people(40))
            r, report = self.run_cli(schema, out)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertIn("plads", report["error"])
            self.assertGreater(len(report["written"]), 0)
            self.assertLess(len(report["written"]), 40)
            self.assert_report_matches_disk(report, out)
            # Told once, with the count, in the error; not once per employee.
            full = [w for w in report["warnings"] if "plads" in w]
            self.assertEqual(full, [], report["warnings"])
            self.assertEqual(report["error"].count("ikke er plads"), 1, report["error"])
            missing = 40 - len(report["written"])
            if missing > 1:
                self.assertIn("%d IKU'er kunne ikke gemmes, fordi der ikke er plads" % missing,
                              report["error"])
        finally:
            subprocess.run(["umount", out])

    def test_write_fails_part_way(self):
        # A file-size limit (with SIGXFSZ ignored, inherited across exec) makes
        # write() fail part-way through the one large IKU, as a full disk would.
        out = os.path.join(self.tmp, "ud")
        schema = os.path.join(self.tmp, "skema.ods")
        # Numbers do not compress away: this IKU is far larger than the limit,
        # the small ones far smaller.
        def lines(start):
            return "\n".join("• Punkt %d: %s" % (i, " ".join(str(i * 7919 + k * 104729) for k in range(12)))
                             for i in range(start, start + 300))
        rows = small_people(4) + [("Lang Lise", lines(0), "")] + [("", lines(i * 300), "") for i in range(1, 10)]
        write_schema(schema, rows)

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))
        r, report = self.run_cli(schema, out, preexec=limit)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("IKU - Lang Lise.pdf", report["error"])
        self.assertEqual(len(report["written"]), 4)
        self.assertFalse(os.path.exists(os.path.join(out, "IKU - Lang Lise.pdf")))
        self.assert_report_matches_disk(report, out)

    def test_layout_failure_has_its_own_exit(self):
        # An IKU longer than the layout's page bound cannot be made: exit 4 and
        # "kunne ikke laves", not a write failure (exit 3); the others are written.
        out = os.path.join(self.tmp, "ud")
        schema = os.path.join(self.tmp, "skema.ods")
        write_schema(schema, [("Anne", "\n".join("x" for _ in range(60000)), ""), ("Bo", "b", "")])
        r, report = self.run_cli(schema, out)
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertIn("kunne ikke laves", report["error"])
        self.assertNotIn("gemmes", report["error"])
        self.assertEqual([os.path.basename(p) for p in report["written"]], ["IKU - Bo.pdf"])
        self.assert_report_matches_disk(report, out)

    def test_missing_program_files_have_their_own_exit(self):
        empty = os.path.join(self.tmp, "tom")
        os.mkdir(empty)
        schema = os.path.join(self.tmp, "skema.ods")
        write_schema(schema, small_people(2))
        out = os.path.join(self.tmp, "ud")
        r = subprocess.run([IKUFLET, "--json", "--out", out, schema], capture_output=True,
                           text=True, timeout=600, env=dict(os.environ, IKUFLET_DATA_DIR=empty))
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertIn("Installér ikuflet igen", json.loads(r.stdout)["error"])

    def test_names_cannot_escape(self):
        out = os.path.join(self.tmp, "a", "b")
        os.makedirs(out)
        schema = os.path.join(self.tmp, "skema.ods")
        write_schema(schema, [("../../ud", "x", ""), ("../b/../../y", "y", ""), ("/tmp/z", "z", ""),
                              ("..", "d", ""), ("NUL", "n", "")])
        before = sorted(os.listdir(self.tmp))
        r, report = self.run_cli(schema, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(report["written"]), 5)
        for p in report["written"]:
            self.assertEqual(os.path.dirname(p), out)
        self.assertEqual(sorted(os.listdir(self.tmp)), before)
        self.assertEqual(os.listdir(os.path.join(self.tmp, "a")), ["b"])

    def test_twenty_thousand_rows(self):
        out = os.path.join(self.tmp, "ud")
        schema = os.path.join(self.tmp, "skema.ods")
        rows = []
        for p in range(50):
            rows.append(("Medarbejder %02d" % p, "Aftale %d-0" % p, "Team %d" % (p % 3)))
            rows.extend(("", "Aftale %d-%d" % (p, i), "") for i in range(1, 400))
        self.assertEqual(len(rows), 20000)
        write_schema(schema, rows)
        r, report = self.run_cli(schema, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(report["written"]), 50)
        text = pdf.flat_text(os.path.join(out, "IKU - Medarbejder 49.pdf"))
        self.assertIn("Aftale 49-399", text)
        self.assertNotIn("Aftale 48-", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
