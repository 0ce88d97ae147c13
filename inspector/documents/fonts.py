"""Fonts for official documents: find them, register them with reportlab once, check glyph coverage.

GB/T 9704 names 仿宋 (body), 宋体, 黑体 (一、 headings), 楷体 ((一) headings) and 小标宋 (title). When the
official fonts are installed on the machine (Windows, macOS or Linux font folders, found by file name)
they are used. Otherwise the open-licensed fonts bundled under ``resources/fonts`` (README.md there)
set the document: the Fandol faces, converted to TrueType outlines by ``scripts/make_fonts.py`` —
FandolFang for 仿宋, FandolSong for 宋体, FandolHei for 黑体, FandolKai for 楷体 and FandolSong Bold, the
boldest Song available, for the title.

reportlab embeds only TrueType (``glyf``) outlines, so CFF-flavoured ``.otf``/``.ttc`` files are skipped.

Each role has a *chain* of fonts: the chosen font first, then the bundled ones, the closest style
first. The Fandol faces cover GB2312 (and lack 喆 堃 镕), so a character missing from the chosen font
is drawn from the next font that has it: the other Fandol faces, then AR PL UMing / UKai and WenQuanYi
Micro Hei (the whole of the basic CJK block), then HanaMinB for CJK Extension B (𠮷). A character that
no font has raises :class:`MissingGlyphError` — never a blank box.

Environment overrides (a path, optionally ``#index`` for a collection):
``INSPECTOR_FONT_FANGSONG``, ``INSPECTOR_FONT_SONG``, ``INSPECTOR_FONT_HEI``, ``INSPECTOR_FONT_KAI``,
``INSPECTOR_FONT_TITLE``.
"""

from __future__ import annotations

import os
import struct
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from inspector.domain.errors import InspectorError

__all__ = [
    "FontChain",
    "MissingGlyphError",
    "ResolvedFont",
    "Role",
    "check_glyphs",
    "configure_fonts",
    "font_chain",
    "font_search_dirs",
    "resource_dir",
]


class Role(StrEnum):
    """What a font is used for in a document."""

    FANGSONG = "fangsong"  # 仿宋: body text (3号)
    SONG = "song"  # 宋体: page numbers, tables
    HEI = "hei"  # 黑体: first-level headings 一、
    KAI = "kai"  # 楷体: second-level headings （一）
    TITLE = "title"  # 小标宋: the document title (2号)


ROLE_LABELS: dict[Role, str] = {
    Role.FANGSONG: "仿宋",
    Role.SONG: "宋体",
    Role.HEI: "黑体",
    Role.KAI: "楷体",
    Role.TITLE: "小标宋",
}

# Official (system) fonts by file name, most preferred first: (file name, subfont index).
SYSTEM_CANDIDATES: dict[Role, tuple[tuple[str, int], ...]] = {
    Role.FANGSONG: (
        ("仿宋_GB2312.ttf", 0),
        ("FS_GB2312.ttf", 0),
        ("FangSong_GB2312.ttf", 0),
        ("simfang.ttf", 0),  # Windows 仿宋
        ("FZFSK.TTF", 0),  # 方正仿宋_GBK
        ("FZFSJW.TTF", 0),  # 方正仿宋简体
        ("STFANGSO.TTF", 0),  # 华文仿宋
        ("仿宋.ttf", 0),
    ),
    Role.SONG: (
        ("simsun.ttc", 0),  # Windows 宋体 (index 1 is 新宋体)
        ("simsun.ttf", 0),
        ("FZSSK.TTF", 0),  # 方正书宋_GBK
        ("STSONG.TTF", 0),  # 华文宋体
        ("宋体.ttf", 0),
    ),
    Role.HEI: (
        ("simhei.ttf", 0),  # Windows 黑体
        ("FZHTK.TTF", 0),  # 方正黑体_GBK
        ("STHEITI.TTF", 0),  # 华文黑体
        ("黑体.ttf", 0),
    ),
    Role.KAI: (
        ("楷体_GB2312.ttf", 0),
        ("KaiTi_GB2312.ttf", 0),
        ("simkai.ttf", 0),  # Windows 楷体
        ("FZKTK.TTF", 0),  # 方正楷体_GBK
        ("STKAITI.TTF", 0),  # 华文楷体
        ("楷体.ttf", 0),
    ),
    Role.TITLE: (
        ("FZXBSK.TTF", 0),  # 方正小标宋_GBK
        ("FZXBSJW.TTF", 0),  # 方正小标宋简体
        ("方正小标宋简体.ttf", 0),
        ("方正小标宋_GBK.ttf", 0),
    ),
}

# Bundled open-licensed fonts (resources/fonts/README.md), subfont 0 of the collections (simplified forms).
FANG, SONG, SONG_BOLD = "FandolFang-Regular.ttf", "FandolSong-Regular.ttf", "FandolSong-Bold.ttf"
HEI, KAI = "FandolHei-Regular.ttf", "FandolKai-Regular.ttf"
UMING, UKAI, WQY = "uming.ttc", "ukai.ttc", "wqy-microhei.ttc"
EXT_B = "HanaMinB-ExtB.ttf"  # CJK Unified Ideographs Extension B only
BUNDLED: dict[Role, str] = {
    Role.FANGSONG: FANG,
    Role.SONG: SONG,
    Role.HEI: HEI,
    Role.KAI: KAI,
    Role.TITLE: SONG_BOLD,
}
# Per role, the bundled fonts a missing character is looked up in, the closest style first.
FALLBACKS: dict[Role, tuple[str, ...]] = {
    Role.FANGSONG: (FANG, SONG, KAI, UMING, UKAI, HEI, WQY, EXT_B),
    Role.SONG: (SONG, FANG, UMING, KAI, UKAI, HEI, WQY, EXT_B),
    Role.HEI: (HEI, WQY, SONG_BOLD, SONG, UMING, FANG, KAI, UKAI, EXT_B),
    Role.KAI: (KAI, FANG, UKAI, SONG, UMING, HEI, WQY, EXT_B),
    Role.TITLE: (SONG_BOLD, SONG, UMING, HEI, WQY, FANG, KAI, UKAI, EXT_B),
}
ENV_PREFIX = "INSPECTOR_FONT_"


class MissingGlyphError(InspectorError):
    """A character that none of the fonts for a role can draw."""

    code = "missing_glyph"

    def __init__(self, char: str, field: str, font: str) -> None:
        code = f"U+{ord(char):04X}"
        super().__init__(
            f"“{field}”中的字符“{char}”（{code}）在字体{font}中没有字形，无法打印："
            "请改用通行写法，或安装含有该字的字体",
            f"{field}: character {char!r} ({code}) has no glyph in font {font}; "
            "it cannot be printed (use a common form or install a font that has it)",
            params={"char": char, "codepoint": code, "field": field, "font": font},
        )
        self.char = char
        self.codepoint = ord(char)
        self.field = field
        self.font = font


class FontFileError(InspectorError):
    """A font file that is missing or cannot be read."""

    code = "font_file"


def resource_dir() -> Path:
    """``resources/`` of the app: next to the frozen executable's data (PyInstaller ``sys._MEIPASS``)
    or at the repository root (``inspector/documents/fonts.py`` → ``../../resources``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def font_search_dirs() -> list[Path]:
    """Usual font folders of Windows, macOS and Linux (those that exist)."""
    home = Path.home()
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library" / "Fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]
    return [d for d in dirs if d.is_dir()]


def is_truetype(path: Path, index: int = 0) -> bool:
    """True if the (sub)font has TrueType ``glyf`` outlines (not CFF), read from the table directory."""
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            offset = 0
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if index >= count:
                    return False
                fh.seek(12 + 4 * index)
                offset = struct.unpack(">I", fh.read(4))[0]
                fh.seek(offset)
                head = fh.read(12)
            if head[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return False  # 'OTTO' = CFF outlines, which reportlab cannot embed
            tables = struct.unpack(">H", head[4:6])[0]
            fh.seek(offset + 12)
            directory = fh.read(16 * tables)
    except (OSError, struct.error):
        return False
    tags = {directory[i : i + 4] for i in range(0, len(directory), 16)}
    return b"glyf" in tags and b"CFF " not in tags


@dataclass(frozen=True)
class ResolvedFont:
    """One registered reportlab font."""

    name: str  # reportlab font name
    path: Path
    subfont_index: int
    family: str  # shown in messages
    bundled: bool
    cmap: Mapping[int, int]  # code point → glyph id
    widths: Mapping[int, float]  # code point → advance in 1/1000 em (reportlab's charWidths)
    default_width: float

    def has(self, char: str) -> bool:
        return ord(char) in self.cmap

    def advance(self, char: str) -> float:
        """Advance width of ``char`` in em."""
        return self.widths.get(ord(char), self.default_width) / 1000.0


class FontChain:
    """The fonts of one role, the preferred one first. Fallback fonts are loaded only when a character
    is missing from the ones before them (so a plain notice loads a single font file)."""

    def __init__(self, role: Role, primary: ResolvedFont, fallbacks: Iterable[Path]) -> None:
        self.role = role
        self.primary = primary
        self._pending = [p for p in fallbacks if p != primary.path]
        self._loaded: list[ResolvedFont] = [primary]

    @property
    def fonts(self) -> tuple[ResolvedFont, ...]:
        """Every font of the chain (loads the fallbacks)."""
        while self._load_next():
            pass
        return tuple(self._loaded)

    def _load_next(self) -> bool:
        with _lock:
            if not self._pending:
                return False
            path = self._pending.pop(0)
            try:
                font = _register(path, 0, bundled=True)
            except FontFileError:
                return True  # a missing fallback is skipped; the next one is tried
            if font not in self._loaded:
                self._loaded.append(font)
            return True

    def font_for(self, char: str) -> ResolvedFont | None:
        code = ord(char)
        if code in self.primary.cmap:
            return self.primary
        i = 1
        while True:
            while i < len(self._loaded):
                if code in self._loaded[i].cmap:
                    return self._loaded[i]
                i += 1
            if not self._load_next():
                return None

    def describe(self) -> str:
        return f"{ROLE_LABELS[self.role]}（{'、'.join(f.family for f in self.fonts)}）"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for one font subset, with a character outside the BMP (𠮷, CJK
    Extension B) written as its UTF-16 surrogate pair: reportlab 5.1 writes the bare code point
    (``<20BB7>``, an odd-length string), so readers could not copy or search the character."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # used by TTFont.addObjects when a PDF is written

_lock = threading.RLock()
_registered: dict[tuple[str, int], ResolvedFont] = {}
_chains: dict[Role, FontChain] = {}
_overrides: dict[Role, tuple[Path, int]] = {}
_system_index: dict[str, Path] | None = None
_use_system = True


def configure_fonts(
    overrides: Mapping[str, str | Path] | None = None, *, use_system_fonts: bool = True
) -> None:
    """Choose fonts explicitly (role → ``path`` or ``path#index``) and/or ignore installed fonts.

    Clears the per-role cache; fonts already registered with reportlab stay registered.
    """
    global _use_system, _system_index
    with _lock:
        _overrides.clear()
        for role, spec in (overrides or {}).items():
            _overrides[Role(role)] = _parse_spec(str(spec))
        _use_system = use_system_fonts
        _system_index = None
        _chains.clear()


def _parse_spec(spec: str) -> tuple[Path, int]:
    path, _, index = spec.partition("#")
    return Path(path).expanduser(), int(index or 0)


def _index_system_fonts() -> dict[str, Path]:
    """Lower-case file name → path of every TrueType file in the font folders (first one wins)."""
    found: dict[str, Path] = {}
    for root in font_search_dirs():
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(dirpath) / name)
    return found


def _register(path: Path, index: int, *, bundled: bool) -> ResolvedFont:
    key = (str(path), index)
    font = _registered.get(key)
    if font is not None:
        return font
    name = f"Inspector-{path.stem}-{index}-{len(_registered)}"
    try:
        tt = TTFont(name, str(path), subfontIndex=index)
    except Exception as exc:  # reportlab raises TTFError, struct.error, OSError …
        raise FontFileError(
            f"无法读取字体文件 {path}：{exc}", f"cannot load font file {path}: {exc}"
        ) from exc
    pdfmetrics.registerFont(tt)
    face = tt.face
    family = getattr(face, "familyName", None) or getattr(face, "name", b"")
    if isinstance(family, bytes):
        family = family.decode("utf-8", "replace")
    font = ResolvedFont(
        name=name,
        path=path,
        subfont_index=index,
        family=str(family or path.stem),
        bundled=bundled,
        cmap=dict(face.charToGlyph),
        widths=dict(face.charWidths),
        default_width=float(face.defaultWidth),
    )
    _registered[key] = font
    return font


def _bundled(file_name: str) -> ResolvedFont:
    path = resource_dir() / "fonts" / file_name
    if not path.is_file():
        raise FontFileError(
            f"找不到随附字体 {path}：安装不完整", f"bundled font {path} is missing: broken installation"
        )
    return _register(path, 0, bundled=True)


def _system_font(role: Role) -> ResolvedFont | None:
    global _system_index
    override = _overrides.get(role)
    env = os.environ.get(ENV_PREFIX + role.name)
    if override is None and env:
        override = _parse_spec(env)
    if override is not None:
        path, index = override
        if not is_truetype(path, index):
            raise FontFileError(
                f"字体文件 {path} 不是 TrueType 字体（或无法读取），不能嵌入 PDF",
                f"font file {path} is not a TrueType font (or unreadable); reportlab cannot embed it",
            )
        return _register(path, index, bundled=False)
    if not _use_system:
        return None
    if _system_index is None:
        _system_index = _index_system_fonts()
    for file_name, index in SYSTEM_CANDIDATES[role]:
        found = _system_index.get(file_name.lower())
        if found is not None and is_truetype(found, index):
            try:
                return _register(found, index, bundled=False)
            except FontFileError:
                continue
    return None


def font_chain(role: Role | str) -> FontChain:
    """The fonts for ``role`` (registered with reportlab on first use, then cached per process)."""
    role = Role(role)
    with _lock:
        chain = _chains.get(role)
        if chain is not None:
            return chain
        primary = _system_font(role) or _bundled(BUNDLED[role])
        fonts_dir = resource_dir() / "fonts"
        fallbacks = [fonts_dir / name for name in FALLBACKS[role]]
        chain = FontChain(role, primary, fallbacks)
        _chains[role] = chain
        return chain


def _as_chain(font: Role | str | FontChain) -> FontChain:
    return font if isinstance(font, FontChain) else font_chain(font)


def missing_glyphs(text: str, font: Role | str | FontChain) -> list[str]:
    """Characters of ``text`` (whitespace aside) that no font of the chain can draw, in order."""
    chain = _as_chain(font)
    out: list[str] = []
    for ch in text:
        if not ch.isspace() and chain.font_for(ch) is None and ch not in out:
            out.append(ch)
    return out


def check_glyphs(text: str, font: Role | str | FontChain, field: str) -> None:
    """Raise :class:`MissingGlyphError` naming the first character of ``text`` that cannot be drawn."""
    chain = _as_chain(font)
    for ch in text:
        if not ch.isspace() and chain.font_for(ch) is None:
            raise MissingGlyphError(ch, field, chain.describe())


def preload(roles: Iterable[Role] = tuple(Role)) -> None:
    """Resolve and register the fonts of ``roles`` now (e.g. in a background thread at start-up)."""
    for role in roles:
        font_chain(role)
