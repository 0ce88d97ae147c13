"""The rules engine's and the agenda's sentences, each with a code and its parameters.

A :class:`Text` *is* its Chinese rendering (a ``str``): the CLI, the printed documents, the reports and
every caller that only wants the words use it as a string, unchanged. It also keeps what it says —
``code`` (which sentence, registered once with :func:`define` together with its Chinese template) and
``params`` (the values it names) — so that a user interface can render it in another language from
its own catalogue: each template is a translation source, and each parameter is rendered by kind:

* a nested :class:`Text` (a sentence within a sentence; :func:`join` lists sentences with a separator);
* a :class:`Label` — a label of the core's catalogue (a stage, an event kind, a law's name);
* a :class:`Numeral` — an article's number (Chinese numerals in Chinese, digits otherwise);
* a ``date`` or ``datetime`` (``2026年3月15日`` in Chinese);
* an ``int``, or any other ``str`` — record data (a name, a 文号), shown as it is.

Texts go into the local custody cache as JSON (:meth:`Text.to_json`, :func:`from_json`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

__all__ = [
    "ENGLISH",
    "JOIN",
    "LAWS",
    "LAW_NAMES",
    "TEMPLATES",
    "Label",
    "Numeral",
    "Renderer",
    "Template",
    "Text",
    "citations",
    "cite",
    "define",
    "from_json",
    "join",
    "stored",
    "to_json",
    "zh_date",
    "zh_datetime",
    "zh_numeral",
]

# code → Chinese template (``str.format`` fields name the parameters); code → its English.
TEMPLATES: dict[str, str] = {}
ENGLISH: dict[str, str] = {}
JOIN = "join"  # params: sep (a separator as written in Chinese), items (a tuple)


class Label(str):
    """A label of the core's catalogue (enum labels, law names): translated as a label, not a sentence."""

    __slots__ = ()


class Numeral(int):
    """An article's (or an item's) number: ``一百零五`` in Chinese, ``105`` otherwise."""

    __slots__ = ()


_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """Chinese numerals as statutes write article numbers: 9 九, 15 十五, 105 一百零五, 615 六百一十五."""
    if n < 0 or n >= 10000:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def zh_date(d: date) -> str:
    """``2026年3月15日``."""
    return f"{d.year}年{d.month}月{d.day}日"


def zh_datetime(dt: datetime) -> str:
    """``2026年5月2日15:20``."""
    return f"{zh_date(dt)}{dt.hour:02d}:{dt.minute:02d}"


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Renderer:
    """How a language renders templates, labels, dates, numerals and separators (Chinese by default)."""

    template: Callable[[str, str], str] = lambda _code, zh: zh  # (code, Chinese template) → template
    label: Callable[[str], str] = _same
    day: Callable[[date], str] = zh_date
    moment: Callable[[datetime], str] = zh_datetime
    numeral: Callable[[int], str] = zh_numeral
    sep: Callable[[str], str] = _same


CHINESE = Renderer()


def _render(code: str, params: Mapping[str, object], r: Renderer) -> str:
    if code == JOIN:
        items = params.get("items", ())
        sep = str(params.get("sep", ""))
        return r.sep(sep).join(_value(i, r) for i in (items if isinstance(items, tuple | list) else ()))
    zh = TEMPLATES[code]
    values = {k: _value(v, r) for k, v in params.items()}
    template = r.template(code, zh) if r is not CHINESE else zh
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return zh.format(**values)


def _value(value: object, r: Renderer) -> str:
    if isinstance(value, Text):
        return value.render(r)
    if isinstance(value, Label):
        return r.label(str(value))
    if isinstance(value, str):
        return value
    if isinstance(value, Numeral):
        return r.numeral(int(value))
    if isinstance(value, datetime):
        return r.moment(value)
    if isinstance(value, date):
        return r.day(value)
    if isinstance(value, tuple | list):
        return r.sep("、").join(_value(v, r) for v in value)
    return str(value)


class Text(str):
    """A sentence: its Chinese rendering, with ``code`` and ``params`` (see the module's docstring)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Text:
        if code != JOIN and code not in TEMPLATES:
            raise KeyError(f"unknown text code {code!r}")
        self = super().__new__(cls, _render(code, params, CHINESE))
        self.code = code
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make, (self.code, self.params))

    def __add__(self, other: str) -> Text:
        return join("", (self, other))

    def __radd__(self, other: str) -> Text:
        return join("", (other, self))

    def render(self, r: Renderer = CHINESE) -> str:
        return str(self) if r is CHINESE else _render(self.code, self.params, r)

    def lines(self) -> list[str]:
        """The lines of a text joined with newlines (each a Text where it is one), else ``[self]``."""
        if self.code == JOIN and self.params.get("sep") == "\n":
            out: list[str] = []
            for item in self.params.get("items", ()):
                out += item.lines() if isinstance(item, Text) else str(item).split("\n")
            return out
        return [self]

    def to_json(self) -> dict[str, Any]:
        """JSON for the custody cache: ``{"z": Chinese, "t": code, "p": params}``."""
        return {"z": str(self), **_encode(self)}  # type: ignore[dict-item]


def _make(code: str, params: dict[str, Any]) -> Text:
    return Text(code, **params)


def _encode(value: object) -> object:
    if isinstance(value, Text):
        return {"t": value.code, "p": {k: _encode(v) for k, v in value.params.items()}}
    if isinstance(value, Label):
        return {"l": str(value)}
    if isinstance(value, str):
        return value
    if isinstance(value, Numeral):
        return {"n": int(value)}
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "t" in value:
            params = {k: _decode(v) for k, v in dict(value.get("p") or {}).items()}
            return Text(str(value["t"]), **params)
        if "l" in value:
            return Label(value["l"])
        if "n" in value:
            return Numeral(int(value["n"]))
        if "dt" in value:
            return datetime.fromisoformat(str(value["dt"]))
        if "d" in value:
            return date.fromisoformat(str(value["d"]))
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


class _StoredText(Text):
    """A text read back from JSON: its Chinese words at once, its code and parameters decoded only when
    asked for (the agenda reads thousands from the cache and shows a few in another language)."""

    _payload: dict[str, Any] | Callable[[], object]
    _decoded: Text | None

    def __new__(cls, zh: str, payload: dict[str, Any] | Callable[[], object]) -> _StoredText:
        self = str.__new__(cls, zh)
        self._payload, self._decoded = payload, None
        return self

    def _text(self) -> Text:
        if self._decoded is None:
            try:
                payload = self._payload() if callable(self._payload) else self._payload
                decoded = _decode(payload)
            except (KeyError, TypeError, ValueError, IndexError):  # another version's: its words only
                decoded = None
            self._decoded = decoded if isinstance(decoded, Text) else Text(JOIN, sep="", items=(str(self),))
        return self._decoded

    @property
    def code(self) -> str:  # type: ignore[override]
        return self._text().code

    @property
    def params(self) -> dict[str, Any]:  # type: ignore[override]
        return self._text().params


def stored(zh: str, load: Callable[[], object]) -> str:
    """A text whose Chinese words are ``zh`` and whose JSON (:meth:`Text.to_json`) ``load`` returns
    when its code or parameters are first asked for (never, for most texts the agenda reads)."""
    return _StoredText(zh, load)


def from_json(value: object) -> str:
    """A text written by :meth:`Text.to_json` (its Chinese words alone if its code is no longer
    known); a plain string as it is."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        zh = str(value.get("z", ""))
        return _StoredText(zh, value) if "t" in value else zh
    return "" if value is None else str(value)


class Template:
    """A registered sentence: call it with its parameters for a :class:`Text`. The texts made are
    remembered (a few thousand per sentence): the agenda says the same things many times a refresh."""

    MEMO = 4096

    def __init__(self, code: str, zh: str) -> None:
        self.code, self.zh = code, zh
        self._memo: dict[tuple[tuple[str, type, object], ...], Text] = {}

    def __call__(self, **params: Any) -> Text:
        try:
            key = tuple((k, type(v), _identity(v)) for k, v in sorted(params.items()))
            found = self._memo.get(key)
        except TypeError:  # an unhashable parameter (a list): not remembered
            return Text(self.code, **params)
        if found is None:
            if len(self._memo) >= self.MEMO:
                self._memo.clear()
            found = self._memo[key] = Text(self.code, **params)
        return found


def _identity(value: object) -> object:
    """What tells a parameter apart: a text by identity (equal Chinese words may be different texts;
    the remembered text keeps it alive, so its id is not reused), anything else by value."""
    if isinstance(value, Text):
        return id(value)
    if isinstance(value, tuple):
        return tuple(_identity(v) for v in value)
    return value


def define(code: str, zh: str, en: str) -> Template:
    """Register sentence ``code`` with its Chinese template and its English (the English catalogue's
    starting point; once — the same template again is fine)."""
    known = TEMPLATES.get(code)
    if known is not None and known != zh:
        raise ValueError(f"text code {code!r} defined twice")
    TEMPLATES[code] = zh
    ENGLISH[code] = en
    return Template(code, zh)


def to_json(value: str) -> object:
    """What the cache keeps of a text: :meth:`Text.to_json`, or a plain string as it is."""
    return value.to_json() if isinstance(value, Text) else value


def join(sep: str, items: Iterable[str]) -> Text:
    """``sep.join(items)`` that keeps each item's text (``sep`` as written in Chinese: ``、``, ``；``,
    ``，``, ``。``, newline or nothing; another language uses its own)."""
    return Text(JOIN, sep=sep, items=tuple(items))


# ---- legal citations ----------------------------------------------------------------------------------

# The laws and rules the engine cites, by the name it cites them by (each a core label), with their
# English names (the English catalogue's starting point).
LAWS: dict[str, str] = {
    "刑事诉讼法": "Criminal Procedure Law",
    "人民检察院刑事诉讼规则": "Criminal Procedure Rules of the People's Procuratorates",
    "刑诉规则": "Criminal Procedure Rules",
    "人民检察院监狱检察办法": "Measures for Procuratorial Supervision of Prisons",
    "监狱法": "Prison Law",
    "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释": (
        "Supreme People's Court Interpretation of the Criminal Procedure Law"
    ),
}
_ARTICLE = define("cite.article", "{law}第{article}条", "{law}, art. {article}")
_ARTICLE_ITEM = define("cite.article_item", "{law}第{article}条第{item}项", "{law}, art. {article}({item})")
_ARTICLE_PARA = define(
    "cite.article_paragraph", "{law}第{article}条第{paragraph}款", "{law}, art. {article}, para. {paragraph}"
)
_ARTICLE_PARA_ITEM = define(
    "cite.article_paragraph_item",
    "{law}第{article}条第{paragraph}款第{item}项",
    "{law}, art. {article}, para. {paragraph}({item})",
)


def cite(law: str, article: int, *, paragraph: int | None = None, item: int | None = None) -> Text:
    """``刑事诉讼法第一百零五条`` (``law`` one of :data:`LAWS`), with its paragraph (款) and item (项)."""
    name, art = Label(law), Numeral(article)
    if paragraph is not None and item is not None:
        return _ARTICLE_PARA_ITEM(law=name, article=art, paragraph=Numeral(paragraph), item=Numeral(item))
    if paragraph is not None:
        return _ARTICLE_PARA(law=name, article=art, paragraph=Numeral(paragraph))
    if item is not None:
        return _ARTICLE_ITEM(law=name, article=art, item=Numeral(item))
    return _ARTICLE(law=name, article=art)


# Other ways of writing a law's name (as users type a legal basis) → the name it is cited by.
_ALIASES: dict[str, str] = {
    **{f"《{name}》": name for name in LAWS},
    "中华人民共和国刑事诉讼法": "刑事诉讼法",
    "《中华人民共和国刑事诉讼法》": "刑事诉讼法",
    "中华人民共和国监狱法": "监狱法",
    "《中华人民共和国监狱法》": "监狱法",
}
# Every name a citation may use, with its English (each a core label).
LAW_NAMES: dict[str, str] = {**LAWS, **{alias: LAWS[name] for alias, name in _ALIASES.items()}}
_NUM = "[零一二三四五六七八九十百千]+"
_NAMES = sorted(LAW_NAMES, key=len, reverse=True)
_CITATION = re.compile(
    rf"(?P<law>{'|'.join(map(re.escape, _NAMES))})第(?P<article>{_NUM})条"
    rf"(?:第(?P<paragraph>{_NUM})款)?(?:第(?P<item>{_NUM})项)?"
)


def _from_numeral(text: str) -> int:
    total, current = 0, 0
    for ch in text:
        if ch in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * unit
            current = 0
        else:
            current = _DIGITS.index(ch)
    return total + current


def citations(text: str) -> str:
    """A legal basis as written (``刑事诉讼法第一百五十六条、刑事诉讼法第一百五十八条``, as the cache
    and older records keep it) with each citation of :data:`LAWS` made a :class:`Text`; other words
    are kept as they are. ``text`` itself if it holds no citation."""
    if isinstance(text, Text) or not text:
        return text
    pieces: list[str] = []
    at = 0
    for m in _CITATION.finditer(text):
        if m.start() > at:
            pieces.append(text[at : m.start()])
        paragraph, item = m.group("paragraph"), m.group("item")
        pieces.append(
            cite(
                m.group("law"),  # as written (a core label too: LAW_NAMES)
                _from_numeral(m.group("article")),
                paragraph=_from_numeral(paragraph) if paragraph else None,
                item=_from_numeral(item) if item else None,
            )
        )
        at = m.end()
    if not pieces:
        return text
    if at < len(text):
        pieces.append(text[at:])
    parts: list[str] = []
    for piece in pieces:  # "、" between citations becomes a separator
        if isinstance(piece, Text) or not parts:
            parts.append(piece)
        elif piece == "、":
            parts.append(_SEP)
        else:
            parts.append(piece)
    if len(parts) == 1:
        return parts[0]
    return join("", parts)


_SEP = Text(JOIN, sep="、", items=("", ""))  # "、" that another language writes as its own list separator
