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


def test_mkdocs_keeps_plugin_options_as_written():
    from mkdocs_jupyter.plugin import Plugin

    given, defaulted = Plugin(), Plugin()
    assert not given.load_config({"ignore": []})[0] and not defaulted.load_config({})[0]
    assert given.config["ignore"] == defaulted.config["ignore"] == []
    assert internals.user_set_option(given, "ignore") is True
    assert internals.user_set_option(defaulted, "ignore") is False


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


@pytest.fixture
def i18n_build(monkeypatch):
    """static-i18n's module-level `build`, restored after the test."""
    import mkdocs_static_i18n.plugin as i18n_plugin

    monkeypatch.setattr(i18n_plugin, "build", i18n_plugin.build)
    return i18n_plugin


def test_static_i18n_builds_each_language_with_mkdocs_build(i18n_build, monkeypatch):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root="/nonexistent")
    built = []

    def fake_build(config, dirty=False):
        built.append(config)
        if config == "preempted":
            raise internals.Preempted()

    # static-i18n calls MkDocs' build once per language: stand a recording one in for it.
    monkeypatch.setattr("mkdocs.commands.build.build", fake_build)
    i18n_build.build = fake_build
    assert internals.make_language_builds_preemptible(server) is True
    assert i18n_build.build.wraps_build is fake_build
    i18n_build.build("sv")
    i18n_build.build("preempted")            # Preempted ends that language quietly
    server._want_rebuild = True               # a change waits: the next language is skipped
    i18n_build.build("da")
    assert built == ["sv", "preempted"]


def test_a_changed_static_i18n_leaves_the_language_builds_alone(i18n_build, caplog):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root="/nonexistent")
    i18n_build.build = lambda config, dirty=False: None  # no longer MkDocs' build
    assert internals.make_language_builds_preemptible(server) is False
    internals.reset()
    i18n_build.build = __import__("mkdocs.commands.build", fromlist=["build"]).build
    assert internals.make_language_builds_preemptible(types.SimpleNamespace()) is False  # no _want_rebuild


def test_static_i18n_language_builds_can_be_routed_and_their_state_read(i18n_build):
    from mkdocs.commands.build import build
    from mkdocs_static_i18n.plugin import I18n

    i18n = I18n()
    calls = []
    assert internals.route_language_builds(i18n, lambda *args: calls.append(args)) is True
    i18n_build.build("config", dirty=True)      # as static-i18n calls it, once per language
    assert calls == [(build, "config", True)]
    internals.restore_language_builds()
    assert i18n_build.build is build
    entries, per_language = internals.language_build_state(i18n)
    assert entries is i18n.search_entries and per_language is i18n.i18n_files_per_language


def test_a_changed_static_i18n_keeps_the_languages_in_one_process(i18n_build):
    from mkdocs.commands.build import build

    changed = types.SimpleNamespace(current_language="en", building=False, search_entries=(),
                                    i18n_files_per_language={})
    assert internals.route_language_builds(changed, lambda *args: None) is False
    assert i18n_build.build is build


def test_mkdocs_writes_a_theme_template_again(tmp_path):
    """parallel_languages writes sitemap.xml again once every language is known."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import get_navigation

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Tiny\nsite_url: https://example.org/\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    files = Files([])
    assert internals.theme_templates_rebuildable() is True
    internals.rebuild_theme_template("sitemap.xml", config.theme.get_env(), files, config, get_navigation(files, config))
    assert "<urlset" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "sitemap.xml.gz").is_file()


def test_a_changed_theme_template_step_keeps_the_languages_in_one_process(monkeypatch):
    monkeypatch.setattr("mkdocs.commands.build._build_theme_template", lambda name, env, files, config: None)
    assert internals.theme_templates_rebuildable() is False


def test_static_i18n_finds_alternates_with_a_method_that_can_be_replaced():
    from mkdocs_static_i18n.plugin import I18n

    i18n = I18n()
    assert not i18n.load_config({"docs_structure": "folder", "languages": [{"locale": "en", "default": True, "name": "English"}]})[0]
    replacement = object()
    assert internals.replace_alternates_method(i18n, replacement) is True
    assert i18n.reconfigure_files_alternates is replacement


def test_a_changed_alternates_method_is_left_alone(monkeypatch, caplog):
    from mkdocs_static_i18n.plugin import I18n

    def renamed_parameters(self, src_uris, alternate_src_uris, mkdocs_config, create_i18n_file):
        pass

    monkeypatch.setattr(I18n, "reconfigure_files_alternates", renamed_parameters)
    i18n = I18n()
    assert not i18n.load_config({"docs_structure": "folder", "languages": [{"locale": "en", "default": True, "name": "English"}]})[0]
    assert internals.replace_alternates_method(i18n, object()) is False
    assert "reconfigure_files_alternates" not in vars(i18n)
    assert "finding the alternates in linear time is off" in caplog.text
