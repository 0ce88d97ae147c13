"""The PINYIN collation and pinyin_key(): names in pinyin order on every store connection."""

from __future__ import annotations

import itertools
import random
import sqlite3

from sqlalchemy import collate, select, text

from inspector.store.collation import PINYIN, compare_names, name_sort_key, pinyin_order, register
from inspector.store.models import Detainee
from inspector.store.store import Store
from tests.conftest import detainee_values


def test_li_wang_zhang_is_pinyin_order_not_code_point_order() -> None:
    names = ["张三", "李四", "王五"]
    assert sorted(names) == ["张三", "李四", "王五"]  # code points: 张 U+5F20 < 李 U+674E < 王 U+738B
    assert sorted(names, key=name_sort_key) == ["李四", "王五", "张三"]  # li < wang < zhang


def test_the_order_character_by_character() -> None:
    def order(*names: str) -> list[str]:
        return sorted(names, key=name_sort_key)

    assert order("李明", "李", "黎明") == ["黎明", "李", "李明"]  # li2 before li3; a prefix first
    assert order("李安", "里明", "李明") == ["李安", "李明", "里明"]  # same reading: by character
    assert order("安娜", "阿米", "Amy", "3号") == ["3号", "Amy", "阿米", "安娜"]  # digits; a, ā, then an
    assert order("刘伟", "刘", "柳伟") == ["刘", "刘伟", "柳伟"]  # liu2 ... liu3
    # A surname with a reading of its own: 曾 zēng (not céng), 单 shàn (not dān), 解 xiè (not jiě).
    assert order("张伟", "曾强", "陈明") == ["陈明", "曾强", "张伟"]
    assert order("单田芳", "丁一", "邵兵") == ["丁一", "单田芳", "邵兵"]
    assert order("谢冰", "金庸", "解缙") == ["金庸", "解缙", "谢冰"]  # both xiè: 解 U+89E3 before 谢
    assert order("尉迟恭", "魏征", "余华") == ["魏征", "余华", "尉迟恭"]  # 尉迟 yù chí, after 余 yú


def test_compare_names_is_a_consistent_total_order() -> None:
    rng = random.Random(7)
    pool = "李王张刘陈杨赵黄周吴曾单解仇区查a1·明伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛"
    names = sorted({"".join(rng.choice(pool) for _ in range(rng.randint(1, 4))) for _ in range(400)})
    for a, b in itertools.pairwise(names):
        assert compare_names(a, a) == 0
        assert compare_names(a, b) == -compare_names(b, a) != 0
    keyed = sorted(names, key=name_sort_key)
    assert all(compare_names(a, b) < 0 for a, b in itertools.pairwise(keyed))


def test_register_on_a_plain_connection() -> None:
    conn = sqlite3.connect(":memory:")
    register(conn)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("张三",), ("王五",), (None,), ("李四",)])
    collated = [n for (n,) in conn.execute("SELECT name FROM t ORDER BY name COLLATE PINYIN")]
    keyed = [n for (n,) in conn.execute("SELECT name FROM t ORDER BY pinyin_key(name) DESC")]
    assert collated == [None, "李四", "王五", "张三"]
    assert keyed == ["张三", "王五", "李四", None]
    conn.close()


def test_every_store_connection_has_the_collation_and_the_key(store: Store) -> None:
    names = ["张三", "李四", "王五", "曾六", "欧阳七"]
    store.repo(Detainee).add_many(detainee_values(name=n) for n in names)
    expected = ["李四", "欧阳七", "王五", "曾六", "张三"]
    with store.session(read_only=True) as s:
        assert s.scalars(select(Detainee.name).order_by(collate(Detainee.name, PINYIN))).all() == expected
        assert s.scalars(select(Detainee.name).order_by(pinyin_order(Detainee.name))).all() == expected
        raw = s.execute(text("SELECT name FROM detainee ORDER BY +name COLLATE PINYIN DESC")).scalars()
        assert list(raw) == expected[::-1]
