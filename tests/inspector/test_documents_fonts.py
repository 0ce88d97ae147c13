"""Font resolution, embedding and glyph coverage: a missing glyph is an error, never a blank box."""

from __future__ import annotations

import io
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pdfplumber
import pytest

from inspector.documents import fonts
from inspector.documents.fonts import (
    MissingGlyphError,
    Role,
    check_glyphs,
    configure_fonts,
    font_chain,
    is_truetype,
    missing_glyphs,
    resource_dir,
)
from inspector.documents.official import build_notice, build_suggestion
from inspector.documents.records import TalkDoc, build_talk
from inspector.documents.render import render_pdf
from inspector.domain.errors import InspectorError
from inspector.store.store import Store
from tests.inspector.test_documents_builders import filled, user_id  # noqa: F401 - fixtures
from tests.inspector.test_documents_support import (
    font_names,
    notice_doc,
    pdf_text,
    suggestion_doc,
    unembedded_fonts,
)

RARE = "喆堃镕"  # in GBK, not in GB2312: the Fandol faces lack them
JI = "\U00020bb7"  # 𠮷, a CJK Extension B variant of 吉
EXT_C = "\U0002a700"  # 𪜀, CJK Extension C: in none of the bundled fonts
RULER = Path("/work/shared/tools/gbt9704_ruler.py")
FANDOL = (
    "FandolFang-Regular",
    "FandolSong-Regular",
    "FandolSong-Bold",
    "FandolHei-Regular",
    "FandolKai-Regular",
)


@pytest.fixture
def bundled_only() -> Iterator[None]:
    configure_fonts(use_system_fonts=False)
    yield
    configure_fonts()


def test_resources_found_in_the_repo_and_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert (resource_dir() / "fonts" / "FandolFang-Regular.ttf").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_dir() == tmp_path / "resources"


def test_bundled_fonts_are_truetype_and_cff_is_refused(tmp_path: Path) -> None:
    for name in (*fonts.BUNDLED.values(), fonts.UMING, fonts.UKAI, fonts.WQY, fonts.EXT_B):
        assert is_truetype(resource_dir() / "fonts" / name), name
    otf = tmp_path / "NotoSerifCJK.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 60)
    assert not is_truetype(otf)
    assert not is_truetype(tmp_path / "missing.ttf")


def test_roles_use_the_bundled_official_typefaces(bundled_only: None) -> None:
    """仿宋 body, 宋体, 黑体 and 楷体 headings, the title in the boldest Song (GB/T 9704)."""
    assert font_chain(Role.FANGSONG).primary.path.name == "FandolFang-Regular.ttf"
    assert font_chain(Role.SONG).primary.path.name == "FandolSong-Regular.ttf"
    assert font_chain(Role.HEI).primary.path.name == "FandolHei-Regular.ttf"
    assert font_chain(Role.KAI).primary.path.name == "FandolKai-Regular.ttf"
    assert font_chain(Role.TITLE).primary.path.name == "FandolSong-Bold.ttf"
    assert font_chain(Role.FANGSONG) is font_chain("fangsong")  # cached per process


def test_an_override_that_is_not_truetype_is_a_clear_error(tmp_path: Path) -> None:
    otf = tmp_path / "SourceHanSerif.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 60)
    configure_fonts({"fangsong": otf})
    try:
        with pytest.raises(InspectorError, match="TrueType"):
            font_chain(Role.FANGSONG)
    finally:
        configure_fonts()


def test_system_fonts_are_found_by_file_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A "simkai.ttf" in a font folder is used for 楷体 (here: a copy of UKai under that name)."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    (folder / "SIMKAI.TTF").write_bytes((resource_dir() / "fonts" / "ukai.ttc").read_bytes())
    monkeypatch.setattr(fonts, "font_search_dirs", lambda: [folder])
    configure_fonts()
    try:
        chain = font_chain(Role.KAI)
        assert chain.primary.path == folder / "SIMKAI.TTF"
        assert not chain.primary.bundled
    finally:
        configure_fonts()


def test_rare_name_characters_have_glyphs(bundled_only: None) -> None:
    for role in Role:
        chain = font_chain(role)
        assert all(not chain.primary.has(ch) for ch in RARE)  # FandolFang & co. lack them …
        assert missing_glyphs(RARE + JI, role) == []  # … the fallback faces have them
        check_glyphs(f"李喆、王堃、朱镕、{JI}大勇", role, "name")
        assert chain.font_for(JI) is not None and chain.font_for(JI).family == "HanaMinB"  # type: ignore[union-attr]


def test_a_character_without_glyph_names_itself_and_the_field(bundled_only: None) -> None:
    assert missing_glyphs("吉" + JI + EXT_C, Role.FANGSONG) == [EXT_C]
    with pytest.raises(MissingGlyphError) as exc:
        check_glyphs(f"张{EXT_C}", Role.FANGSONG, "detainee.name")
    err = exc.value
    assert err.char == EXT_C and err.codepoint == 0x2A700 and err.field == "detainee.name"
    assert "U+2A700" in err.message_zh and EXT_C in err.message_zh and "detainee.name" in err.message_zh
    assert "U+2A700" in err.message_en and "detainee.name" in err.message_en


def test_documents_print_rare_names_with_real_glyphs(bundled_only: None) -> None:
    """喆 and 𠮷 print (from UMing and HanaMinB), each in the one character's place, and read back:
    the 𠮷 as itself, not as an odd-length code in the ToUnicode map."""
    data = build_notice(
        notice_doc(facts=f"在押人员李{RARE[0]}、王{RARE[1]}、朱{RARE[2]}、{JI}大勇被违规调换监室。")
    )
    text = pdf_text(data)
    assert f"李{RARE[0]}" in text and f"王{RARE[1]}" in text and f"朱{RARE[2]}" in text
    assert f"{JI}大勇" in text
    assert unembedded_fonts(data) == set()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = {c["text"]: c for c in pdf.pages[0].chars}
    assert chars[JI]["fontname"].endswith("+HanaMinB")
    assert chars["喆"]["fontname"].endswith("+UMingCN-0")
    assert chars["李"]["fontname"].endswith("+FandolFang-Regular")
    # every character keeps its grid cell: 𠮷 and 大 one cell apart, like 大 and 勇
    assert abs((chars["大"]["x0"] - chars[JI]["x0"]) - (chars["勇"]["x0"] - chars["大"]["x0"])) < 0.05


def test_a_name_with_an_extension_b_character_prints(bundled_only: None) -> None:
    doc = TalkDoc(
        organisation="七星关区看守所检察室",
        talk_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC),
        person={"name": f"{JI}大勇", "gender": "male"},
        qa_text="问：身体怎么样？\n答：还好。",
    )
    text = pdf_text(build_talk(doc))
    assert f"姓名{JI}大勇" in text


def test_a_builder_refuses_a_name_it_cannot_print(bundled_only: None) -> None:
    doc = TalkDoc(
        organisation="七星关区看守所检察室",
        talk_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC),
        person={"name": f"{EXT_C}大勇", "gender": "male"},
        qa_text="问：身体怎么样？\n答：还好。",
    )
    with pytest.raises(MissingGlyphError) as exc:
        build_talk(doc)
    assert exc.value.char == EXT_C and exc.value.field == "detainee_snapshot"
    with pytest.raises(MissingGlyphError) as exc2:
        build_notice(notice_doc(facts=f"在押人员{EXT_C}大勇被体罚。"))
    assert exc2.value.field == "facts"


def test_fallback_font_is_used_for_a_character_the_first_font_lacks() -> None:
    """A character missing from the role's font but present in another bundled font is drawn from it."""
    chain = font_chain(Role.FANGSONG)
    extra = next(
        chr(cp)
        for cp in range(0x3400, 0x9FFF)
        if cp not in chain.primary.cmap and any(cp in f.cmap for f in chain.fonts[1:])
    )
    found = chain.font_for(extra)
    assert found is not None and found is not chain.primary
    data = build_notice(notice_doc(facts=f"测试字{extra}。"))
    assert extra in pdf_text(data)


def _base(name: str) -> str:
    return name.lstrip("/").split("+", 1)[-1]


def test_each_document_names_its_official_typefaces(
    bundled_only: None,
    store: Store,
    filled: dict[str, uuid.UUID],  # noqa: F811 - the fixture imported above
) -> None:
    """The fonts each PDF names (pypdf): 仿宋 body, the bold Song title, 黑体 labels and headings,
    宋体 page numbers, and another face only for the one character the Fandol faces lack (王喆's 喆)."""
    expected = {
        "notice": {"FandolFang-Regular", "FandolSong-Bold", "FandolSong-Regular"},
        "talk": {"FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular", "FandolKai-Regular"},
        "oral": {"FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular"},
        "mailbox": {"FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular"},
        "daily-log": {"FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular"},
        "monthly-report": {"FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular"},
        "register": {"FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular"},
    }
    keys = {
        "notice": str(filled["notice"]),
        "talk": str(filled["talk"]),
        "oral": str(filled["oral"]),
        "mailbox": str(filled["opening"]),
        "daily-log": "2026-03-10",
        "monthly-report": "2026-03",
        "register": "2026-03-10",
    }
    for kind, key in keys.items():
        data = render_pdf(store, kind, key)
        names = {_base(n) for n in font_names(data)}
        assert expected[kind] <= names, (kind, names)
        others = names - set(FANDOL)
        assert others <= {"UMingCN-0", "WenQuanYiMicroHei"}, (kind, names)
        text = pdf_text(data)
        if others:  # only for 喆
            assert "王喆" in text, (kind, names)
    suggestion = {_base(n) for n in font_names(build_suggestion(suggestion_doc()))}
    assert suggestion == {"FandolFang-Regular", "FandolSong-Bold", "FandolSong-Regular"}


@pytest.mark.parametrize("kind", ["notice", "suggestion", "monthly-report"])
def test_the_ruler_passes_on_the_bundled_typefaces(
    kind: str,
    bundled_only: None,
    store: Store,
    filled: dict[str, uuid.UUID],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    """GB/T 9704 with FandolFang: 28 characters a line, 22 lines a page, inside the block."""
    if not RULER.is_file():
        pytest.skip("the shared GB/T 9704 ruler is not available here")
    if kind == "notice":
        data = build_notice(notice_doc())
    elif kind == "suggestion":
        data = build_suggestion(suggestion_doc())
    else:
        data = render_pdf(store, kind, "2026-03")
    assert "FandolFang-Regular" in {_base(n) for n in font_names(data)}
    out = tmp_path / f"{kind}.pdf"
    out.write_bytes(data)
    result = subprocess.run(
        [sys.executable, str(RULER), str(out)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "GB/T 9704 ok" in result.stdout
