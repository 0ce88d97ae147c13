"""Where the app's file dialogs open, and the dialogs themselves.

Every 打开 / 另存为 dialog of the app (attachments, 另存为 PDF, a reply's scan, the office's CA
certificate) opens in the same folder: the one a file was last chosen in or saved to during this
session, else the user's 文档 (Documents) folder, else the home folder — never the folder the app
was started from. A save dialog proposes the file's name in that folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last_directory: Path | None = None  # where a file was last chosen or saved (this session)


def documents_directory() -> Path | None:
    """The user's 文档 folder, if the system names one that exists."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else None


def start_directory() -> Path:
    """The folder a file dialog opens in: the last one used, else 文档, else the home folder."""
    if _last_directory is not None and _last_directory.is_dir():
        return _last_directory
    return documents_directory() or Path.home()


def remember(path: Path) -> None:
    """A file was chosen or saved at ``path`` (a file; or a folder): the next dialog opens there."""
    global _last_directory
    _last_directory = path if path.is_dir() else path.parent


def forget() -> None:
    """Back to 文档 (tests; a new session)."""
    global _last_directory
    _last_directory = None


def save_file_name(parent: QWidget | None, title: str, file_name: str, filters: str) -> Path | None:
    """Ask where to save ``file_name`` (proposed in :func:`start_directory`); None if cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(start_directory() / file_name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    remember(path)
    return path


def open_file_name(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Ask for one file to open, starting in :func:`start_directory`; None if cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(start_directory()), filters)
    if not chosen:
        return None
    path = Path(chosen)
    remember(path)
    return path


def open_file_names(parent: QWidget | None, title: str, filters: str) -> list[Path]:
    """Ask for files to open, starting in :func:`start_directory`; empty if cancelled."""
    chosen, _filter = QFileDialog.getOpenFileNames(parent, title, str(start_directory()), filters)
    paths = [Path(p) for p in chosen]
    if paths:
        remember(paths[0])
    return paths
