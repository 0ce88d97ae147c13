"""Font resolution, embedding and glyph coverage: a missing glyph is an error, never a blank box."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

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
from inspector.documents.official import build_notice
from inspector.documents.records import TalkDoc, build_talk
from inspector.domain.errors import InspectorError
from tests.inspector.test_documents_support import notice_doc, pdf_text, unembedded_fonts

RARE = "喆堃镕"
JI = "\U00020bb7"  # 𠮷, a CJK Extension B variant of 吉


@pytest.fixture
def bundled_only() -> Iterator[None]:
    configure_fonts(use_system_fonts=False)
    yield
    configure_fonts()


def test_resources_found_in_the_repo_and_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert (resource_dir() / "fonts" / "uming.ttc").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_dir() == tmp_path / "resources"


def test_bundled_fonts_are_truetype_and_cff_is_refused(tmp_path: Path) -> None:
    for name in ("uming.ttc", "ukai.ttc", "wqy-microhei.ttc"):
        assert is_truetype(resource_dir() / "fonts" / name)
    otf = tmp_path / "NotoSerifCJK.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 60)
    assert not is_truetype(otf)
    assert not is_truetype(tmp_path / "missing.ttf")


def test_roles_fall_back_to_the_bundled_fonts(bundled_only: None) -> None:
    assert font_chain(Role.FANGSONG).primary.path.name == "uming.ttc"
    assert font_chain(Role.TITLE).primary is font_chain(Role.SONG).primary
    assert font_chain(Role.KAI).primary.path.name == "ukai.ttc"
    assert font_chain(Role.HEI).primary.path.name == "wqy-microhei.ttc"
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


def test_rare_name_characters_have_glyphs() -> None:
    for role in Role:
        assert missing_glyphs(RARE, role) == []
        check_glyphs("李喆、王堃、朱镕", role, "name")


def test_a_character_without_glyph_names_itself_and_the_field() -> None:
    assert missing_glyphs("吉" + JI, Role.FANGSONG) == [JI]
    with pytest.raises(MissingGlyphError) as exc:
        check_glyphs(f"张{JI}", Role.FANGSONG, "detainee.name")
    err = exc.value
    assert err.char == JI and err.codepoint == 0x20BB7 and err.field == "detainee.name"
    assert "U+20BB7" in err.message_zh and JI in err.message_zh and "detainee.name" in err.message_zh
    assert "U+20BB7" in err.message_en and "detainee.name" in err.message_en


def test_documents_print_rare_names_with_real_glyphs() -> None:
    data = build_notice(notice_doc(facts=f"在押人员李{RARE[0]}、王{RARE[1]}、朱{RARE[2]}被违规调换监室。"))
    text = pdf_text(data)
    assert f"李{RARE[0]}" in text and f"王{RARE[1]}" in text and f"朱{RARE[2]}" in text
    assert unembedded_fonts(data) == set()


def test_a_builder_refuses_a_name_it_cannot_print() -> None:
    doc = TalkDoc(
        organisation="七星关区看守所检察室",
        talk_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC),
        person={"name": f"{JI}大勇", "gender": "male"},
        qa_text="问：身体怎么样？\n答：还好。",
    )
    with pytest.raises(MissingGlyphError) as exc:
        build_talk(doc)
    assert exc.value.char == JI and exc.value.field == "detainee_snapshot"
    with pytest.raises(MissingGlyphError) as exc2:
        build_notice(notice_doc(facts=f"在押人员{JI}大勇被体罚。"))
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
