"""The rules engine's sentences (inspector.rules.text): each is its Chinese words — unchanged for the
CLI, the printed documents and the reports — and keeps a code and parameters for another language."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

import pytest

from inspector.rules import text as T
from inspector.rules.text import Label, Renderer, Text, citations, cite, define, from_json, join

CJK = re.compile(r"[\u3400-\u9fff]")


def _all_modules() -> None:
    import importlib
    import pkgutil

    import inspector.agenda
    import inspector.rules

    for package in (inspector.rules, inspector.agenda):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)


def test_article_numbers_in_chinese_numerals() -> None:
    assert [T.zh_numeral(n) for n in (1, 10, 15, 20, 39, 91, 105, 110, 156, 230, 615, 1000, 1005)] == [
        "一", "十", "十五", "二十", "三十九", "九十一", "一百零五", "一百一十", "一百五十六", "二百三十",
        "六百一十五", "一千", "一千零五",
    ]  # fmt: skip
    assert all(T._from_numeral(T.zh_numeral(n)) == n for n in range(1, 2000))


def test_a_text_is_its_chinese_words_and_keeps_code_and_params() -> None:
    t = cite("刑事诉讼法", 105)
    assert t == "刑事诉讼法第一百零五条" and isinstance(t, str)
    assert t.code == "cite.article" and t.params["article"] == 105
    both = join("、", (t, cite("人民检察院刑事诉讼规则", 615, item=2)))
    assert both == "刑事诉讼法第一百零五条、人民检察院刑事诉讼规则第六百一十五条第二项"
    english = Renderer(
        template=lambda code, zh: T.ENGLISH[code], numeral=str, sep=lambda s: {"、": ", "}.get(s, s)
    )
    assert (
        both.render(english) == "刑事诉讼法, art. 105, 人民检察院刑事诉讼规则, art. 615(2)"
    )  # labels: the UI's
    assert (t + "。") == "刑事诉讼法第一百零五条。" and isinstance(t + "。", Text)


def test_texts_round_trip_through_json() -> None:
    from inspector.rules.custody_stages import POSSIBLE_OVERDUE, POSSIBLE_OVERDUE_TEXT

    day = date(2026, 3, 15)
    inner = define("test.inner", "{who}于{day}（{at}）", "{who} on {day} ({at})")(
        who="张三", day=day, at=datetime(2026, 3, 15, 9, 5)
    )
    t = POSSIBLE_OVERDUE_TEXT(detail=join("；", (inner, Label("逮捕"), cite("监狱法", 15))))
    assert t.startswith(POSSIBLE_OVERDUE)
    back = from_json(json.loads(json.dumps(t.to_json(), ensure_ascii=False)))
    assert isinstance(back, Text) and back == t and back.to_json() == t.to_json()
    assert from_json({"z": "旧的说明", "t": "no.such.code", "p": {}}) == "旧的说明"
    assert from_json("纯文本") == "纯文本"


@pytest.mark.parametrize(
    "written",
    [
        "刑事诉讼法第一百五十六条",
        "《中华人民共和国刑事诉讼法》第一百五十八条",
        "刑事诉讼法第九十一条、人民检察院刑事诉讼规则第六百一十五条第二项",
        "经最高人民法院批准（刑事诉讼法第二百零八条）",
        "公安机关决定",
        "",
    ],
)
def test_citations_keep_what_was_written(written: str) -> None:
    found = citations(written)
    assert found == written
    assert isinstance(found, Text) == ("第" in written)


def test_every_sentence_has_english_with_the_same_placeholders() -> None:
    _all_modules()
    assert len(T.TEMPLATES) > 250

    def names(s: str) -> set[str]:
        return set(re.findall(r"\{(\w+)", s))

    bad = [
        (code, zh, T.ENGLISH.get(code))
        for code, zh in T.TEMPLATES.items()
        if code not in T.ENGLISH or names(zh) != names(T.ENGLISH[code]) or CJK.search(T.ENGLISH[code])
    ]
    assert bad == []
    assert all(not CJK.search(english) for english in T.LAW_NAMES.values())


def test_a_stored_text_is_read_only_when_its_code_is_asked_for() -> None:
    original = cite("刑事诉讼法", 156)
    calls: list[int] = []

    def load() -> object:
        calls.append(1)
        return original.to_json()

    kept = T.stored(str(original), load)
    assert kept == "刑事诉讼法第一百五十六条" and calls == []
    assert isinstance(kept, Text) and kept.code == "cite.article" and kept.params["article"] == 156
    assert calls == [1]
    gone = T.stored("旧的说明", lambda: {"t": "no.such.code", "p": {}})
    assert gone == "旧的说明" and gone.code == T.JOIN  # another version's text: its words only


def test_a_sentence_said_again_is_the_same_text_unless_its_parameters_differ() -> None:
    say = define("test.memo", "{what}已到期", "{what} is due")
    one, two = say(what=Label("巡视")), say(what=Label("巡视"))
    assert one is two
    same_words = define("test.memo_other", "巡视", "Patrol (other)")()
    other = say(what=same_words)  # the same Chinese words, another sentence: another text
    assert other == one and other is not one and other.params["what"].code == "test.memo_other"
    assert say(what="巡视") is not one  # record data, not a label
