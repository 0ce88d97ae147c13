"""The declarative record validation layer and the error types."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.domain import (
    SHANGHAI,
    DateOrder,
    FieldError,
    FieldSpec,
    InspectorError,
    RecordSpec,
    ValidationError,
    birth_date_matches_id,
    gender_matches_id,
    id_number_check,
    is_empty,
    local_date,
    make_id_number,
    not_in_future,
)

TODAY = date(2025, 6, 15)
ID = make_id_number("110105", date(1980, 5, 17), 123)  # male (3 is odd)

DETAINEE = RecordSpec(
    kind="detainee",
    label_zh="在押人员",
    fields=(
        FieldSpec("name", "姓名", required=True, max_length=50),
        FieldSpec("gender", "性别", required=True, choices=frozenset({"male", "female"})),
        FieldSpec("id_number", "身份证号", max_length=18),
        FieldSpec("birth_date", "出生日期"),
        FieldSpec("admitted_at", "入所时间", required=True),
        FieldSpec("discharged_on", "出所日期"),
        FieldSpec("cell_no", "监室号", max_length=10),
        FieldSpec("age", "年龄", min_value=0, max_value=150),
    ),
    orders=(
        DateOrder("birth_date", "admitted_at"),
        DateOrder("admitted_at", "discharged_on"),
    ),
    checks=(
        id_number_check(),
        birth_date_matches_id(),
        gender_matches_id(),
        not_in_future("admitted_at", "入所时间"),
        not_in_future("birth_date", "出生日期"),
    ),
)


def valid() -> dict[str, object]:
    return {
        "name": "张三",
        "gender": "male",
        "id_number": ID,
        "birth_date": date(1980, 5, 17),
        "admitted_at": datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        "discharged_on": None,
        "cell_no": "101",
        "age": 45,
    }


def errs(values: Mapping[str, object], *, partial: bool = False) -> list[FieldError]:
    return DETAINEE.errors(values, today=TODAY, partial=partial)


def by_field(values: Mapping[str, object], *, partial: bool = False) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in errs(values, partial=partial):
        out.setdefault(e.field, []).append(e.message_zh)
    return out


# --- errors.py ----------------------------------------------------------------------------------------


def test_inspector_error_messages() -> None:
    e = InspectorError("数据库已锁定", "database is locked")
    assert (e.message_zh, e.message_en) == ("数据库已锁定", "database is locked")
    assert str(e) == "数据库已锁定 / database is locked"
    assert isinstance(e, Exception)


def test_field_error_str() -> None:
    fe = FieldError("name", "姓名为必填项", "name is required")
    assert str(fe) == "name: 姓名为必填项 / name is required"
    with pytest.raises(AttributeError):
        fe.field = "x"  # type: ignore[misc]


def test_validation_error_lists_each_error_with_kind_prefix() -> None:
    a = FieldError("id_number", "身份证号校验位错误（应为X）", "ID number check digit is wrong (expected X)")
    b = FieldError("name", "姓名为必填项", "name is required")
    e = ValidationError("detainee", [a, b])
    assert isinstance(e, InspectorError)
    assert e.errors == (a, b)
    assert e.record_kind == "detainee"
    assert str(e) == (
        "detainee: id_number: 身份证号校验位错误（应为X） / ID number check digit is wrong (expected X); "
        "name: 姓名为必填项 / name is required"
    )
    assert e.message_zh == "身份证号校验位错误（应为X）；姓名为必填项"
    assert (
        e.message_en
        == "detainee: id_number: ID number check digit is wrong (expected X); name: name is required"
    )
    assert e.for_field("name") == (b,)


def test_validation_error_needs_errors() -> None:
    with pytest.raises(ValueError):
        ValidationError("detainee", [])


def test_validation_error_pickles_and_copies() -> None:
    e = ValidationError("detainee", [FieldError("name", "姓名为必填项", "name is required")])
    for clone in (pickle.loads(pickle.dumps(e)), copy.copy(e)):
        assert isinstance(clone, ValidationError)
        assert clone.errors == e.errors
        assert str(clone) == str(e)


# --- the happy path -----------------------------------------------------------------------------------


def test_valid_record_passes() -> None:
    assert errs(valid()) == []
    DETAINEE.validate(valid(), today=TODAY)


def test_keys_not_in_spec_are_ignored() -> None:
    assert errs({**valid(), "id": 7, "created_at": "whatever"}) == []


# --- required -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000", "\t\n"])
def test_required_empty_values(empty: object) -> None:
    assert by_field({**valid(), "name": empty}) == {"name": ["姓名为必填项"]}


def test_required_missing_key() -> None:
    values = valid()
    del values["name"]
    [e] = errs(values)
    assert str(e) == "name: 姓名为必填项 / name is required"


def test_is_empty() -> None:
    assert is_empty(None) and is_empty("") and is_empty("  ")
    assert not is_empty(0) and not is_empty(False) and not is_empty("a") and not is_empty(date(2000, 1, 1))


def test_validate_raises_with_all_errors() -> None:
    with pytest.raises(ValidationError) as info:
        DETAINEE.validate({**valid(), "name": "", "gender": "x"}, today=TODAY)
    assert info.value.record_kind == "detainee"
    assert [e.field for e in info.value.errors] == ["name", "gender"]
    assert str(info.value).startswith("detainee: name: 姓名为必填项 / name is required; gender: ")


def test_empty_optional_fields_skip_other_rules() -> None:
    assert errs({**valid(), "cell_no": "   ", "age": None, "id_number": ""}) == []


# --- partial updates ----------------------------------------------------------------------------------


def test_partial_update_does_not_require_absent_keys() -> None:
    assert errs({"cell_no": "202"}, partial=True) == []
    assert errs({}, partial=True) == []


def test_partial_update_present_but_empty_is_an_error() -> None:
    assert by_field({"name": "  "}, partial=True) == {"name": ["姓名为必填项"]}


def test_partial_update_still_checks_present_values() -> None:
    assert by_field({"cell_no": "12345678901", "gender": "unknown"}, partial=True) == {
        "gender": ["性别取值无效：unknown"],
        "cell_no": ["监室号不能超过10个字"],
    }


def test_partial_update_checks_order_only_when_both_keys_present() -> None:
    assert errs({"discharged_on": date(2000, 1, 1)}, partial=True) == []
    assert by_field({"admitted_at": date(2025, 3, 1), "discharged_on": date(2025, 2, 28)}, partial=True) == {
        "discharged_on": ["出所日期不能早于入所时间"]
    }


def test_full_validation_requires_all_required_fields() -> None:
    assert set(by_field({})) == {"name", "gender", "admitted_at"}


# --- lengths ------------------------------------------------------------------------------------------


def test_length_counts_characters_not_bytes() -> None:
    fifty = "欧阳" * 25
    assert len(fifty.encode("utf-8")) == 150
    assert errs({**valid(), "name": fifty}) == []
    [e] = errs({**valid(), "name": fifty + "娜"})
    assert e.message_zh == "姓名不能超过50个字"
    assert e.message_en == "name must be at most 50 characters"


def test_length_counts_supplementary_plane_characters_once() -> None:
    rare = "𠀀" * 50  # CJK Extension B: 4 bytes in UTF-8, 2 UTF-16 code units, 1 character
    assert errs({**valid(), "name": rare}) == []
    assert by_field({**valid(), "name": rare + "𠀀"}) == {"name": ["姓名不能超过50个字"]}


def test_length_rule_on_non_text() -> None:
    assert by_field({**valid(), "cell_no": 101}) == {"cell_no": ["监室号应为文本"]}


# --- choices ------------------------------------------------------------------------------------------


def test_invalid_choice_message() -> None:
    [e] = errs({**valid(), "gender": "xx"})
    assert str(e) == "gender: 性别取值无效：xx / gender has an invalid value: xx"


def test_choice_must_be_a_string() -> None:
    assert by_field({**valid(), "gender": 1}) == {"gender": ["性别取值无效：1"]}


def test_str_enum_members_are_accepted_as_choices() -> None:
    from enum import StrEnum

    class G(StrEnum):
        MALE = "male"

    assert errs({**valid(), "gender": G.MALE}) == []


# --- integer ranges -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, {}),
        (150, {}),
        (-1, {"age": ["年龄不能小于0"]}),
        (151, {"age": ["年龄不能大于150"]}),
        ("45", {"age": ["年龄应为整数"]}),
        (True, {"age": ["年龄应为整数"]}),
        (45.0, {"age": ["年龄应为整数"]}),
    ],
)
def test_int_range(age: object, expected: dict[str, list[str]]) -> None:
    assert by_field({**valid(), "age": age}) == expected


def test_int_range_english() -> None:
    [e] = errs({**valid(), "age": 200})
    assert e.message_en == "age must be at most 150"


# --- date orders --------------------------------------------------------------------------------------


def test_order_message_uses_both_labels_and_both_names() -> None:
    [e] = errs({**valid(), "admitted_at": date(2025, 3, 1), "discharged_on": date(2025, 2, 28)})
    assert e.field == "discharged_on"
    assert e.message_zh == "出所日期不能早于入所时间"
    assert e.message_en == "discharged_on must not be before admitted_at"


def test_order_equal_dates_allowed_unless_strict() -> None:
    values = {"a": date(2025, 1, 1), "b": date(2025, 1, 1)}
    fields = (FieldSpec("a", "开始日期"), FieldSpec("b", "结束日期"))
    lax = RecordSpec("x", "测试", fields, orders=(DateOrder("a", "b"),))
    strict = RecordSpec("x", "测试", fields, orders=(DateOrder("a", "b", strict=True),))
    assert lax.errors(values, today=TODAY) == []
    [e] = strict.errors(values, today=TODAY)
    assert (e.field, e.message_zh, e.message_en) == ("b", "结束日期必须晚于开始日期", "b must be after a")
    assert strict.errors({"a": date(2025, 1, 1), "b": date(2025, 1, 2)}, today=TODAY) == []


def test_order_date_vs_aware_datetime_uses_shanghai_date() -> None:
    # 2025-03-01 17:00 UTC is 2025-03-02 01:00 in Shanghai: admitted on the 2nd, local time.
    admitted = datetime(2025, 3, 1, 17, 0, tzinfo=UTC)
    assert by_field({**valid(), "admitted_at": admitted, "discharged_on": date(2025, 3, 1)}) == {
        "discharged_on": ["出所日期不能早于入所时间"]
    }
    assert errs({**valid(), "admitted_at": admitted, "discharged_on": date(2025, 3, 2)}) == []
    # 2025-03-01 15:59 UTC is still the 1st in Shanghai.
    early = datetime(2025, 3, 1, 15, 59, tzinfo=UTC)
    assert errs({**valid(), "admitted_at": early, "discharged_on": date(2025, 3, 1)}) == []


def test_order_two_datetimes_compare_directly() -> None:
    spec = RecordSpec(
        "visit",
        "会见",
        (FieldSpec("start", "开始时间"), FieldSpec("end", "结束时间")),
        orders=(DateOrder("start", "end"),),
    )
    start = datetime(2025, 3, 1, 10, 0, tzinfo=SHANGHAI)
    assert spec.errors({"start": start, "end": start + timedelta(minutes=1)}, today=TODAY) == []
    [e] = spec.errors({"start": start, "end": start - timedelta(minutes=1)}, today=TODAY)
    assert e.message_zh == "结束时间不能早于开始时间"
    # Different zones, same instant ordering: 02:30 UTC is 10:30 Shanghai, after the start.
    assert spec.errors({"start": start, "end": datetime(2025, 3, 1, 2, 30, tzinfo=UTC)}, today=TODAY) == []
    # A naive datetime is taken as Shanghai wall-clock time (no TypeError for naive vs aware).
    assert spec.errors({"start": start, "end": datetime(2025, 3, 1, 10, 5)}, today=TODAY) == []
    assert len(spec.errors({"start": start, "end": datetime(2025, 3, 1, 9, 55)}, today=TODAY)) == 1


def test_order_skips_when_either_side_is_empty() -> None:
    assert errs({**valid(), "discharged_on": None}) == []
    assert errs({**valid(), "discharged_on": ""}) == []


def test_order_on_non_dates_reports_type() -> None:
    assert by_field({**valid(), "discharged_on": "2025-01-01"}) == {"discharged_on": ["出所日期应为日期"]}


def test_birth_after_admission() -> None:
    values = {**valid(), "birth_date": date(2025, 3, 2), "id_number": None}
    assert by_field(values) == {"admitted_at": ["入所时间不能早于出生日期"]}


@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2030, 1, 1),
        timezones=st.sampled_from([UTC, SHANGHAI, timezone(timedelta(hours=-5))]),
    ),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
)
def test_order_date_vs_datetime_property(admitted: datetime, discharged: date) -> None:
    values = {"admitted_at": admitted, "discharged_on": discharged}
    spec = RecordSpec(
        "x",
        "测试",
        (FieldSpec("admitted_at", "入所时间"), FieldSpec("discharged_on", "出所日期")),
        orders=(DateOrder("admitted_at", "discharged_on"),),
    )
    bad = discharged < admitted.astimezone(SHANGHAI).date()
    assert bool(spec.errors(values, today=TODAY)) == bad


# --- not_in_future ------------------------------------------------------------------------------------


def test_not_in_future_message() -> None:
    [e] = errs({**valid(), "admitted_at": date(2025, 6, 16)})
    assert (e.field, e.message_zh, e.message_en) == (
        "admitted_at",
        "入所时间不能晚于今天",
        "admitted_at must not be after today",
    )
    assert errs({**valid(), "admitted_at": TODAY}) == []


def test_not_in_future_aware_datetime_uses_shanghai_date() -> None:
    # 2025-06-15 16:30 UTC = 2025-06-16 00:30 in Shanghai: tomorrow there.
    assert by_field({**valid(), "admitted_at": datetime(2025, 6, 15, 16, 30, tzinfo=UTC)}) == {
        "admitted_at": ["入所时间不能晚于今天"]
    }
    assert errs({**valid(), "admitted_at": datetime(2025, 6, 15, 15, 30, tzinfo=UTC)}) == []


def test_not_in_future_default_label_and_today_as_datetime() -> None:
    check = not_in_future("happened_on")
    assert check({"happened_on": date(2025, 6, 16)}, TODAY)[0].message_zh == "日期不能晚于今天"
    assert check({}, TODAY) == []
    assert check({"happened_on": "x"}, TODAY)[0].message_zh == "日期应为日期"
    # A datetime "today" is reduced to its Shanghai date rather than raising TypeError.
    assert check({"happened_on": date(2025, 6, 16)}, datetime(2025, 6, 15, 16, 30, tzinfo=UTC)) == []


def test_local_date() -> None:
    assert local_date(date(2025, 1, 1)) == date(2025, 1, 1)
    assert local_date(datetime(2024, 12, 31, 16, 0, tzinfo=UTC)) == date(2025, 1, 1)
    assert local_date(datetime(2024, 12, 31, 23, 0)) == date(2024, 12, 31)


# --- ID number checks ---------------------------------------------------------------------------------


def test_id_number_check_reports_id_errors() -> None:
    bad = ID[:17] + ("0" if ID[17] != "0" else "1")
    [e] = errs({**valid(), "id_number": bad})
    assert e.field == "id_number"
    assert e.message_zh == f"身份证号校验位错误（应为{ID[17]}）"


def test_id_number_check_custom_field() -> None:
    check = id_number_check("guardian_id")
    [e] = check({"guardian_id": "123"}, TODAY)
    assert e.field == "guardian_id"
    assert check({"guardian_id": None}, TODAY) == []
    assert check({}, TODAY) == []
    assert check({"guardian_id": 123}, TODAY)[0].message_zh == "身份证号应为文本"


def test_id_number_lowercase_x_passes() -> None:
    n = make_id_number("110105", date(1949, 12, 31), 2)
    assert n.endswith("X")
    values = {**valid(), "id_number": n.lower(), "birth_date": date(1949, 12, 31), "gender": "female"}
    assert errs(values) == []


def test_birth_date_must_match_id() -> None:
    [e] = errs({**valid(), "birth_date": date(1980, 5, 18)})
    assert (e.field, e.message_zh) == ("birth_date", "出生日期与身份证号不一致")
    assert "birth_date" in e.message_en and "id_number" in e.message_en


def test_birth_date_match_skipped_when_either_missing_or_id_malformed() -> None:
    check = birth_date_matches_id()
    assert check({"id_number": ID}, TODAY) == []
    assert check({"birth_date": date(1999, 1, 1)}, TODAY) == []
    assert check({"id_number": "123", "birth_date": date(1999, 1, 1)}, TODAY) == []
    # Partial update carrying both: checked.
    assert by_field({"id_number": ID, "birth_date": date(1999, 1, 1)}, partial=True) == {
        "birth_date": ["出生日期与身份证号不一致"]
    }


def test_gender_must_match_id() -> None:
    [e] = errs({**valid(), "gender": "female"})
    assert (e.field, e.message_zh) == ("gender", "性别与身份证号不一致")
    assert gender_matches_id()({"id_number": ID, "gender": "unknown"}, TODAY) == []
    assert gender_matches_id()({"gender": "female"}, TODAY) == []


def test_one_bad_id_does_not_cascade_into_mismatch_errors() -> None:
    values = {**valid(), "id_number": "11010519800230123X"}  # 30 Feb: the ID is wrong, report only that
    assert set(by_field(values)) == {"id_number"}


# --- messages name the field in both languages --------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"name": ""},
        {"name": "张" * 51},
        {"gender": "xx"},
        {"discharged_on": date(2025, 1, 1)},
        {"admitted_at": date(2030, 1, 1), "discharged_on": date(2030, 1, 2)},
        {"age": -3},
    ],
)
def test_messages_contain_chinese_label_and_english_field_name(change: dict[str, object]) -> None:
    labels = {f.name: f.label_zh for f in DETAINEE.fields}
    found = errs({**valid(), **change})
    assert found
    for e in found:
        assert labels[e.field] in e.message_zh
        assert e.field in e.message_en


# --- spec construction --------------------------------------------------------------------------------


def test_spec_rejects_unknown_order_fields_and_duplicates() -> None:
    with pytest.raises(ValueError):
        RecordSpec("x", "测试", (FieldSpec("a", "甲"),), orders=(DateOrder("a", "b"),))
    with pytest.raises(ValueError):
        RecordSpec("x", "测试", (FieldSpec("a", "甲"), FieldSpec("a", "乙")))
    with pytest.raises(ValueError):
        FieldSpec("a", "甲", max_length=0)
    with pytest.raises(ValueError):
        FieldSpec("a", "甲", min_value=5, max_value=1)


def test_errors_are_deduplicated() -> None:
    spec = RecordSpec(
        "x",
        "测试",
        (FieldSpec("a", "开始"), FieldSpec("b", "中间"), FieldSpec("c", "结束")),
        orders=(DateOrder("a", "c"), DateOrder("b", "c")),
    )
    # "c" is not a date: both orders would report it, once is enough.
    found = spec.errors({"a": date(2025, 1, 1), "b": date(2025, 1, 1), "c": "x"}, today=TODAY)
    assert found == [FieldError("c", "结束应为日期", "c must be a date")]
