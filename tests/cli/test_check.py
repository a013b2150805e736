#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ikuflet --check: who would get an IKU, under which file name, with how many
pages (the same as the real export's, counted by poppler), and every warning —
while writing nothing at all (checked with strace: no file opened for writing,
no folder made, nothing renamed or removed). Exit codes as for the export."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ods_writer  # noqa: E402
from test_hidden_rows import HEADER, row, write_ods  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
DATA = os.path.join(os.environ["IKUFLET_TEST_DATA"], "ods")
LONG = "\n".join("Punkt %d: en lang aftale om kursus, sidemandsoplæring og opfølgning" % i
                 for i in range(90))


def tree(top):
    """Every path under @top with its size and modification time."""
    found = {}
    for base, dirs, files in os.walk(top):
        for name in dirs + files:
            p = os.path.join(base, name)
            st = os.lstat(p)
            found[p] = (st.st_size, st.st_mtime_ns)
    return found


class CheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-check-")
        self.config = os.path.join(self.tmp, "config")
        self.schema = os.path.join(self.tmp, "skema.ods")
        self.out = os.path.join(self.tmp, "ud")
        self.env = dict(os.environ, XDG_CONFIG_HOME=self.config)

    def tearDown(self):
        subprocess.run(["chmod", "-R", "u+rwx", self.tmp])
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args, user=None):
        argv = [IKUFLET, *args]
        if user is not None:
            argv = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + argv
        return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8",
                              env=self.env, timeout=600)

    def check(self, *extra, schema=None, expect=0):
        r = self.run_cli("--check", "--json", *extra, schema or self.schema)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def write_problem_schema(self):
        write_ods(self.schema, "".join([
            HEADER,
            row("Anne Hansen", "Kursus", "Fælles temadag"),
            row("Bo Ek", "", ""),                        # no individual content
            row("anne hansen", "Mere til Anne", ""),     # the same name again
            row("Ce/Lund", "c", ""),                     # file names that collide
            row("Ce_Lund", "c", ""),
            row("Dorte Dam", "Kursus i 漢字", ""),       # characters the font lacks
            row("Eva Ege", LONG, ""),                    # several pages
            row("Finn Fos", "f", "", visibility="filter"),
        ]))

    def test_lists_ikus_pages_and_every_warning(self):
        self.write_problem_schema()
        report = self.check("--out", self.out)
        self.assertEqual(report["written"], [])
        self.assertIsNone(report["error"])
        check = report["check"]
        self.assertEqual(check["folder"], self.out)
        self.assertEqual(check["stale"], [])
        ikus = {i["name"]: i for i in check["ikus"]}
        self.assertEqual(list(ikus), ["Anne Hansen", "Bo Ek", "Ce/Lund", "Ce_Lund", "Dorte Dam", "Eva Ege"])
        self.assertEqual(ikus["Anne Hansen"], {"sheet": "Skema", "team": None, "name": "Anne Hansen",
                                                "row": 2, "file": "IKU - Anne Hansen.pdf", "pages": 1})
        self.assertEqual(ikus["Ce/Lund"]["file"], "IKU - Ce_Lund.pdf")
        self.assertEqual(ikus["Ce_Lund"]["file"], "IKU - Ce_Lund (2).pdf")
        self.assertGreater(ikus["Eva Ege"]["pages"], 1)
        warnings = "\n".join(report["warnings"])
        for expected in ("»Anne Hansen« står i flere rækker (2 og 4)",
                         "Række 3: »Bo Ek« har intet individuelt indhold",
                         "»Ce/Lund« (række 5) og »Ce_Lund« (række 6) ville få samme filnavn",
                         "IKU'en for »Dorte Dam« indeholder tegn, som skrifttypen ikke kan vise (漢字)",
                         "Række 9: »Finn Fos« står kun i skjulte eller bortfiltrerede rækker",
                         "1 medarbejder er sprunget over"):
            self.assertIn(expected, warnings)
        self.assertFalse(os.path.exists(self.out))
        self.assertFalse(os.path.exists(self.config))

        # The pages are those of the real IKUs, and the warnings those of the export.
        r = self.run_cli("--json", "--out", self.out, self.schema)
        self.assertEqual(r.returncode, 0, r.stderr)
        exported = json.loads(r.stdout)
        for name, iku in ikus.items():
            info = subprocess.run(["pdfinfo", os.path.join(self.out, iku["file"])],
                                  capture_output=True, text=True, check=True).stdout
            pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
            self.assertEqual(pages, iku["pages"], name)
        self.assertTrue(set(exported["warnings"]) <= set(report["warnings"]))

    def test_writes_nothing(self):
        self.write_problem_schema()
        # An earlier export made the key and IKUs; then Bo is renamed.
        self.run_cli("--out", self.out, self.schema)
        write_ods(self.schema, HEADER + row("Anne Hansen", "a", "") + row("Bo Eriksen", "b", ""))
        before = tree(self.tmp)
        trace = os.path.join(tempfile.mkdtemp(prefix="ikuflet-strace-"), "trace")
        try:
            argv = ["strace", "-f", "-qq", "-o", trace, "-e",
                    "trace=open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,"
                    "link,linkat,unlink,unlinkat,rmdir,truncate,ftruncate,symlink,symlinkat",
                    IKUFLET, "--check", "--json", "--out", self.out, self.schema]
            # LeakSanitizer cannot run under ptrace: leaks are checked by the other tests.
            env = dict(self.env, ASAN_OPTIONS=self.env.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
            r = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8",
                               env=env, timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(trace, encoding="utf-8", errors="replace") as f:
                calls = f.read().splitlines()
        finally:
            shutil.rmtree(os.path.dirname(trace), ignore_errors=True)
        report = json.loads(r.stdout)
        # The check lists what would be stale, and deletes nothing.
        stale = [os.path.basename(p) for p in report["check"]["stale"]]
        self.assertIn("IKU - Bo Ek.pdf", stale)
        self.assertNotIn("IKU - Anne Hansen.pdf", stale)
        self.assertEqual(tree(self.tmp), before)
        opens = [c for c in calls if re.search(r"\bopen(at2?)?\(|\bcreat\(", c)]
        self.assertTrue(opens, calls[:20])   # the trace did see the program's calls
        writing = [c for c in opens if re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", c)
                   and "/dev/null" not in c]
        self.assertEqual(writing, [])
        changing = [c for c in calls if re.match(r"^\d+\s+(creat|mkdir|mkdirat|rename|renameat2?|link|linkat|"
                                                 r"unlink|unlinkat|rmdir|truncate|ftruncate|symlink|symlinkat)\(", c)]
        self.assertEqual(changing, [])

    def test_text_report(self):
        ods_writer.write_schema(self.schema, [("Anne Hansen", "a", "T"), ("Bo Ek", LONG, "")],
                                team="Nord", leader="Lea Leder")
        r = self.run_cli("--check", "--out", self.out, self.schema)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Tjek af skemaet (intet er gemt):", r.stdout)
        self.assertIn("Arket »Kompetenceskema« (team Nord): 2 IKU'er", r.stdout)
        self.assertIn("  Anne Hansen (række", r.stdout)
        self.assertIn("»IKU - Anne Hansen.pdf«, 1 side", r.stdout)
        self.assertRegex(r.stdout, r"»IKU - Bo Ek\.pdf«, [2-9] sider")
        self.assertIn("IKU'erne gemmes i %s, når de laves." % self.out, r.stdout)
        self.assertIn("Ingen bemærkninger.", r.stdout)
        self.assertFalse(os.path.exists(self.out))

    def test_exit_codes(self):
        # 1: a file that is no schema, or an unreadable one.
        r = self.run_cli("--check", "--json", os.path.join(DATA, "error-no-header.ods"))
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIsNotNone(json.loads(r.stdout)["error"])
        self.assertEqual(self.run_cli("--check", os.path.join(self.tmp, "findes-ikke.ods")).returncode, 1)
        # 2: wrong usage.
        r = self.run_cli("--check", "--json")
        self.assertEqual(r.returncode, 2)
        self.assertIsNotNone(json.loads(r.stdout)["error"])
        # 3: the IKUs could not be saved in the folder (as the user "nobody").
        ods_writer.write_schema(self.schema, [("Anne Hansen", "a", "")])
        os.makedirs(self.out)
        os.chmod(self.tmp, 0o755)
        os.chmod(self.schema, 0o644)
        os.chmod(self.out, 0o555)
        user = 65534 if os.geteuid() == 0 else None
        r = self.run_cli("--check", "--json", "--out", self.out, self.schema, user=user)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        report = json.loads(r.stdout)
        self.assertIn("lov til", report["error"])
        self.assertEqual(len(report["check"]["ikus"]), 1)

    def test_all_rows(self):
        write_ods(self.schema, HEADER + row("Anne", "a", "") + row("Bo", "b", "", visibility="collapse"))
        self.assertEqual([i["name"] for i in self.check()["check"]["ikus"]], ["Anne"])
        everyone = self.check("--all-rows")
        self.assertEqual([i["name"] for i in everyone["check"]["ikus"]], ["Anne", "Bo"])
        self.assertFalse([w for w in everyone["warnings"] if "skjulte" in w])


if __name__ == "__main__":
    unittest.main(verbosity=2)
