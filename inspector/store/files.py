"""Files the program writes: owner-only, whole or not at all, and only ever regular files.

Everything the program writes holds names and ID numbers — the database, its key record, backups,
exports, printed documents, the log — so it is created readable by its owner only (folders 0700,
files 0600), whatever the umask. A file a person names as the output (``--out``) must be a regular
file or not exist yet: a folder, a device (``/dev/full``), a pipe or a socket is refused with one line
instead of being replaced by a file of records. The bytes go into a temporary file beside the target
(created 0600), synced, then renamed over it, so a failure leaves the old file as it was.

On Windows mode bits mean little (the user profile's ACLs protect the data folder); the calls are
harmless there.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Any

from inspector.domain.errors import InspectorError

__all__ = [
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "OutputPathError",
    "atomic_output",
    "atomic_output_bytes",
    "make_private_dir",
    "open_private_append",
    "output_target",
    "tighten",
    "write_private_text",
]

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
_POSIX = os.name == "posix"


class OutputPathError(InspectorError):
    """The place a file should be written to is not a (possible) regular file."""

    code = "output_path"


def tighten(path: Path) -> None:
    """Take group and other permissions off an existing file or folder of ours (older versions made
    them 0644 / 0755). Missing paths are left alone."""
    if not _POSIX:
        return
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if mode & 0o077:
        path.chmod(stat.S_IMODE(mode) & ~0o077)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) if needed; the folder itself is owner-only."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    tighten(path)


def output_target(path: Path) -> Path:
    """Where the bytes for ``path`` really go (a symbolic link is followed), after checking that it is a
    regular file or does not exist, in a folder that does."""
    path = path.expanduser()
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputPathError(
            f"{path} 是文件夹：请给出要写入的文件名", f"{path} is a folder: give the name of a file to write"
        )
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputPathError(
            f"{path} 不是普通文件（设备、管道或套接字），不会写入",
            f"{path} is not a regular file (a device, pipe or socket): not writing to it",
        )
    folder = real.parent
    if not folder.is_dir():
        raise OutputPathError(
            f"{path} 所在的文件夹 {path.parent} 不存在", f"the folder {path.parent} of {path} does not exist"
        )
    return real


@contextmanager
def _atomic(path: Path, binary: bool) -> Iterator[IO[Any]]:
    target = output_target(path)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_output(path: Path) -> AbstractContextManager[IO[str]]:
    """Write the text file ``path`` whole or not at all, owner-only: into a temporary file beside it
    (made 0600), synced, renamed over it. Refuses targets that are not regular files
    (:func:`output_target`); on any failure the old file stays as it was."""
    return _atomic(path, binary=False)


def atomic_output_bytes(path: Path) -> AbstractContextManager[IO[bytes]]:
    """:func:`atomic_output` for bytes (a PDF)."""
    return _atomic(path, binary=True)


def write_private_text(path: Path, text: str) -> None:
    """A small owner-only text file (``key.json``), written whole."""
    with atomic_output(path) as out:
        out.write(text)


def open_private_append(path: Path) -> IO[str]:
    """An owner-only file opened for appending (a log), its folder owner-only too."""
    make_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
    tighten(path)
    return os.fdopen(fd, "a", encoding="utf-8")
