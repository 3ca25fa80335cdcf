"""The two private internals the plugin leans on are still there in the pinned
versions, and when one goes the feature switches itself off with a warning."""

from __future__ import annotations

import threading
import types

import pytest

from mkdocs_coop_i18n import internals


@pytest.fixture(autouse=True)
def fresh_probes():
    internals.reset()
    yield
    internals.reset()


def test_mkdocs_jupyter_cache_internals_exist(tmp_path):
    from mkdocs_jupyter.plugin import Plugin

    jupyter = Plugin()
    errors, _warnings = jupyter.load_config({"cache_dir": str(tmp_path)})
    assert not errors
    jupyter._used_cache_paths = set()   # its on_pre_build resets it so
    notebook = tmp_path / "a.ipynb"
    notebook.write_text('{"cells": []}', encoding="utf-8")
    assert internals.mark_notebooks_used(jupyter, [notebook]) is True
    assert len(jupyter._used_cache_paths) == 1


def test_livereload_internals_exist():
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root="/nonexistent")
    server._visible_epoch, server._wanted_epoch = 1, 2
    assert internals.release_server(server, new_epoch=False) is True
    assert server._visible_epoch == 2


def test_a_changed_internal_turns_the_feature_off(monkeypatch, caplog):
    import mkdocs_jupyter.plugin

    monkeypatch.delattr(mkdocs_jupyter.plugin, "_get_cache_path")
    jupyter = types.SimpleNamespace(config={"execute": False, "cache_dir": "x"}, _used_cache_paths=set())
    assert internals.mark_notebooks_used(jupyter, ["a.ipynb"]) is False
    assert jupyter._used_cache_paths == set()

    server = types.SimpleNamespace(_epoch_cond=threading.Condition())  # no epochs: a newer server
    assert internals.release_server(server, new_epoch=True) is False
