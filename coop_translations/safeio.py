"""Every file access of the checker, confined to one root and never through a link.

Paths are opened one component at a time from a descriptor of the root, each with
O_NOFOLLOW, so no symbolic link is ever followed, not even one swapped in while
the checker runs; files are only read if they are regular files with one link
(a hard link may lead anywhere on the same disk), and are opened O_NONBLOCK so a
FIFO or device put in a file's place can never make a read wait.
"""
from __future__ import annotations

import errno
import os
import stat

from .hashing import md5

# The largest file read into memory whole. Pages are a few hundred KB and sidecars
# a few MB (one entry per page); anything larger is reported, not loaded. Sources
# are hashed in a stream whatever their size.
MAX_READ_BYTES = 256 * 1024 * 1024
# The deepest folder nesting scanned; deeper is a tree nobody writes by hand.
MAX_DEPTH = 64
CHUNK = 1024 * 1024
_MAX_OPEN_DIRS = 512     # cached folder descriptors; more are closed and reopened

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


class CheckerIOError(Exception):
    """The tool itself could not read something (exit status 2, not a problem)."""


class Unsafe(Exception):
    """A path that is, or runs through, a symbolic link, a hard link or a special file.
    Never an I/O error of the tool: the checker reports it as `unsafe-path`."""


def kind_of(mode: int, links: int = 1) -> str | None:
    """Why a file with this lstat mode and link count must not be read, or None."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if not stat.S_ISREG(mode):
        return "a special file (FIFO, socket or device)"
    if links > 1:
        return f"a hard link ({links} names for one file)"
    return None


class Tree:
    """The root, and descriptors of the folders under it opened so far."""

    def __init__(self, root: str):
        self.root = root
        try:
            self._root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise CheckerIOError(f"cannot open {root}: {exc.strerror or exc}") from exc
        self._dirs: dict[str, int] = {"": self._root_fd}

    def __del__(self):
        self.close()

    def close(self) -> None:
        for fd in getattr(self, "_dirs", {}).values():
            try:
                os.close(fd)
            except OSError:
                pass
        self._dirs = {}

    # -- folders ------------------------------------------------------------------------

    def dir_fd(self, rel: str) -> int:
        """A descriptor of the root-relative folder `rel` ("" is the root). Raises Unsafe
        if a component is a symbolic link, FileNotFoundError/NotADirectoryError if absent."""
        fd = self._dirs.get(rel)
        if fd is not None:
            return fd
        parent, _, name = rel.rpartition("/")
        if name in ("", ".", ".."):
            raise Unsafe(f"{rel}: not a plain folder name")
        if len(self._dirs) > _MAX_OPEN_DIRS:
            self._trim()
        parent_fd = self.dir_fd(parent)
        try:
            fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP or (exc.errno == errno.ENOTDIR and _is_link(parent_fd, name)):
                raise Unsafe(f"{rel} is a symbolic link") from None
            raise
        self._dirs[rel] = fd
        return fd

    def _trim(self) -> None:
        """Closes cached folders (not the root) so a huge tree never runs out of descriptors."""
        for key, fd in list(self._dirs.items()):
            if key:
                os.close(fd)
                del self._dirs[key]

    def is_dir(self, rel: str) -> bool:
        """True for a real folder; False when absent; Unsafe for a link; CheckerIOError
        when it is a file or cannot be opened."""
        try:
            self.dir_fd(rel)
            return True
        except FileNotFoundError:
            return False
        except NotADirectoryError:
            raise CheckerIOError(f"{rel or '.'} under {self.root} is a file, not a folder") from None
        except OSError as exc:
            raise CheckerIOError(f"cannot open {rel} under {self.root}: "
                                 f"{exc.strerror or exc}") from exc

    def list(self, rel: str) -> list[os.DirEntry]:
        """The entries of a folder (names only: DirEntry.path is not usable here)."""
        try:
            with os.scandir(self.dir_fd(rel)) as entries:
                return list(entries)
        except OSError as exc:
            raise CheckerIOError(f"cannot list {rel or '.'} under {self.root}: "
                                 f"{exc.strerror or exc}") from exc

    # -- files --------------------------------------------------------------------------

    def lstat(self, rel: str) -> os.stat_result:
        parent, _, name = rel.rpartition("/")
        return os.stat(name, dir_fd=self.dir_fd(parent), follow_symlinks=False)

    def exists(self, rel: str) -> bool:
        try:
            self.lstat(rel)
            return True
        except (FileNotFoundError, NotADirectoryError):
            return False

    def open(self, rel: str, *, check_first: bool = True) -> tuple[int, os.stat_result]:
        """A read descriptor of a regular, singly linked file, and its fstat.

        `check_first` lstats before opening, so a device is never even opened (the
        scan, which has just seen the entry's type, skips it)."""
        parent, _, name = rel.rpartition("/")
        dir_fd = self.dir_fd(parent)
        if check_first:
            info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
            why = kind_of(info.st_mode, info.st_nlink)
            if why:
                raise Unsafe(f"{rel} is {why}")
        try:
            fd = os.open(name, _FILE_FLAGS, dir_fd=dir_fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise Unsafe(f"{rel} is a symbolic link") from None
            raise
        info = os.fstat(fd)
        why = kind_of(info.st_mode, info.st_nlink)
        if why:
            os.close(fd)
            raise Unsafe(f"{rel} is {why}")
        return fd, info

    def read(self, rel: str, limit: int = MAX_READ_BYTES, *,
             check_first: bool = True) -> tuple[bytes, os.stat_result]:
        """The whole file. Larger than `limit`: TooLarge (nothing read)."""
        fd, info = self.open(rel, check_first=check_first)
        try:
            if info.st_size > limit:
                raise TooLarge(rel, info.st_size, limit)
            data = read_all(fd, info.st_size, limit)
            if len(data) > limit:           # it grew while being read
                raise TooLarge(rel, len(data), limit)
            return data, info
        finally:
            os.close(fd)

    def md5(self, rel: str) -> tuple[str, os.stat_result]:
        """MD5 of a file of any size, read in chunks: memory stays at one chunk."""
        fd, info = self.open(rel)
        try:
            digest = md5()
            while chunk := os.read(fd, CHUNK):
                digest.update(chunk)
            return digest.hexdigest(), info
        finally:
            os.close(fd)

    def contains(self, rel: str, needle: bytes) -> bool:
        """Whether a file of any size holds `needle`, read in overlapping chunks."""
        fd, _info = self.open(rel)
        try:
            tail = b""
            while chunk := os.read(fd, CHUNK):
                window = tail + chunk
                if needle in window:
                    return True
                tail = window[-(len(needle) - 1):] if len(needle) > 1 else b""
            return False
        finally:
            os.close(fd)


class TooLarge(CheckerIOError):
    def __init__(self, rel: str, size: int, limit: int):
        super().__init__(f"{rel} is {size / 2**20:.1f} MiB, more than the {limit // 2**20} MiB "
                         f"the checker reads into memory; nothing was read")
        self.rel, self.size, self.limit = rel, size, limit


def read_all(fd: int, size: int, limit: int) -> bytes:
    """Reads to the end (a file may grow while it is read), but not much past `limit`.

    The first read asks for the size fstat gave plus one byte: os.read allocates what
    it is asked for, and a megabyte buffer for every small page cost more than the
    reading itself. A regular file's read returns less than asked only at its end,
    so a short read ends it (no read more to confirm). Once a read fills its buffer
    (the file grew), reads go on in CHUNK-sized pieces."""
    chunks, want, total = [], size + 1, 0
    while total <= limit:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if len(chunk) < want:
            break
        want = CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _is_link(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False
