# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes competence schemas (.ods) for tests with the same generator that makes
the shipped template (templates/make-schema.py), so tests exercise real files.

write_schema(path, rows, team=..., leader=..., date=...): rows are
(name, individual, team) triples; a cell may be (text, comment)."""
import importlib.util
import os

_HERE = os.path.dirname(os.path.abspath(__file__))
_TEMPLATES = os.path.join(_HERE, "..", "..", "templates")


def _load():
    import sys
    sys.path.insert(0, _TEMPLATES)
    spec = importlib.util.spec_from_file_location("make_schema", os.path.join(_TEMPLATES, "make-schema.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_make_schema = _load()


def write_schema(path, rows, team="Testteamet", leader="Lea Leder", date="1. juni 2026"):
    _make_schema.write_schema(path, "Test", team, leader, date, rows, 0)
