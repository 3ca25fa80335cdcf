"""The value classes written without @dataclass (records.py) behave as the @dataclass
each replaces: the same constructor (positional and keyword, defaults, a new list or
set per instance), repr, equality, hashing (frozen ones) or none (the others),
refusal to be assigned to (frozen ones), __match_args__ and pickling."""
from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import field

import pytest

from coop_translations.config import SiteConfig
from coop_translations.checker import SourcePage
from coop_translations.encoding import Garble
from coop_translations.fastpath import Fingerprint, Skeleton
from coop_translations.layout import Layout, Scan
from coop_translations.metadata import Found, Metadata
from coop_translations.problems import Problem, Report, Result
from coop_translations.stamping import Stamped
from coop_translations.structure import Items, Structure

NEW_LIST, NEW_SET = field(default_factory=list), field(default_factory=set)

# class: (frozen, [(field, default or dataclasses.MISSING, compared and shown)], sample values)
SPECS = {
    Problem: (True, [("code", None), ("message", None), ("line", None)], ["stale", "text", 3]),
    Result: (False, [("path", None), ("source", None), ("language", None), ("problems", NEW_LIST)],
             ["a.md", None, "sv", [Problem("stale", "x")]]),
    Report: (False, [("results", None)], [[Result("a.md", "b.md", "sv")]]),
    Metadata: (True, [("original_hash", None), ("translation_date", None), ("source_file", None),
                      ("language_code", None)], ["0" * 32, "2025-01-01T00:00:00+00:00", "a.md", "sv"]),
    Found: (True, [("where", None), ("metadata", None), ("errors", ()), ("span", None)],
            ["inline comment", None, ("bad",), (0, 4)]),
    Scan: (False, [("files", NEW_LIST), ("escaping", NEW_SET), ("folder_escapes", False)],
           [["a.md"], {"b.md"}, True]),
    SiteConfig: (True, [("docs_dir", None), ("default_language", None), ("languages", None)],
                 ["docs", "en", ("en", "sv")]),
    Items: (False, [("values", NEW_LIST), ("positions", NEW_LIST)], [[b"x"], [3]]),
    Structure: (False, [("data", None), ("items", None), ("headings", None), ("notebook", False),
                        ("code_ranges", NEW_LIST)], [b"# x", {}, [0], True, [(0, 3)]]),
    Skeleton: (True, [("regions", None), ("markup", None), ("to_end", None)],
               [((b"# x\n", 35, 0),), 1, False]),
    Fingerprint: (True, [("counts", None), ("anchored", None), ("tokens", None), ("has_html", None),
                         ("headings", None), ("skeleton", None)],
                  [(1, 2), ([b"x"],), ([b""], []), False, [b"x"], None]),
    SourcePage: (False, [("path", None), ("data", None), ("md5", None), ("tree", None)],
                 ["a.md", b"text", "0" * 32, None]),
    Garble: (True, [("offset", None), ("garbled", None), ("repaired", None)], [3, "Ã¤", "ä"]),
    Stamped: (True, [("path", None), ("metadata", None), ("written", None)], ["a.md", None, ("a.md",)]),
}
# Defaults: which fields have one (None above means "no default" for the leading fields).
REQUIRED = {Problem: 2, Result: 3, Report: 1, Metadata: 4, Found: 1, Scan: 0, SiteConfig: 3,
            Items: 0, Structure: 3, Skeleton: 3, Fingerprint: 4, SourcePage: 3, Garble: 3, Stamped: 3}


def _dataclass_of(cls):
    """The @dataclass the class replaces, under the same name."""
    frozen, fields, _values = SPECS[cls]
    spec = []
    for number, (name, default) in enumerate(fields):
        if number < REQUIRED[cls]:
            spec.append((name, object))
        elif isinstance(default, dataclasses.Field):
            spec.append((name, object, field(default_factory=default.default_factory)))
        else:
            spec.append((name, object, field(default=default)))
    made = dataclasses.make_dataclass(cls.__name__, spec, frozen=frozen)
    made.__qualname__ = cls.__qualname__
    return made


CLASSES = [cls for cls in SPECS if cls is not Layout]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_records_behave_as_the_dataclasses_they_replace(cls):
    frozen, fields, values = SPECS[cls]
    reference = _dataclass_of(cls)
    required = REQUIRED[cls]
    ours, theirs = cls(*values), reference(*values)
    assert repr(ours) == repr(theirs)
    assert cls.__match_args__ == reference.__match_args__
    # Keyword construction, and the defaults (a new list or set for each instance).
    kwargs = {name: value for (name, _), value in zip(fields, values)}
    assert repr(cls(**kwargs)) == repr(theirs)
    short = values[:required]
    assert repr(cls(*short)) == repr(reference(*short))
    if any(isinstance(default, dataclasses.Field) for _, default in fields):
        a, b = cls(*short), cls(*short)
        for name, default in fields:
            if isinstance(default, dataclasses.Field):
                assert getattr(a, name) is not getattr(b, name)
    # Equality: same class and fields; another class (even the dataclass) is not equal.
    assert cls(*values) == ours and not (cls(*values) != ours)
    assert ours != theirs and ours != tuple(values)
    if len(values) > required:
        changed = list(values)
        changed[-1] = "other"
        assert cls(*changed) != ours
    # Hashing and assignment.
    if frozen:
        if all(isinstance(v, (str, int, tuple, type(None), bool)) for v in values):
            assert hash(ours) == hash(theirs)
        for target in (ours, theirs):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(target, fields[0][0], "x")
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(target, fields[0][0])
    else:
        with pytest.raises(TypeError):
            hash(ours)
        with pytest.raises(TypeError):
            hash(theirs)
        setattr(ours, fields[0][0], "x")
        assert getattr(ours, fields[0][0]) == "x"
        ours = cls(*values)
    # Copies and pickles come back equal.
    assert copy.copy(ours) == ours and copy.deepcopy(ours) == ours
    assert pickle.loads(pickle.dumps(ours)) == ours


def test_layout_compares_and_shows_all_but_its_tree(tmp_path):
    (tmp_path / "translations" / "sv").mkdir(parents=True)
    a, b = Layout.coop(tmp_path), Layout.coop(tmp_path)
    assert a.tree is not b.tree and a == b
    assert repr(a) == (f"Layout(root={a.root!r}, kind='co-op', source_dir='', "
                       f"translation_dirs={{'sv': 'translations/sv'}})")
    assert Layout.__match_args__ == ("root", "kind", "source_dir", "translation_dirs", "tree")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.kind = "project"
    with pytest.raises(TypeError):      # its translation_dirs, a dict, is unhashable
        hash(a)
    assert Layout(a.root, "co-op", "", {"sv": "translations/sv"}).tree is None


def test_check_imports_no_dataclasses():
    """The point of records.py: `check` starts without dataclasses (and inspect)."""
    import subprocess
    import sys

    code = ("import sys, coop_translations.cli; "
            "print(sorted({'dataclasses', 'inspect'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
