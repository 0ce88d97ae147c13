"""Clean text only (issue #11, item 6): control, zero-width and bidi characters are refused in names,
station codes, document wording and settings; one-line fields hold one line; several-line texts are
bounded like at the office; lease years and counts are bounded.
"""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from inspector.cli import main
from inspector.domain.errors import ValidationError
from inspector.domain.records import STATION
from inspector.domain.validation import LONG_TEXT_MAX, text_errors
from inspector.store.models import Detainee
from inspector.store.store import Store
from inspector.sync import office
from inspector.sync.errors import OfficeAdminError
from tests.conftest import STATION as STATION_VALUES
from tests.conftest import detainee_values

TODAY = date(2026, 6, 1)
INVISIBLE = {
    "bell": "\x07",
    "escape": "\x1b",
    "nul": "\x00",
    "delete": "\x7f",
    "c1": "\x85",
    "zero-width-space": "\u200b",
    "zero-width-joiner": "\u200d",
    "rtl-mark": "\u200f",
    "rtl-override": "\u202e",
    "ltr-embedding": "\u202a",
    "rtl-isolate": "\u2067",
    "word-joiner": "\u2060",
    "bom": "\ufeff",
    "soft-hyphen": "\u00ad",
    "line-separator": "\u2028",
}
URL_NOWHERE = "host=127.0.0.1 port=1 dbname=none connect_timeout=1"


@pytest.mark.parametrize("ch", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_are_refused_in_a_station_name_and_code(ch: str) -> None:
    for field in ("name", "code", "agency_code"):
        values = {**STATION_VALUES, field: f"七{ch}星"}
        with pytest.raises(ValidationError) as exc:
            STATION.validate(values, today=TODAY)
        [error] = exc.value.errors
        assert error.field == field and f"U+{ord(ch):04X}" in error.message_en and "第2字" in error.message_zh


def test_one_line_fields_refuse_line_breaks_and_tabs_long_texts_keep_them() -> None:
    for text in ("七星\n关", "七星\r关", "七星\t关"):
        with pytest.raises(ValidationError, match="must be one line"):
            STATION.validate({**STATION_VALUES, "name": text}, today=TODAY)
    assert text_errors("facts", "事实", "第一行\r\n第二行\t缩进", one_line=False) == []
    assert text_errors("name", "姓名", "张三 · 买买提", one_line=True) == []  # ordinary punctuation passes


def test_records_refuse_hidden_characters_in_fields_the_spec_does_not_name(store: Store) -> None:
    """The wording of a document and a detainee's notes are not in the spec's field list; they are
    checked all the same, and a list of texts item by item."""
    repo = store.repo(Detainee)
    with pytest.raises(ValidationError) as exc:
        repo.add(detainee_values(notes="已核实\u202e情况"))
    assert exc.value.errors[0].field == "notes"
    with pytest.raises(ValidationError, match="must be at most 50000 characters"):
        repo.add(detainee_values(notes="字" * (LONG_TEXT_MAX + 1)))
    with pytest.raises(ValidationError) as exc:
        STATION.validate({**STATION_VALUES, "areas": ["一监区", "二\u200b监区"]}, today=TODAY)
    assert exc.value.errors[0].field == "areas"
    repo.add(detainee_values(notes="第一行\n第二行"))
    assert [d.notes for d in repo.list()] == ["第一行\n第二行"]


def cli(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_init_refuses_a_hidden_character_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    argv = [
        "init", "--data-dir", str(d), "--station-code", "QXG", "--station-name", "七星关\u202e检察室",
        "--procuratorate", "院", "--detention-center", "所", "--agency-code", "七", "--user", "wang",
        "--password-stdin",
    ]  # fmt: skip
    assert cli(argv, monkeypatch, "secret-pass-1\n") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "U+202E" in err and "检察室名称" in err
    assert not d.exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("doc_number_pattern", "{agency}检\u200b{type}〔{year}〕{n}号"),
        ("doc_number_pattern", "{agency}检\n{type}〔{year}〕{n}号"),
        ("doc_number_pattern", "{agency}" + "检" * 60 + "〔{year}〕{n}号"),
        ("doc_dept_code", "刑\u202e执"),
        ("doc_type_codes", '{"rectification_notice": "纠\\u200b违", "procuratorial_suggestion": "建"}'),
        ("wording.notice_reasons", "经检察发现\x07，"),
        ("wording.notice_reasons", "长" * 5000),
    ],
    ids=[
        "pattern-zw",
        "pattern-newline",
        "pattern-long",
        "dept-rlo",
        "type-codes-zw",
        "wording-bell",
        "wording-long",
    ],
)
def test_settings_refuse_hidden_characters_and_overlong_text(
    key: str, value: str, store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(store.data_dir)
    store.close()
    assert cli(["settings", "--data-dir", data_dir, "set", key, value], monkeypatch) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and key in err, err
    assert cli(["settings", "--data-dir", data_dir, "list", key], monkeypatch) == 0
    assert "*" not in capsys.readouterr().out.split("\n")[0]  # still the default


def test_office_names_and_leases_are_bounded_before_connecting() -> None:
    with pytest.raises(ValidationError, match="U\\+200B"):
        office.add_station(URL_NOWHERE, "QX\u200bG", "七星关")
    with pytest.raises(ValidationError, match="one line"):
        office.add_device(URL_NOWHERE, "QXG", "王的\n笔记本")
    with pytest.raises(OfficeAdminError, match="year must be"):
        office.grant_lease(URL_NOWHERE, "QXG", "笔记本", "rectification_notice", 9999, 50)
    with pytest.raises(OfficeAdminError, match="year must be"):
        office.grant_lease(URL_NOWHERE, "QXG", "笔记本", "rectification_notice", 1, 50)
    with pytest.raises(OfficeAdminError, match="at most 10000"):
        office.grant_lease(URL_NOWHERE, "QXG", "笔记本", "rectification_notice", 2027, 100_000_000)
    with pytest.raises(OfficeAdminError, match="numbers go up to"):
        office.grant_lease(URL_NOWHERE, "QXG", "笔记本", "rectification_notice", 2027, 50, first=2**31 - 10)
