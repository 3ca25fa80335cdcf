"""Build the other languages in parallel processes (`mkdocs build` only).

static-i18n builds the default language, then, inside that build's
`on_post_build`, every other language one after the other: it sets its
`current_language` and calls MkDocs' `build()` again with the same config and
plugin instances. Each language costs about as much as the first, so a course of
50 languages took 50 times one language on a machine with 16 cores. Here, with
`parallel_languages` (`auto`, `true`, a number of processes, or `false`):

- when static-i18n asks for the first other language, the process forks one
  child per CPU (after the default language is built, so they start with
  everything it computed and cached); the languages but the last are handed out
  one at a time to whichever child is free, and a child builds each with
  static-i18n's own step (current_language, then build());
- a child writes down, in a file of a temporary folder (never blocked by a
  parent that is busy), what the later steps of a serial build read from the
  languages built before: its log records (kept, not printed),
  its search entries (static-i18n's merged index) and its pages for the sitemap
  (static-i18n's `i18n_alternates`, which its sitemap template lists);
- meanwhile the parent builds the last language itself, keeping its log records
  too; then it waits for the children and, in the serial order, re-emits each
  language's log records (so the output reads as a serial build's and `--strict`
  counts a child's warnings) and raises the error of the first language that
  failed, as the serial build would have; it puts the search entries and sitemap
  pages in the serial order and writes sitemap.xml again (MkDocs' own theme
  template step), now with every language: the serial one. What every language
  writes at the site root (404.html, the merged search index) is put back
  afterwards as in a serial build.

Two things the languages share on disk are locked between the processes: the
root search index, which each language writes and search_per_language reads
back, and mkdocs-jupyter's cache entry of a notebook that two languages share.

Not under `mkdocs serve` (serve_default_first preempts the serial builds
there), nor where fork() is missing (Windows) or the process has threads. With
`auto` only when every other plugin is one known to keep no state across
languages (search, i18n, mkdocs-jupyter); `true` or a number vouches for the
rest (hooks, other plugins). tests/plugin/test_parallel_languages.py builds
courses both ways and compares every byte; the parity test compares this site.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import CountHandler

from .internals import (
    language_build_state,
    rebuild_theme_template,
    restore_language_builds,
    route_language_builds,
    shared_notebook_cache,
    theme_templates_rebuildable,
)
from .options import option

log = logging.getLogger("mkdocs.plugins.coop_i18n")

# Plugins known to keep no state across language builds that a later language
# (or static-i18n's steps after the last one) reads: `auto` builds in parallel
# only with these. Hooks and other plugins need `parallel_languages: true`.
KNOWN_PLUGINS = frozenset({"search", "material/search", "i18n", "mkdocs-jupyter", "coop-i18n"})
COMMANDS = frozenset({"build", "gh-deploy"})
# A theme template other than static-i18n's sitemap that reads the languages built so
# far would see other processes' languages missing.
I18N_CONTEXT = b"i18n_alternates"

_state: dict = {}


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


def _read_int(path: str) -> int | None:
    try:
        return int(Path(path).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def available_memory() -> int | None:
    """Bytes this process may still use (Linux: MemAvailable, within a cgroup's limit); None
    where it cannot tell."""
    available = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                available = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    limit, used = _read_int("/sys/fs/cgroup/memory.max"), _read_int("/sys/fs/cgroup/memory.current")
    if available is not None and limit is not None and used is not None:
        available = min(available, max(0, limit - used))
    return available


def own_memory() -> int:
    """This process's resident size (bytes): about what each child will add, building a language
    with everything the first language's build left in memory."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


# -- what a child sends back ----------------------------------------------------------------

@dataclass
class SitemapPage:
    """What static-i18n's sitemap.xml reads of a page (and a little more)."""

    title: str | None
    url: str
    canonical_url: str | None
    abs_url: str | None
    update_date: str | None
    is_link: bool = False
    is_page: bool = True


@dataclass
class SitemapFile:
    """What static-i18n's sitemap.xml reads of a file of another language's build."""

    src_uri: str
    dest_uri: str
    url: str
    page: SitemapPage | None
    alternates: dict = field(default_factory=dict)
    locale: str | None = None


def _page(page) -> SitemapPage | None:
    if page is None:
        return None
    return SitemapPage(title=getattr(page, "title", None), url=page.url,
                       canonical_url=getattr(page, "canonical_url", None), abs_url=getattr(page, "abs_url", None),
                       update_date=getattr(page, "update_date", None), is_link=bool(getattr(page, "is_link", False)),
                       is_page=bool(getattr(page, "is_page", True)))


def _file(file, alternates: bool = True) -> SitemapFile:
    return SitemapFile(
        src_uri=file.src_uri, dest_uri=file.dest_uri, url=file.url, page=_page(file.page),
        alternates={locale: _file(other, alternates=False)
                    for locale, other in getattr(file, "alternates", {}).items()} if alternates else {},
        locale=getattr(file, "locale", None),
    )


@dataclass
class LanguageResult:
    language: str
    records: list            # (logger name, LogRecord attributes)
    entries: list            # search entries, as static-i18n collects them
    sitemap: list            # SitemapFile of each page, for static-i18n's sitemap.xml
    error: BaseException | None


_RECORD_KEEPS = (str, int, float, bool, type(None))


def _portable_record(record: logging.LogRecord) -> tuple[str, dict]:
    data = {key: value for key, value in record.__dict__.items() if isinstance(value, _RECORD_KEEPS)}
    data["msg"], data["args"] = record.getMessage(), None
    if record.exc_info:
        data["exc_text"] = record.exc_text or logging.Formatter().formatException(record.exc_info)
    data["exc_info"] = None
    return record.name, data


def _portable_error(error: BaseException) -> BaseException:
    """The error itself when it survives pickling, else a PluginError saying what it was;
    either way with the child's traceback as a note."""
    details = "".join(traceback.format_exception(error))
    try:
        portable = pickle.loads(pickle.dumps(error))
    except Exception:
        portable = PluginError(f"{type(error).__name__}: {error}")
    try:
        portable.add_note(f"(raised in the process that built this language)\n{details}")
    except Exception:
        pass
    return portable


def _emit(name: str, data: dict) -> None:
    logger = logging.getLogger() if name == "root" else logging.getLogger(name)
    logger.callHandlers(logging.makeLogRecord(data))


def _keep_log_records(records: list):
    """Every log record is kept (to be emitted in the serial order) instead of printed, until
    the returned function is called. MkDocs' strict-mode counters still see the warnings, so a
    language build with one fails exactly as it fails in a serial build."""
    original = logging.Logger.callHandlers

    def call_handlers(logger: logging.Logger, record: logging.LogRecord) -> None:
        records.append(_portable_record(record))
        current: logging.Logger | None = logger
        while current is not None:
            for handler in current.handlers:
                if isinstance(handler, CountHandler) and record.levelno >= handler.level:
                    handler.handle(record)
            current = current.parent if current.propagate else None

    def restore() -> None:
        logging.Logger.callHandlers = original

    logging.Logger.callHandlers = call_handlers
    return restore


# -- one parallel run -----------------------------------------------------------------------

class LanguageRun:
    """The other languages of one top-level build, all but the last built by children."""

    def __init__(self, languages: list[str], processes: int) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.languages = languages          # in static-i18n's order; the last is built here
        self.shared = languages[:-1]        # built by the children
        self.processes = processes
        self.next = context.Value("i", 0)   # the next language of `shared` to hand out
        self.failed = context.Value("b", 0)  # a child's language failed: take no more
        self.folder = Path(tempfile.mkdtemp(prefix="coop-i18n-languages-"))  # locks, results
        self.children: list[int] = []
        self.started = False
        self.is_child = False
        self.concurrent = False             # the parent is building the last language, children running
        self.theme: dict = {}               # the last language's env, files and nav (its sitemap again)

    # in the parent

    def start(self, config: MkDocsConfig, build, dirty: bool) -> None:
        self.started = True
        for _ in range(self.processes):
            sys.stdout.flush()
            sys.stderr.flush()
            try:
                pid = os.fork()
            except OSError:
                break
            if pid == 0:
                os._exit(self._child(config, build, dirty))
            self.children.append(pid)
        if self.children:
            log.info(f"coop-i18n: building {len(self.shared)} languages in {len(self.children)} processes, "
                     f"and '{self.languages[-1]}' in this one")

    def _result_file(self, index: int) -> Path:
        return self.folder / f"result-{index}.pickle"

    def _collect(self) -> tuple[dict[str, LanguageResult], list[str]]:
        """Every child's results, once they have all ended."""
        troubles = []
        for pid in self.children:
            _pid, status = os.waitpid(pid, 0)
            if status:
                troubles.append(f"process {pid} {_describe(status)}")
        self.children = []
        results: dict[str, LanguageResult] = {}
        for index, language in enumerate(self.shared):
            try:
                with open(self._result_file(index), "rb") as stream:
                    results[language] = pickle.load(stream)
            except (OSError, EOFError, pickle.UnpicklingError):  # never taken, or its process died
                pass
        return results, troubles

    def build_last(self, config: MkDocsConfig, build, dirty: bool) -> None:
        """The last language, built here while the children build the others; then every
        language's log records, search entries and sitemap pages in the serial order, the first
        failure raised, and sitemap.xml written again with every language."""
        i18n = config.plugins["i18n"]
        last = self.languages[-1]
        entries, sitemaps = language_build_state(i18n)
        before = len(entries)
        records: list = []
        restore = _keep_log_records(records)
        self.concurrent, error = True, None
        try:
            build(config, dirty=dirty)
        except BaseException as caught:  # noqa: BLE001 (raised below, after the languages before it)
            error = caught
        finally:
            self.concurrent = False
            restore()
            _unlock_search_index(config)  # held if the build failed in between: the children wait on it
        results, troubles = self._collect()
        own_entries, own_pages = entries[before:], sitemaps.pop(last, None)
        del entries[before:]
        for language in self.shared:
            result = results.get(language)
            if result is None:
                raise PluginError(f"coop-i18n: the process that built the language '{language}' ended without "
                                  f"a result ({'; '.join(troubles) or 'no error reported'}); "
                                  "set parallel_languages: false to build the languages one after another")
            for name, data in result.records:
                _emit(name, data)
            if result.error is not None:
                raise result.error
            entries.extend(result.entries)
            sitemaps[language] = result.sitemap
        entries.extend(own_entries)
        if own_pages is not None:
            sitemaps[last] = own_pages
        for name, data in records:
            _emit(name, data)
        if error is not None:
            raise error
        if "sitemap.xml" in config.theme.static_templates and self.theme:
            rebuild_theme_template("sitemap.xml", self.theme["env"], self.theme["files"], config, self.theme["nav"])

    def stop(self) -> None:
        """Children still running (an error in the parent) are ended; the lock folder goes."""
        import signal

        for pid in self.children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for pid in self.children:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        self.children = []
        shutil.rmtree(self.folder, ignore_errors=True)

    # in a child

    def _take(self) -> int | None:
        with self.next.get_lock():
            if self.failed.value or self.next.value >= len(self.shared):
                return None
            self.next.value += 1
            return self.next.value - 1

    def _child(self, config: MkDocsConfig, build, dirty: bool) -> int:
        try:
            self.is_child = True
            records: list = []
            _keep_log_records(records)
            i18n = config.plugins["i18n"]
            entries, sitemaps = language_build_state(i18n)
            while (index := self._take()) is not None:
                language = self.shared[index]
                records.clear()
                before = len(entries)
                i18n.current_language = language
                error = None
                try:
                    build(config, dirty=dirty)
                except BaseException as caught:  # noqa: BLE001 (reported to the parent, which raises it)
                    error = _portable_error(caught)
                    self.failed.value = 1
                built = sitemaps.pop(language, [])
                result = LanguageResult(language, list(records), entries[before:],
                                        [_file(file) for file in built] if error is None else [], error)
                del entries[before:]   # only the parent's merged index needs them
                with open(self._result_file(index), "wb") as stream:
                    pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
                if error is not None:
                    break
            return 0
        except BaseException:  # noqa: BLE001 (a child never returns into the parent's code)
            traceback.print_exc()
            return 1


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"was killed by signal {os.WTERMSIG(status)}"
    return f"exited with status {os.waitstatus_to_exitcode(status)}"


# -- when to build in parallel --------------------------------------------------------------

def _templates_read_other_languages(config: MkDocsConfig) -> str | None:
    """A theme template (not static-i18n's sitemap, not the theme's own package) that reads
    i18n_alternates, the languages built before: in a child those of other children are missing."""
    import mkdocs
    import mkdocs_static_i18n

    skipped = [Path(mkdocs_static_i18n.__file__).parent, Path(mkdocs.__file__).parent]
    try:
        import material
        skipped.append(Path(material.__file__).parent)
    except ImportError:
        pass
    for folder in map(Path, config.theme.dirs):
        if any(folder.resolve().is_relative_to(skip.resolve()) for skip in skipped):
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.stat().st_size < 1 << 20 and I18N_CONTEXT in path.read_bytes():
                return str(path)
    return None


def processes_for(setting, config: MkDocsConfig, languages: list[str]) -> tuple[int, str | None]:
    """(child processes, why not when 0 and worth saying) for this build's other languages.
    setting: "auto", True, False or a number of processes (0 and 1: none)."""
    if setting is False or (not isinstance(setting, bool) and isinstance(setting, int) and setting < 2):
        return 0, None
    if _state.get("command") not in COMMANDS:
        return 0, None                      # serve: serve_default_first preempts the serial builds
    if len(languages) < 3:                  # 2 languages: the child's and the last, one after another
        return 0, None
    if not hasattr(os, "fork") or sys.platform == "win32":
        return 0, None
    if threading.active_count() > 1:
        return 0, "the build runs threads, which fork() would not copy"
    wanted = usable_cpus() if setting == "auto" or setting is True else setting
    processes = min(wanted, len(languages) - 1)
    memory = available_memory()
    if memory is not None and setting in ("auto", True):
        processes = min(processes, memory // max(own_memory(), 1) - 1)  # and the parent's next language
    if processes < 2:
        return 0, None                      # one core (or too little memory): nothing to gain
    if setting == "auto":
        unknown = sorted(name for name in config.plugins if name not in KNOWN_PLUGINS)
        if unknown:
            return 0, (f"{', '.join(unknown)} may keep state across languages; set parallel_languages: true "
                       "if they do not")
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None and jupyter.config.get("cache") and not shared_notebook_cache():
        return 0, "the languages do not share mkdocs-jupyter's cache (each would evict the others' entries)"
    if not theme_templates_rebuildable():
        return 0, "MkDocs' theme template step changed (the sitemap could not be written again)"
    reader = _templates_read_other_languages(config)
    if reader is not None:
        return 0, f"the template {reader} reads i18n_alternates (the languages built before)"
    return processes, None


# -- events ---------------------------------------------------------------------------------

def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def _route(build, config: MkDocsConfig, dirty: bool = False) -> None:
    """Stands in for MkDocs' build() where static-i18n calls it for each other language."""
    run: LanguageRun | None = _state.get("run")
    language = config.plugins["i18n"].current_language
    if run is None or run.is_child or language not in run.languages:
        return build(config, dirty=dirty)
    if language == run.languages[-1]:
        if run.children:
            return run.build_last(config, build, dirty)
        return build(config, dirty=dirty)
    if not run.started:
        run.start(config, build, dirty)
    if not run.children:                    # fork() failed: this language is built here
        return build(config, dirty=dirty)
    return None                             # a child builds it


@event_priority(-99)  # just before static-i18n (-100) builds the other languages
def _plan(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    if i18n.building:
        return
    _end()
    languages = [code for code in i18n.build_languages if code != i18n.current_language]
    processes, why_not = processes_for(option("parallel_languages"), config, languages)
    if not processes:
        if why_not:
            log.info(f"coop-i18n: the languages are built one after another: {why_not}.")
        return
    try:
        run = LanguageRun(languages, processes)
    except OSError as error:   # no shared memory for the hand-out counter (some sandboxes)
        log.info(f"coop-i18n: the languages are built one after another: {error}.")
        return
    if not route_language_builds(i18n, _route):
        run.stop()
        return
    _state["run"] = run


def _end() -> None:
    run = _state.pop("run", None)
    if run is not None and not run.is_child:
        run.stop()
        restore_language_builds()


@event_priority(-130)  # every language is built and static-i18n's steps after them are done
def _done(config: MkDocsConfig) -> None:
    if not config.plugins["i18n"].building:
        _end()


def on_build_error(error: Exception) -> None:
    """A language failed (a child's error raised here, or the parent's own): no child is left
    running and static-i18n's build() is its own again. Not in a child, whose failure the parent
    raises in its turn, nor in the parent's own last language, whose failure is raised after
    the languages before it."""
    run = _state.get("run")
    if run is not None and not run.is_child and not run.concurrent:
        _end()


# -- what the children share on disk ----------------------------------------------------------

def _sharing() -> bool:
    """A language build that runs beside others: in a child, or the parent's last language."""
    run = _state.get("run")
    return run is not None and (run.is_child or run.concurrent)


def _lock(name: str):
    import fcntl

    run: LanguageRun = _state["run"]
    handle = open(run.folder / name, "wb")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


@event_priority(1)  # before the search plugin (0) writes this language's index to the site root
def _lock_search_index(config: MkDocsConfig) -> None:
    if _sharing():
        _state["search lock"] = _lock("search-index")


@event_priority(-51)  # search_per_language (-50) has read it back and written the language's own
def _unlock_search_index(config: MkDocsConfig) -> None:
    handle = _state.pop("search lock", None)
    if handle is not None:
        handle.close()


on_post_build = CombinedEvent(_lock_search_index, _unlock_search_index, _plan, _done)


@event_priority(-50)  # after mkdocs-jupyter (0) replaced the page's render() with its cached one
def on_pre_page(page, config: MkDocsConfig, files):
    """Beside other languages, a page whose render() a plugin replaced (mkdocs-jupyter's notebooks, with
    their cache entry) renders under a lock per source content: two languages showing the
    same notebook never read an entry the other is still writing."""
    if not _sharing() or "render" not in vars(page) or not page.file.abs_src_path:
        return page
    render = page.render
    key = hashlib.sha256(Path(page.file.abs_src_path).read_bytes()).hexdigest()[:32]

    def locked_render(config, files):
        with _lock(f"render-{key}"):
            return render(config, files)

    page.render = locked_render
    return page


@event_priority(-1000)  # after every other plugin: what MkDocs renders the theme's templates with
def on_nav(nav, config: MkDocsConfig, files):
    run = _state.get("run")
    if run is not None and run.concurrent:
        run.theme["nav"] = nav
    return nav


@event_priority(-1000)
def on_env(env, config: MkDocsConfig, files):
    run = _state.get("run")
    if run is not None and run.concurrent:
        run.theme.update(env=env, files=files)
    return env
