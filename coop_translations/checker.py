"""Checks every translation of a layout against its source; read-only.

Each source is read and hashed once however many languages mirror it; a
translation is read once and every check works on those bytes.
"""
from __future__ import annotations

import sys
from functools import cached_property

from . import problems as codes
from .encoding import UTF8_BOM, all_garbles, decode, find_mojibake, line_of
from .hashing import md5_hex, whitespace_variants
from .safeio import MAX_READ_BYTES, CheckerIOError, TooLarge, Unsafe, kind_of
from .layout import Layout, normalise, unsafe_reason
from .links import same_target
from .metadata import Found, find_comment, from_notebook, from_sidecar, load_notebook, load_sidecar
from .problems import Problem, Report, Result
from .records import Record
from .drift import compare
from .fastpath import Fingerprint, Skeleton, fingerprint, page_start, same_counts, skeleton_of, verbatim
from .structure import Structure, markdown_structure, notebook_structure


# A source up to this size is kept in memory (structure, whitespace-only changes);
# a larger one is only hashed, in a stream, so memory stays bounded.
SOURCE_IN_MEMORY = 64 * 1024 * 1024
# A translation larger than this is not a page: reported (`encoding`), not read.
MAX_PAGE_BYTES = MAX_READ_BYTES


def read_bytes(layout: Layout, rel: str, limit: int = MAX_READ_BYTES, *,
               check_first: bool = True) -> bytes:
    """A root-relative file's bytes, read without following any link (safeio.Tree).
    Unsafe for a link or special file; CheckerIOError when it cannot be read."""
    try:
        return layout.tree.read(rel, limit, check_first=check_first)[0]
    except (Unsafe, CheckerIOError):
        raise
    except OSError as exc:
        raise CheckerIOError(f"cannot read {rel}: {exc.strerror or exc}") from exc


class SourcePage(Record):
    _fields = ("path", "data", "md5", "tree")
    path: str
    data: bytes | None        # None for a source too large to keep in memory
    md5: str
    tree: object

    def __init__(self, path: str, data: bytes | None, md5: str, tree: object = None):
        self.path, self.data, self.md5, self.tree = path, data, md5, tree

    @cached_property
    def whitespace_hashes(self) -> set[str]:
        return whitespace_variants(self.data) if self.data is not None else set()

    @cached_property
    def garbles(self) -> frozenset[str]:
        if self.data is not None:
            return all_garbles(self.data)
        return frozenset()

    def known_garbles(self):
        """The garbled sequences the source shows itself (examples), for `in` tests; a
        source too large for memory is searched in a stream instead."""
        return self.garbles if self.data is not None else _StreamedSource(self)

    @property
    def comparable(self) -> bool:
        """Whether translations can be compared with it: kept in memory, and a
        notebook only if it can be read."""
        return self.data is not None and (not self.path.endswith(".ipynb") or self.structure is not None)

    @cached_property
    def structure(self) -> Structure | None:
        if self.data is None:
            return None
        if self.path.endswith(".ipynb"):
            notebook, error = load_notebook(self.data)
            return None if error else notebook_structure(notebook)
        return markdown_structure(self._body)

    @property
    def _body(self) -> bytes:
        return self.data[3:] if self.data.startswith(UTF8_BOM) else self.data

    # The fast paths' views of a markdown source, each built when first needed: most
    # translations pass `verbatim`, which needs only the skeleton (the fences, no
    # full structure); the counts and the structure serve the others.

    @cached_property
    def skeleton(self) -> Skeleton | None:
        return skeleton_of(self._body) if self.data is not None else None

    @cached_property
    def fingerprint(self) -> Fingerprint | None:
        structure = self.structure
        return None if structure is None or structure.notebook else fingerprint(structure)

    def unchanged(self, body: bytes, span: tuple[int, int] | None) -> bool:
        """The fast paths (fastpath.py) for a markdown translation's body, whose
        metadata comment has the span `span`: True when it surely has no drift."""
        start = page_start(body, span)
        if start is None:
            return False
        skeleton = self.skeleton
        return skeleton is not None and verbatim(skeleton, body, start) or \
            same_counts(self.fingerprint, body[start:])


class _StreamedSource:
    def __init__(self, page: SourcePage):
        self.page = page

    def __contains__(self, garbled: str) -> bool:
        return self.page.tree.contains(self.page.path, garbled.encode("utf-8"))


class Checker:
    def __init__(self, layout: Layout):
        self.layout = layout
        scan = layout.scan_sources()
        self.sources = set(scan.files)
        self.escaping_sources = scan.escaping
        self._pages: dict[str, SourcePage] = {}
        self._sidecars: dict[str, tuple[dict | None, str | None, str]] = {}
        # The fix hints' commands, built once: every translation's check names one.
        self._commands = {name: layout.command(name) for name in ("stamp", "diff")}

    # -- the whole layout -------------------------------------------------------------

    def run(self, jobs: int = 1) -> Report:
        """Check every language; with jobs > 1 (Linux only), languages are split over
        that many forked processes. Keep jobs=1 inside a long-lived process with
        threads (a site build): forking there is not safe."""
        languages = list(self.layout.languages)
        jobs = min(jobs, len(languages))
        if jobs > 1 and sys.platform == "linux":
            from .forking import split      # only here: small checks never fork

            self._prepare_for_forking()
            results = split(self.check_language, languages, jobs)
        else:
            results = [result for language in languages for result in self.check_language(language)]
        results.sort(key=lambda r: (r.language, r.path))
        return Report(results)

    def _prepare_for_forking(self) -> None:
        """What every process would build for itself, built once before forking: the
        sources read, hashed and outlined. (The mojibake patterns are written out in
        encoding_tables; each process compiles those its pages need.)"""
        for source in sorted(self.sources):
            try:
                page = self.source_page(source)
            except (Unsafe, CheckerIOError):
                continue            # each language reports it (or stops) as it would anyway
            if page.comparable and not source.endswith(".ipynb"):
                _ = page.skeleton       # built now (a cached property), shared after the fork

    def check_language(self, language: str) -> list[Result]:
        layout = self.layout
        scan = layout.scan_translations(language)
        if scan.folder_escapes:
            folder = layout.translation_dirs[language]
            return [Result(layout.translation_path(s, language), s, language, [Problem(
                codes.UNSAFE_PATH, f"{folder}: the language folder is a symbolic link, which the "
                f"checker never follows; nothing in it was read. Fix: make {folder} a real "
                f"folder.")])
                for s in sorted(self.sources)]
        # The scan lists regular files only; reading refuses anything swapped in since.
        results = [self._check(rel, language) for rel in scan.files]
        results += [self._escaping(rel, language) for rel in sorted(scan.escaping)]
        present = set(scan.files) | scan.escaping
        for source in sorted(self.sources):
            path = layout.translation_path(source, language)
            if path not in present:
                results.append(Result(path, source, language, [Problem(codes.MISSING, (
                    f"{path}: no {language} translation of {source}. Fix: translate it, then run "
                    f"`{self._commands['stamp']} {path}`."))]))
        return results

    # -- one translation --------------------------------------------------------------

    def check_file(self, rel: str, language: str, *, drift_when_stale: bool = False) -> Result:
        """All problems of one translation (a root-relative POSIX path in `language`'s folder).

        A stale translation is normally not compared with the source it lags behind;
        `drift_when_stale` compares it anyway (stamp does: the stamp will call it fresh)."""
        try:
            info = self.layout.tree.lstat(rel)
        except Unsafe as why:
            return self._escaping(rel, language, str(why))
        except OSError as exc:
            raise CheckerIOError(f"cannot read {rel}: {exc.strerror or exc}") from exc
        why = kind_of(info.st_mode, info.st_nlink)
        if why:
            return self._escaping(rel, language, f"{rel} is {why}")
        return self._check(rel, language, drift_when_stale)

    def _check(self, rel: str, language: str, drift_when_stale: bool = False) -> Result:
        layout = self.layout
        source = layout.source_path(rel, language)
        if source in self.escaping_sources:
            return Result(rel, source, language, [Problem(codes.UNSAFE_PATH, (
                f"{rel}: its source {source} is a symbolic link or a special file; it was not "
                f"read. Fix: replace it with the file itself."))])
        try:
            data = read_bytes(layout, rel, MAX_PAGE_BYTES, check_first=False)
        except Unsafe as why:
            return self._escaping(rel, language, str(why))
        except TooLarge as big:
            return Result(rel, source if source in self.sources else None, language, [Problem(
                codes.ENCODING, f"{rel}: {big.size / 2**20:.0f} MiB, larger than the "
                f"{big.limit // 2**20} MiB a page may be, so not a page; it was not checked. Fix: "
                f"replace it with the translated page.")])
        if source not in self.sources:
            return Result(rel, None, language, [self._orphan(rel, source, data)])
        result = Result(rel, source, language)
        add = result.problems.append
        try:
            page = self.source_page(source)
        except Unsafe as why:
            return Result(rel, source, language, [Problem(codes.UNSAFE_PATH, (
                f"{rel}: its source {source} was not read: {why}. Fix: replace it with a plain "
                f"file."))])
        text, bad_encoding = decode(data)
        if bad_encoding:
            what, offset = bad_encoding
            line = line_of(data, offset)
            add(Problem(codes.ENCODING, f"{rel}: {what}, line {line}. Fix: re-save it as UTF-8 "
                        f"(without a byte-order mark is best).", line))
        body = data[3:] if data.startswith(UTF8_BOM) else data
        notebook, notebook_error = (None, None)
        if rel.endswith(".ipynb"):
            notebook, notebook_error = load_notebook(data)
        found = self._metadata(rel, language, source, body, notebook, notebook_error)
        stale = self._check_metadata(result, found, page, language)
        if notebook_error and found.where.startswith("sidecar"):
            # The sidecar vouched for it, but the notebook itself cannot be opened.
            add(Problem(codes.STRUCTURE_DRIFT, f"{rel}: the notebook is unreadable "
                        f"({notebook_error}), so its cells cannot match {source}. Fix: repair its "
                        f"JSON (or copy the source notebook and translate its markdown cells)."))
        if bad_encoding or notebook_error:
            return result
        garble = find_mojibake(data, known=page.known_garbles, chars=len(text))
        if garble:
            line = line_of(data, garble.offset)
            add(Problem(codes.MOJIBAKE, (
                f"{rel}: line {line} has {garble.garbled[:80]!r} where {garble.repaired[:80]!r} was "
                f"meant: UTF-8 text was read in a wrong code page (such as Windows-1252, -1250, "
                f"-1251 or Mac Roman) and saved again. Fix: redo the edit from a UTF-8 copy, or "
                f"replace each garbled sequence with the text it stands for."), line))
        if (drift_when_stale or not stale) and page.comparable:
            self._check_structure(result, page, body, found.span, notebook)
        return result

    def _check_structure(self, result: Result, page: SourcePage, body: bytes, span, notebook) -> None:
        if notebook is not None:
            mine = notebook_structure(notebook)
        elif page.unchanged(body, span):
            return
        else:
            mine = markdown_structure(body, span)
        same = same_target(self.layout, page.path, result.path, result.language)
        for what, line in compare(page.structure, mine, same):
            result.problems.append(Problem(codes.STRUCTURE_DRIFT, f"{result.path}: {what}. Fix: keep "
                                           f"it exactly as in {page.path}; translate only the prose "
                                           f"around it.", line))

    def metadata_of(self, rel: str, language: str) -> Found:
        """A translation's metadata as the checker sees it: sidecar entry, else its own."""
        try:
            data = read_bytes(self.layout, rel)
        except Unsafe as why:
            return Found("file", errors=(f"not read: {why}",))
        body = data[3:] if data.startswith(UTF8_BOM) else data
        notebook, error = load_notebook(data) if rel.endswith(".ipynb") else (None, None)
        source = self.layout.source_path(rel, language)
        return self._metadata(rel, language, source, body, notebook, error)

    def source_page(self, path: str) -> SourcePage:
        """A source, read once however many languages translate it (Unsafe for a link)."""
        page = self._pages.get(path)
        if page is None:
            tree = self.layout.tree
            try:
                size = tree.lstat(path).st_size
                if size <= SOURCE_IN_MEMORY:
                    data = tree.read(path, SOURCE_IN_MEMORY)[0]
                    page = SourcePage(path, data, md5_hex(data), tree)
                else:
                    page = SourcePage(path, None, tree.md5(path)[0], tree)
            except (Unsafe, CheckerIOError):
                raise
            except OSError as exc:
                raise CheckerIOError(f"cannot read {path}: {exc.strerror or exc}") from exc
            self._pages[path] = page
        return page

    def _escaping(self, rel: str, language: str, why: str | None = None) -> Result:
        why = why or f"{rel} is a symbolic link or a special file"
        return Result(rel, None, language, [Problem(codes.UNSAFE_PATH, (
            f"{rel}: not read, the checker never follows links: {why}. Fix: replace it with "
            f"the translated file itself (one plain file)."))])

    def _orphan(self, rel: str, source: str, data: bytes) -> Problem:
        hint = ""
        found = find_comment(data)
        named = found.metadata.source_file if found.metadata else None
        if named and not unsafe_reason(named) and normalise(named) != source:
            hint = (f" Its metadata says it was translated from {named}; if that page moved, "
                    f"move this file to mirror it.")
        return Problem(codes.ORPHAN, f"{rel}: there is no source {source} for it to translate. "
                       f"Fix: delete it, or move it to mirror an existing source.{hint}")

    # -- metadata -----------------------------------------------------------------------

    def _sidecar(self, language: str) -> tuple[dict | None, str | None, str]:
        """(entries, why they could not be read, the sidecar's path), read once."""
        known = self._sidecars.get(language)
        if known is None:
            path = self.layout.sidecar_path(language)
            entries, error = None, None
            try:
                entries, error = load_sidecar(read_bytes(self.layout, path, MAX_READ_BYTES))
            except Unsafe as why:
                error = f"not read: {why}"
            except CheckerIOError as exc:
                if not isinstance(exc.__cause__, (FileNotFoundError, NotADirectoryError)):
                    raise       # too large, unreadable: the tool cannot vouch for the metadata
            known = self._sidecars[language] = (entries, error, path)
        return known

    def _metadata(self, rel, language, source, body, notebook, notebook_error) -> Found:
        """The sidecar entry wins (co-op-translator 0.16+), then the file's own metadata."""
        entries, sidecar_error, sidecar = self._sidecar(language)
        if entries is not None:
            found = from_sidecar(entries, source, f"sidecar {sidecar}")
            if found.present:
                return found
        if rel.endswith(".ipynb"):
            if notebook_error:
                return Found("notebook", errors=(f"the notebook is unreadable: {notebook_error}",))
            found = from_notebook(notebook)
        else:
            found = find_comment(body)
        if not found.present and sidecar_error:
            return Found(f"sidecar {sidecar}", errors=(sidecar_error,))
        return found

    def _check_metadata(self, result: Result, found: Found, page: SourcePage, language: str) -> bool:
        """Adds metadata problems; True when the translation is stale."""
        rel, source = result.path, result.source
        add = result.problems.append
        stamp = f"`{self._commands['stamp']} {rel}`"
        if not found.present:
            add(Problem(codes.MISSING_METADATA, f"{rel}: no translation metadata (no "
                        f"CO_OP_TRANSLATOR_METADATA comment, notebook metadata or sidecar entry), so "
                        f"its freshness is unknown. Fix: check it matches {source}, then run {stamp}."))
            return False
        if found.metadata is None:
            add(Problem(codes.MALFORMED_METADATA, f"{rel}: the metadata in the {found.where} is "
                        f"malformed: {'; '.join(found.errors)}. Fix: run {stamp} (after checking "
                        f"the translation matches {source}), or correct the field by hand."))
            return False
        meta = found.metadata
        reason = unsafe_reason(meta.source_file)
        if reason:
            add(Problem(codes.UNSAFE_PATH, f"{rel}: metadata source_file {meta.source_file[:120]!r} "
                        f"{reason}; it was not opened. Fix: run {stamp}; it writes {source!r}."))
        elif normalise(meta.source_file) != source:
            add(Problem(codes.SOURCE_MISMATCH, f"{rel}: metadata source_file is "
                        f"{meta.source_file!r} but this file mirrors {source!r}. Fix: if it translates "
                        f"{source}, run {stamp}; otherwise move it to mirror its real source."))
        if _language_key(meta.language_code) != _language_key(language):
            add(Problem(codes.LANGUAGE_MISMATCH, f"{rel}: metadata language_code is "
                        f"{meta.language_code!r} but the file is in the {language!r} folder. Fix: move "
                        f"it to the folder of its language, or if it is {language}, run {stamp}."))
        if meta.original_hash == page.md5:
            return False
        if meta.original_hash in page.whitespace_hashes:
            add(Problem(codes.STALE, f"{rel}: {source} changed since this translation "
                        f"({meta.translation_date}), but only in line endings or trailing whitespace. "
                        f"Fix: nothing to translate; run {stamp}."))
        else:
            add(Problem(codes.STALE, f"{rel}: {source} changed since this translation "
                        f"({meta.translation_date}; stored hash {meta.original_hash}, now {page.md5}). "
                        f"Fix: see what changed with `{self._commands['diff']} {rel}`, update "
                        f"the translation, then run {stamp}."))
        return True


def _language_key(code: str) -> str:
    return code.strip().lower().replace("_", "-")
