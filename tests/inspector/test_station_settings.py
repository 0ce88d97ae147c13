"""Station settings as a person changes them: listed with labels and defaults, validated with the
station's other settings (a refusal names the setting and writes nothing), stored as synced rows,
reset to the default — from the core and from ``inspector settings``."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector import station_settings
from inspector.cli import main
from inspector.documents.numbering import numbering_settings
from inspector.domain.errors import ValidationError
from inspector.domain.settings import ROLLOVER_RULES, RuleSettings
from inspector.station_setup import FirstUser, initialise
from inspector.store.models import StationSetting, SyncOutbox
from inspector.store.store import Store
from tests.conftest import STATION


def rows(store: Store) -> list[tuple[str, object, bool]]:
    with store.session(read_only=True) as s:
        found = s.execute(select(StationSetting.key, StationSetting.value, StationSetting.deleted_at)).all()
    return sorted((k, v, d is None) for k, v, d in found)


def test_every_setting_is_listed_with_a_label_and_its_default(store: Store) -> None:
    views = {v.key: v for v in station_settings.list_settings(store)}
    assert set(views) == set(station_settings.known_keys())
    assert len([k for k in views if k.startswith("holiday_rollover.")]) == len(ROLLOVER_RULES)
    for v in views.values():
        assert v.label and not v.overridden and v.value == v.default
    assert views["notice_reply_days"].value == 15
    assert views["doc_number_pattern"].value == "{agency}检{dept}{type}〔{year}〕{n}号"


def test_a_valid_value_is_stored_synced_and_read_by_the_rules(store: Store) -> None:
    outbox_before = _outbox(store)
    view = station_settings.set_setting(store, "patrols_per_week_min", 3)
    assert view.overridden and view.value == 3 and view.default == 2
    assert rows(store) == [("patrols_per_week_min", 3, True)]
    assert _outbox(store) == outbox_before + 1  # a synced row: the office gets it
    stored = station_settings.stored_overrides(store)
    assert RuleSettings.from_mapping(stored).patrols_per_week_min == 3
    station_settings.set_setting(store, "holiday_rollover.notice_reply", False)
    assert (
        RuleSettings.from_mapping(station_settings.stored_overrides(store)).holiday_rollover["notice_reply"]
        is False
    )


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("patrols_per_week_min", "abc", "整数"),
        ("first_instance_warning_months", 5, "不能晚于"),  # checked with the other settings
        ("holiday_rollover.no_such_rule", True, "未知的设置项"),
        ("no_such_setting", 1, "未知的设置项"),
        ("doc_number_pattern", "{agency}{n}号", "{year}"),
        ("doc_number_pattern", "{agency}{x}〔{year}〕{n}号", "占位符"),
        ("doc_dept_code", "", "1至8个字"),
        ("doc_type_codes", {"memo": "备"}, "文书类型"),
    ],
)
def test_a_bad_value_is_refused_naming_the_setting_and_nothing_is_written(
    store: Store, key: str, value: object, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        station_settings.set_setting(store, key, value)
    assert caught.value.errors[0].field == key and key in caught.value.message_zh
    assert words in caught.value.message_zh
    assert rows(store) == []


def test_reset_returns_to_the_default_and_a_later_set_reuses_the_row(store: Store) -> None:
    station_settings.set_setting(store, "notice_reply_days", 20)
    assert station_settings.reset_setting(store, "notice_reply_days") is True
    assert rows(store) == [("notice_reply_days", 20, False)]  # soft-deleted: the office learns of it
    assert station_settings.reset_setting(store, "notice_reply_days") is False
    view = next(v for v in station_settings.list_settings(store) if v.key == "notice_reply_days")
    assert view.value == 15 and not view.overridden
    station_settings.set_setting(store, "notice_reply_days", 30)
    assert rows(store) == [("notice_reply_days", 30, True)]  # one row per key (unique), restored


def test_numbering_settings_shape_the_document_number(store: Store) -> None:
    station_settings.set_setting(store, "doc_dept_code", "执检")
    station_settings.set_setting(store, "doc_type_codes", {"rectification_notice": "纠"})
    with store.session(read_only=True) as s:
        numbers = numbering_settings(s, store.station_id)
    assert numbers.format("rectification_notice", 2026, 3) == f"{STATION['agency_code']}检执检纠〔2026〕3号"


def test_parse_value_reads_json_or_keeps_text() -> None:
    assert station_settings.parse_value("3") == 3
    assert station_settings.parse_value("false") is False
    assert station_settings.parse_value('["a", "b"]') == ["a", "b"]
    assert station_settings.parse_value("执检") == "执检"


def test_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    initialise(d, STATION, FirstUser("wang", "王检察官", "secret-pass-1")).close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def run(*words: str) -> tuple[int, str, str]:
        code = main(["settings", *words, "--data-dir", str(d)])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run()
    assert code == 0 and "notice_reply_days = 15" in out and "纠正违法通知书" in out
    code, out, _ = run("set", "talks_per_week_min", "3")
    assert code == 0 and "= 3" in out
    code, out, _ = run("talks_per_week_min")
    assert code == 0 and out.startswith("* talks_per_week_min = 3（默认 2）")
    code, _, err = run("set", "talks_per_week_min", "-1")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "talks_per_week_min" in err
    code, _, err = run("nosuch")
    assert code == 2 and "nosuch" in err
    code, _, err = run("set", "talks_per_week_min")
    assert code == 2 and "用法" in err
    assert run("reset", "talks_per_week_min")[0] == 0
    assert run("talks_per_week_min")[1].startswith("  talks_per_week_min = 2")


def _outbox(store: Store) -> int:
    with store.session(read_only=True) as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)


# ---- the documents' editable wording -----------------------------------------------------------------


def test_a_stations_wording_replaces_the_default_sentences(store: Store) -> None:
    from inspector.documents.official import build_notice, build_suggestion
    from inspector.documents.wording import load_wording
    from tests.inspector.test_documents_support import notice_doc, pdf_text, suggestion_doc

    station_settings.set_setting(
        store, "wording.notice_reply", "请你所于收到本通知书之日起{days}日内将纠正结果书面回复本院。"
    )
    station_settings.set_setting(store, "wording.suggestion_closing", "特此建议")
    with store.session(read_only=True) as s:
        w = load_wording(s, store.station_id)
    notice = pdf_text(build_notice(notice_doc(reply_period_days=20, wording=w)))
    assert "请你所于收到本通知书之日起二十日内将纠正结果书面回复本院。" in notice
    assert "请在收到本通知书后" not in notice
    assert "本院认为，上述行为违反了" in notice  # the sentences not changed keep the default
    suggestion = pdf_text(build_suggestion(suggestion_doc(wording=w)))
    assert "特此建议" in suggestion and "此致" not in suggestion
    # back to the default
    station_settings.reset_setting(store, "wording.notice_reply")
    with store.session(read_only=True) as s:
        w = load_wording(s, store.station_id)
    assert "请在收到本通知书后二十日内" in pdf_text(build_notice(notice_doc(reply_period_days=20, wording=w)))


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("wording.notice_reply", "请尽快书面回复本院。", "{days}"),  # the period may never be dropped
        ("wording.notice_reasons", "本院认为违反了{violated}和{other}。", "other"),
        ("wording.suggestion_reply", "请在{months个月内回复。", "花括号"),
        ("wording.suggestion_closing", "", "非空"),
        ("confidential_pseudonym", "某人", "{}"),
        ("doc_number_align", "left", "center"),
    ],
)
def test_document_settings_refuse_what_would_print_wrongly(
    store: Store, key: str, value: object, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        station_settings.set_setting(store, key, value)
    assert caught.value.errors[0].field == key and words in caught.value.message_zh
    assert rows(store) == []


def test_every_template_default_passes_its_own_check() -> None:
    from inspector.documents import wording

    for key, template in wording.TEMPLATES.items():
        assert wording.check(key, template.default) is None, key
