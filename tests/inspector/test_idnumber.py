"""Resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2)."""

from __future__ import annotations

import string
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.domain import (
    FieldError,
    birth_date_from_id,
    check_digit,
    gender_from_id,
    make_id_number,
    normalise_id_number,
    validate_id_number,
)

TODAY = date(2025, 6, 15)

# Verified by hand and by the independent definition below.
KNOWN_VALID = [
    "11010519491231002X",  # the textbook example in GB 11643-1999
    "440308199901011234",
    "310104198507150420",
    "650102200102280070",
]


def iso7064_ok(n: str) -> bool:
    """ISO 7064 MOD 11-2 as defined: sum(a_i * 2^(17-i)) over all 18 characters ≡ 1 (mod 11), X = 10."""
    values = [10 if c == "X" else int(c) for c in n]
    return sum(a * pow(2, 17 - i, 11) for i, a in enumerate(values)) % 11 == 1


def messages(errors: list[FieldError]) -> list[str]:
    return [e.message_zh for e in errors]


# --- known numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("n", KNOWN_VALID)
def test_known_valid_numbers(n: str) -> None:
    assert validate_id_number(n, today=TODAY) == []
    assert iso7064_ok(n)
    assert check_digit(n[:17]) == n[17]


def test_textbook_example_fields() -> None:
    n = "11010519491231002X"
    assert birth_date_from_id(n) == date(1949, 12, 31)
    assert gender_from_id(n) == "female"  # 17th digit 2
    assert gender_from_id("440308199901011234") == "male"  # 17th digit 3


def test_weights_are_powers_of_two_mod_11() -> None:
    # The standard's weights W_i = 2^(18-i) mod 11 — make sure the table we compute with agrees.
    from inspector.domain import idnumber

    assert tuple(pow(2, 17 - i, 11) for i in range(17)) == idnumber._WEIGHTS


# --- normalisation -----------------------------------------------------------------------------------


def test_lowercase_x_is_accepted_and_normalised() -> None:
    assert validate_id_number("11010519491231002x", today=TODAY) == []
    assert normalise_id_number("11010519491231002x") == "11010519491231002X"


def test_spaces_and_full_width_are_normalised() -> None:
    assert normalise_id_number(" 110105 19491231 002x ") == "11010519491231002X"
    assert normalise_id_number("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"
    assert normalise_id_number("110105\u300019491231002X") == "11010519491231002X"
    assert validate_id_number(" 110105 19491231 002x ", today=TODAY) == []


# --- every kind of error -----------------------------------------------------------------------------


@pytest.mark.parametrize("n", ["", "1101051949123100", "11010519491231002X1", "123"])
def test_wrong_length(n: str) -> None:
    errors = validate_id_number(n, today=TODAY)
    assert len(errors) == 1
    assert errors[0].field == "id_number"
    assert errors[0].message_zh.startswith("身份证号应为18位")
    assert f"当前为{len(n)}位" in errors[0].message_zh
    assert "18 characters" in errors[0].message_en


@pytest.mark.parametrize(
    "n", ["11010519491231A02X", "X10105194912310020", "110105-9491231002X", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"]
)
def test_non_digit_in_first_17(n: str) -> None:
    # The last case uses Arabic-Indic digits: str.isdigit() would accept them, we must not.
    errors = validate_id_number(n, today=TODAY)
    assert messages(errors) == ["身份证号前17位应为数字"]


@pytest.mark.parametrize("last", ["A", "Y", "-"])
def test_bad_last_character(last: str) -> None:
    errors = validate_id_number("11010519491231002" + last, today=TODAY)
    assert messages(errors) == ["身份证号最后一位应为数字或X"]


def test_bad_check_digit_names_the_expected_one() -> None:
    errors = validate_id_number("110105194912310021", today=TODAY)
    assert messages(errors) == ["身份证号校验位错误（应为X）"]
    assert errors[0].message_en == "ID number check digit is wrong (expected X)"
    assert (
        str(errors[0])
        == "id_number: 身份证号校验位错误（应为X） / ID number check digit is wrong (expected X)"
    )

    errors = validate_id_number("44030819990101123X", today=TODAY)
    assert messages(errors) == ["身份证号校验位错误（应为4）"]


@pytest.mark.parametrize(
    "birth",
    ["19490230", "19491301", "19490001", "19490100", "20230229", "00000000"],
)
def test_impossible_birth_date(birth: str) -> None:
    first17 = "110105" + birth + "002"
    n = first17 + check_digit(first17)
    assert messages(validate_id_number(n, today=TODAY)) == ["身份证号中的出生日期无效"]
    with pytest.raises(ValueError):
        birth_date_from_id(n)


def test_leap_day_is_a_real_date() -> None:
    n = make_id_number("110105", date(2000, 2, 29), 1)
    assert validate_id_number(n, today=TODAY) == []
    assert birth_date_from_id(n) == date(2000, 2, 29)


def test_birth_before_1900() -> None:
    first17 = "110105" + "18991231" + "002"
    n = first17 + check_digit(first17)
    assert messages(validate_id_number(n, today=TODAY)) == ["身份证号中的出生日期早于1900年"]
    assert validate_id_number(make_id_number("110105", date(1900, 1, 1), 0), today=TODAY) == []


def test_birth_date_in_the_future() -> None:
    n = make_id_number("110105", date(2025, 6, 16), 10)
    assert messages(validate_id_number(n, today=TODAY)) == ["身份证号中的出生日期晚于今天"]
    assert "future" in validate_id_number(n, today=TODAY)[0].message_en
    # Born today is fine.
    assert validate_id_number(make_id_number("110105", TODAY, 10), today=TODAY) == []


def test_region_must_not_start_with_zero() -> None:
    first17 = "010105" + "19491231" + "002"
    n = first17 + check_digit(first17)
    assert messages(validate_id_number(n, today=TODAY)) == ["身份证号中的地区码无效"]


def test_independent_errors_are_all_reported() -> None:
    first17 = "010105" + "19490230" + "002"
    n = first17 + ("0" if check_digit(first17) != "0" else "1")
    assert messages(validate_id_number(n, today=TODAY)) == [
        "身份证号中的地区码无效",
        "身份证号中的出生日期无效",
        f"身份证号校验位错误（应为{check_digit(first17)}）",
    ]


def test_custom_field_name() -> None:
    errors = validate_id_number("123", today=TODAY, field="guardian_id_number")
    assert [e.field for e in errors] == ["guardian_id_number"]


def test_today_must_be_a_date_not_a_datetime() -> None:
    with pytest.raises(TypeError):
        validate_id_number(KNOWN_VALID[0], today=datetime(2025, 6, 15, 12))


# --- helpers' own argument checks ---------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["", "1101051949123100", "1101051949123100X", "110105194912310021"])
def test_check_digit_requires_17_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        check_digit(bad)


@pytest.mark.parametrize(
    ("region", "birth", "seq"),
    [
        ("010105", date(1990, 1, 1), 1),
        ("11010", date(1990, 1, 1), 1),
        ("11010A", date(1990, 1, 1), 1),
        ("110105", date(1990, 1, 1), -1),
        ("110105", date(1990, 1, 1), 1000),
        ("110105", date(1899, 12, 31), 1),
    ],
)
def test_make_id_number_rejects_bad_input(region: str, birth: date, seq: int) -> None:
    with pytest.raises(ValueError):
        make_id_number(region, birth, seq)


@pytest.mark.parametrize("bad", ["", "123", "11010519491231A02X", "11010519491231002Y"])
def test_extractors_reject_malformed_numbers(bad: str) -> None:
    with pytest.raises(ValueError):
        birth_date_from_id(bad)
    with pytest.raises(ValueError):
        gender_from_id(bad)


def test_extractors_accept_lowercase_x_and_ignore_the_check_digit() -> None:
    assert birth_date_from_id("11010519491231002x") == date(1949, 12, 31)
    assert gender_from_id("110105194912310021") == "female"  # wrong check digit, shape is fine


# --- properties ---------------------------------------------------------------------------------------

regions = st.integers(100000, 999999).map(str)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
seqs = st.integers(0, 999)


@given(regions, births, seqs)
def test_made_numbers_validate(region: str, birth: date, seq: int) -> None:
    n = make_id_number(region, birth, seq)
    assert len(n) == 18
    assert n[:6] == region
    assert validate_id_number(n, today=TODAY) == []
    assert validate_id_number(n.lower(), today=TODAY) == []
    assert iso7064_ok(n)


@given(regions, births, seqs)
def test_birth_date_and_gender_round_trip(region: str, birth: date, seq: int) -> None:
    n = make_id_number(region, birth, seq)
    assert birth_date_from_id(n) == birth
    assert gender_from_id(n) == ("male" if seq % 2 == 1 else "female")


@given(st.text(alphabet=string.digits, min_size=17, max_size=17))
def test_check_digit_agrees_with_the_iso_7064_definition(first17: str) -> None:
    assert iso7064_ok(first17 + check_digit(first17))
    # ...and it is the only character that does.
    assert [c for c in "0123456789X" if iso7064_ok(first17 + c)] == [check_digit(first17)]


def test_mod_11_2_detects_every_single_digit_substitution_in_principle() -> None:
    # Changing digit i by delta (1..9 in absolute value) changes the weighted sum by w_i * delta. Because
    # 11 is prime and no weight and no such delta is a multiple of 11, the change is never ≡ 0 (mod 11),
    # so the check character always changes.
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    for w in weights:
        for delta in range(-9, 10):
            if delta:
                assert (w * delta) % 11 != 0
    # The check position itself: each residue maps to exactly one character, so any other is wrong.
    assert len(set("10X98765432")) == 11


@given(regions, births, seqs, st.integers(0, 17), st.integers(1, 10))
def test_any_single_substitution_is_caught(region: str, birth: date, seq: int, pos: int, shift: int) -> None:
    n = make_id_number(region, birth, seq)
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    old = alphabet.index(n[pos])
    new_char = alphabet[(old + shift) % len(alphabet)]
    if new_char == n[pos]:  # shift == 10 on a digit position wraps round to itself
        new_char = alphabet[(old + 1) % len(alphabet)]
    mutated = n[:pos] + new_char + n[pos + 1 :]
    assert mutated != n
    errors = validate_id_number(mutated, today=TODAY)
    assert any(e.message_zh.startswith("身份证号校验位错误") for e in errors), (n, mutated, errors)


def test_every_single_substitution_of_the_textbook_number_is_caught() -> None:
    n = "11010519491231002X"
    count = 0
    for pos in range(18):
        for c in "0123456789X" if pos == 17 else "0123456789":
            if c == n[pos]:
                continue
            mutated = n[:pos] + c + n[pos + 1 :]
            assert not iso7064_ok(mutated)
            assert validate_id_number(mutated, today=TODAY) != []
            count += 1
    assert count == 17 * 9 + 10


@given(regions, births, seqs, st.integers(0, 15))
def test_adjacent_transpositions_in_the_first_17_are_caught(
    region: str, birth: date, seq: int, pos: int
) -> None:
    # Bonus property of MOD 11-2: consecutive weights differ by a non-multiple of 11.
    n = make_id_number(region, birth, seq)
    if n[pos] == n[pos + 1]:
        return
    swapped = n[:pos] + n[pos + 1] + n[pos] + n[pos + 2 :]
    assert not iso7064_ok(swapped)
