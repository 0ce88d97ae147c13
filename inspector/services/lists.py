"""The list pages' reads: for each list, which records it shows, how it sorts and how its filter bar
narrows it (docs/ui.md, "Lists"). The UI's lists hold presentation only and call the functions here
with plain values; no SQL leaves this module.

A list is named by its key (:data:`PATROLS`, :data:`TALKS`, :data:`MAILBOX`, :data:`CORRECTIONS`,
:data:`AWAITING_REPLY_LIST`, :data:`DETAINEES`); :func:`list_query` gives its :class:`ListQuery`:

* the ``SELECT`` of its rows and the column identifying a record; ``scope``, the ``WHERE`` of the
  list as it opens (e.g. only people still held), which any filter replaces;
* named **sort keys** → SQL expressions (the UI's columns name the one they sort by);
* what a filter (:class:`Criteria`) searches: ``LIKE`` on columns, items of JSON lists, users' names
  or a related record's text (:class:`Contains` and its siblings), or a core search giving ids (the
  register: :func:`~inspector.store.queries.search_detainees`); the date column; the ``WHERE`` of each
  state key;
* ``prepare``, run before each load (the register refreshes the custody-deadline cache it joins).

Reading: :func:`load_list` reads the **ordered ids** of every matching record (sorted in SQL over all
of them; the ids come back as the database's text) and the first rows in one read-only session;
:func:`list_rows` reads further rows by id (paging by id, not ``OFFSET``, keeps pages consistent while
others write); :func:`list_ids` the ids alone. Rows are :class:`ListRow` s: the record's stored values
by attribute (``row.record.patrol_date``), values worked out for it by name (``row["findings"]``), and
its id. Every read is a read-only session: a snapshot beside any writer, never waiting.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any, Protocol, TypeAlias

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    String,
    case,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from inspector.domain.enums import DocumentState, LetterStatus, PatrolMethod, TalkType
from inspector.domain.lifecycle import (
    NOT_CORRECTED_OUTCOMES,
    ORAL_CORRECTED,
    ORAL_ESCALATED,
    ORAL_NOT_CORRECTED,
    ORAL_NOTICE_CORRECTED,
    ORAL_OPEN,
    ORAL_REPORTED,
    ORAL_STATES,
    ORAL_WITHDRAWN,
)
from inspector.domain.validation import SHANGHAI
from inspector.services.dashboard import AWAITING_REPLY, refresh_custody_cache
from inspector.store.collation import pinyin_order
from inspector.store.models import (
    AppUser,
    CustodyStatus,
    Detainee,
    Finding,
    MailboxLetter,
    MailboxOpening,
    OralCorrection,
    Patrol,
    ProcuratorialSuggestion,
    RectificationNotice,
    Talk,
)
from inspector.store.queries import search_detainees
from inspector.store.repository import today_local
from inspector.store.store import Store
from inspector.store.types import UTCDateTime

__all__ = [
    "AWAITING_REPLY_LIST",
    "CORRECTIONS",
    "DETAINEES",
    "DISCHARGED",
    "HELD",
    "LIST_KEYS",
    "MAILBOX",
    "NOTICE",
    "ORAL",
    "ORAL_CORRECTED",
    "ORAL_ESCALATED",
    "ORAL_NOTICE_CORRECTED",
    "ORAL_NOT_CORRECTED",
    "ORAL_OPEN",
    "ORAL_REPORTED",
    "ORAL_STATES",
    "ORAL_WITHDRAWN",
    "PATROLS",
    "SUGGESTION",
    "TALKS",
    "Criteria",
    "ListPage",
    "ListQuery",
    "ListRow",
    "RecordKey",
    "RecordValues",
    "as_uuid",
    "days_left",
    "has_date_range",
    "like_pattern",
    "list_ids",
    "list_query",
    "list_rows",
    "load_list",
    "sort_keys",
    "state_keys",
]

AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"
"""A SELECT of any columns (SQLAlchemy 2.1 types ``Select`` by the tuple of its columns)."""

# ---- the lists -----------------------------------------------------------------------------------------

PATROLS = "patrols"  # 巡视检察
TALKS = "talks"  # 个别谈话
MAILBOX = "mailbox"  # 检察官信箱
CORRECTIONS = "corrections"  # 纠正与建议: oral corrections, notices and suggestions
AWAITING_REPLY_LIST = "awaiting_reply"  # the 工作台's 待回复文书: notices and suggestions awaiting a reply
DETAINEES = "detainees"  # 在押人员
LIST_KEYS = (PATROLS, TALKS, MAILBOX, CORRECTIONS, AWAITING_REPLY_LIST, DETAINEES)

# State keys (:attr:`Criteria.state`) besides the stored values of an enum (a patrol's method, a talk's
# type, a document's state); "" is every state.
HELD = "held"
"""People still held (the register as it opens)."""
DISCHARGED = "discharged"
LETTERS, NO_LETTERS, LEAD, OPEN_LETTERS = "letters", "no_letters", "lead", "open_letters"  # openings
AWAITING = "awaiting_reply"  # documents waiting for a reply

# The rows of 纠正与建议 (``row.record.kind``): the table each comes from.
NOTICE = "rectification_notice"
SUGGESTION = "procuratorial_suggestion"
ORAL = "oral_correction"
# An oral correction's state in the list (worked out, as inspector.domain.lifecycle.oral_status does):
# followed up until corrected, or escalated to a notice whose course it then follows. ORAL_OPEN rows
# show their follow-up date as 回复期限.

SEARCH_ALL = 1_000_000_000  # search_detainees' limit when the list shows every match

_AWAITING = frozenset(s.value for s in AWAITING_REPLY)
# Letters still being dealt with (registered, under review, transferred and awaiting the result).
_LETTER_OPEN = frozenset(
    s.value for s in (LetterStatus.REGISTERED, LetterStatus.IN_REVIEW, LetterStatus.TRANSFERRED)
)


# ---- rows -----------------------------------------------------------------------------------------------

RecordKey = uuid.UUID | str
"""A record id as the lists hand it out: a ``uuid.UUID``, or the text the database stores it as."""


def as_uuid(key: RecordKey) -> uuid.UUID:
    return key if isinstance(key, uuid.UUID) else uuid.UUID(key)


class RecordValues:
    """A record's stored values by attribute (``values.patrol_date``): a plain read-only copy, read
    while the session was open, so it is safe on any thread."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[Any, Any]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecordValues) and self._values == other._values

    def __hash__(self) -> int:
        return hash(self._values.get("id"))

    def __repr__(self) -> str:
        return f"RecordValues({self._values!r})"

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)


@dataclass(frozen=True)
class ListRow:
    """A row of a list: the record's stored values plus values worked out for it (by name)."""

    record: RecordValues
    extra: Mapping[str, Any]

    @property
    def id(self) -> uuid.UUID:
        return self.record.id  # type: ignore[no-any-return]

    def __getitem__(self, key: str) -> Any:
        return self.extra[key]


@dataclass(frozen=True)
class ListPage:
    """What a load reads: every matching id in display order, and the rows of the first ones."""

    ids: list[RecordKey]
    rows: list[ListRow]


_COLUMN_KEYS: dict[type, tuple[str, ...]] = {}


def _values(entity: object) -> RecordValues:
    """An ORM object's column values (its mapped attribute names), read now."""
    cls = type(entity)
    keys = _COLUMN_KEYS.get(cls)
    if keys is None:
        keys = _COLUMN_KEYS[cls] = tuple(a.key for a in sa_inspect(cls).column_attrs)
    loaded = entity.__dict__  # the values just read (faster than the instrumented attributes)
    return RecordValues({k: loaded[k] if k in loaded else getattr(entity, k) for k in keys})


MakeRows = Callable[[Session, Sequence[Row[Any]]], list[ListRow]]


def _user_names(session: Session) -> dict[str, str]:
    """app_user id (as stored in the JSON id lists, with or without dashes) → display name."""
    names: dict[str, str] = {}
    for user_id, name in session.execute(select(AppUser.id, AppUser.display_name)):
        names[str(user_id)] = name
        names[user_id.hex] = name
    return names


def _entity_rows(people: Mapping[str, str] | None = None) -> MakeRows:
    """Rows of ``select(Model, labelled extra columns…)``: the model's values, the labelled columns by
    name, and for each ``people`` entry (name → attribute holding a JSON list of app_user ids) the
    users' names in order, None for an id that names nobody."""

    def make_rows(session: Session, rows: Sequence[Row[Any]]) -> list[ListRow]:
        names = _user_names(session) if people else {}
        out: list[ListRow] = []
        for row in rows:
            record = row[0]
            extra: dict[str, Any] = {
                k: v for k, v in row._mapping.items() if isinstance(k, str) and v is not record
            }
            for key, attribute in (people or {}).items():
                extra[key] = tuple(names.get(str(i)) for i in getattr(record, attribute) or ())
            out.append(ListRow(_values(record), extra))
        return out

    return make_rows


def _plain_rows(_session: Session, rows: Sequence[Row[Any]]) -> list[ListRow]:
    """Rows of a ``SELECT`` of columns: the columns by name."""
    return [ListRow(RecordValues(r._mapping), {}) for r in rows]


# ---- filters ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criteria:
    """What a list's filter bar says: search text, a date range (either end open), and a state key
    (one of the list's :func:`state_keys`; "" for every state)."""

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    state: str = ""


def like_pattern(text: str) -> str:
    """``%text%`` for ``LIKE … ESCAPE '\\'``, with the text's own ``%``, ``_`` and ``\\`` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Match(Protocol):
    """One way the search box's text can match a row of a list."""

    def where(self, pattern: str) -> ColumnElement[bool]:
        """The condition for a ``LIKE`` pattern (:func:`like_pattern`)."""
        ...


@dataclass(frozen=True)
class Contains:
    """The text is part of a text column (or expression) of the row."""

    column: SQLColumnExpression[Any]

    def where(self, pattern: str) -> ColumnElement[bool]:
        return self.column.like(pattern, escape="\\")


@dataclass(frozen=True)
class ItemContains:
    """The text is part of an item of a JSON list of text (e.g. 巡视区域)."""

    column: SQLColumnExpression[Any]

    def where(self, pattern: str) -> ColumnElement[bool]:
        items = func.json_each(self.column).table_valued("value")
        return exists().select_from(items).where(items.c.value.like(pattern, escape="\\"))


@dataclass(frozen=True)
class PersonContains:
    """The text is part of the name of a user in a JSON list of app_user ids (e.g. 检察人员)."""

    column: SQLColumnExpression[Any]

    def where(self, pattern: str) -> ColumnElement[bool]:
        items = func.json_each(self.column).table_valued("value")
        # The lists hold ids with dashes or without; the table holds the 32 hex digits.
        user = type_coerce(AppUser.id, String()) == func.replace(items.c.value, "-", "")
        return exists().select_from(items).where(user, AppUser.display_name.like(pattern, escape="\\"))


@dataclass(frozen=True)
class RelatedContains:
    """The text is part of a column of a related record (e.g. the subject of a letter of an opening)."""

    column: SQLColumnExpression[Any]
    link: ColumnElement[bool]
    """Joins the related record to the listed one (and leaves out deleted ones)."""

    def where(self, pattern: str) -> ColumnElement[bool]:
        return exists().where(self.link, self.column.like(pattern, escape="\\"))


Finder = Callable[[Store, str, str], Collection[uuid.UUID]]
"""A core search for the search box's text: (store, text, state key) → the ids it finds."""


def _date_terms(
    column: SQLColumnExpression[Any], first: date | None, last: date | None
) -> list[ColumnElement[bool]]:
    """``first`` ≤ the column's date ≤ ``last`` (either may be open)."""
    terms: list[ColumnElement[bool]] = []
    if isinstance(getattr(column, "type", None), UTCDateTime):  # an instant: Beijing days first to last
        if first is not None:
            terms.append(column >= datetime.combine(first, time(0), SHANGHAI).astimezone(UTC))
        if last is not None:
            end = datetime.combine(last + timedelta(days=1), time(0), SHANGHAI).astimezone(UTC)
            terms.append(column < end)
    else:
        if first is not None:
            terms.append(column >= first)
        if last is not None:
            terms.append(column <= last)
    return terms


def _id_in(id_column: SQLColumnExpression[Any], ids: Collection[uuid.UUID]) -> ColumnElement[bool]:
    """``id IN (…)`` for any number of ids: one JSON array parameter (SQLite allows 32,766 parameters,
    a search may find 100,000 people), compared as the 32 hex digits the database holds."""
    if not ids:
        return false()
    values = func.json_each(literal(json.dumps([i.hex for i in ids]), String())).table_valued("value")
    return type_coerce(id_column, String()).in_(select(values.c.value))


# ---- the query of a list ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ListQuery:
    """The SQL side of one list.

    ``stmt`` selects the rows (a model plus labelled extra columns, or columns of a subquery) with any
    ``WHERE``; ordering comes from a sort key. ``id_column`` identifies a record. ``make_rows`` turns
    result rows into :class:`ListRow` s. ``scope`` narrows the list as it opens (e.g. only people still
    held); a filter replaces it, so a filter can also widen the list (everyone, or those discharged).
    """

    stmt: AnySelect
    id_column: SQLColumnExpression[Any]
    make_rows: MakeRows
    sorts: Mapping[str, SQLColumnExpression[Any]]
    """Sort key → the SQL expression to ``ORDER BY``."""
    prepare: Callable[[Store], object] | None = None
    """Run before each load, e.g. to refresh a cache the query joins. The load itself reads in a
    read-only session; ``prepare`` opens its own (writing) session if it writes."""
    scope: ColumnElement[bool] | None = None
    """The ``WHERE`` of the unfiltered list; a filter's terms take its place."""
    matches: tuple[Match, ...] = ()
    """The search text matches a row if any of these does (``LIKE``)."""
    find: Finder | None = None
    """Or: a core search gives the ids (the text is not matched with ``LIKE`` then)."""
    date_column: SQLColumnExpression[Any] | None = None
    """The list's main date: a ``date`` column, or a UTC timestamp (whole Beijing days then)."""
    states: Mapping[str, ColumnElement[bool]] = field(default_factory=dict)
    """State key → the ``WHERE`` it adds ("" — every state — adds nothing)."""

    def where(self, store: Store, criteria: Criteria | None) -> list[ColumnElement[bool]] | None:
        """The ``WHERE`` terms for ``criteria`` (running :attr:`find` if the search uses it); None for
        no criteria: the list's :attr:`scope`."""
        if criteria is None:
            return None
        terms: list[ColumnElement[bool]] = []
        if criteria.state:
            terms.append(self.states[criteria.state])
        if self.date_column is not None:
            terms.extend(_date_terms(self.date_column, criteria.date_from, criteria.date_to))
        text = criteria.text.strip()
        if text and self.find is None and self.matches:
            pattern = like_pattern(text)
            terms.append(or_(*(m.where(pattern) for m in self.matches)))
        if text and self.find is not None:
            terms.append(_id_in(self.id_column, self.find(store, text, criteria.state)))
        return terms

    def ids(
        self,
        session: Session,
        sort_key: str | None = None,
        descending: bool = False,
        where: Sequence[ColumnElement[bool]] | None = None,
    ) -> list[RecordKey]:
        """Ids of every matching record, in display order (the id breaks ties, so paging is stable).
        ``where``: a filter's terms, in place of :attr:`scope` (``None``: no filter).

        They come back as the database's text, not ``uuid.UUID``: on 100,000 rows that halves the
        time; :meth:`rows` converts only the ids of the page it reads.
        """
        terms = []
        if sort_key is not None:
            expr: Any = self.sorts[sort_key]
            if session.get_bind().dialect.name == "sqlite":
                # "+x" stops SQLite from walking an index on x to avoid the sort: through an
                # encrypted file that is a random page read per row (2.5 s v. 0.5 s on 100,000).
                expr = UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)
            terms.append(expr.desc() if descending else expr.asc())
        as_text = type_coerce(self.id_column, String())
        if where is None:
            where = () if self.scope is None else (self.scope,)
        stmt = self.stmt.where(*where).with_only_columns(as_text).order_by(*terms, self.id_column)
        return list(session.scalars(stmt))

    def rows(self, session: Session, ids: Sequence[RecordKey]) -> list[ListRow]:
        """The rows for ``ids``, in the order of ``ids`` (ids no longer matching are left out)."""
        if not ids:
            return []
        wanted = [as_uuid(i) for i in ids]
        result = session.execute(self.stmt.where(self.id_column.in_(wanted))).all()
        by_id = {row.id: row for row in self.make_rows(session, result)}
        return [by_id[i] for i in wanted if i in by_id]


# ---- reading --------------------------------------------------------------------------------------------


def load_list(
    store: Store,
    key: str,
    criteria: Criteria | None = None,
    sort_key: str | None = None,
    descending: bool = False,
    *,
    first: int = 0,
    superseded: Callable[[], bool] | None = None,
) -> ListPage | None:
    """Every matching id of list ``key`` in order, and the rows of the ``first`` of them, read in one
    read-only session. ``criteria`` None: the list as it opens (its scope). Runs the list's
    ``prepare`` and any core search first; if ``superseded()`` is then true, stops and returns None."""
    query = list_query(key)
    if query.prepare is not None:
        query.prepare(store)  # may write (a cache): its own short transaction
    where = query.where(store, criteria)
    if superseded is not None and superseded():
        return None
    with store.session(read_only=True) as s:  # a snapshot beside any writer, never waiting
        ids = query.ids(s, sort_key, descending, where)
        return ListPage(ids, query.rows(s, ids[:first]))


def list_ids(
    store: Store,
    key: str,
    criteria: Criteria | None = None,
    sort_key: str | None = None,
    descending: bool = False,
) -> list[RecordKey]:
    """Every matching id of list ``key``, in order (see :func:`load_list`)."""
    page = load_list(store, key, criteria, sort_key, descending)
    return [] if page is None else page.ids


def list_rows(store: Store, key: str, ids: Sequence[RecordKey]) -> list[ListRow]:
    """The rows of list ``key`` for ``ids``, in their order (ids no longer matching are left out)."""
    query = list_query(key)
    with store.session(read_only=True) as s:
        return query.rows(s, ids)


def sort_keys(key: str) -> frozenset[str]:
    """The sort keys list ``key`` knows."""
    return frozenset(list_query(key).sorts)


def state_keys(key: str) -> frozenset[str]:
    """The state keys list ``key`` knows (besides "", every state)."""
    return frozenset(list_query(key).states)


def has_date_range(key: str) -> bool:
    """Whether list ``key`` filters on a date."""
    return list_query(key).date_column is not None


def days_left(state: str | None, reply_due: date | None, today: date | None = None) -> int | None:
    """Days until the reply is due, for documents waiting for a reply (and until the follow-up of an
    oral correction still open); negative when overdue."""
    if (state not in _AWAITING and state != ORAL_OPEN) or reply_due is None:
        return None
    return (reply_due - (today or today_local())).days


# ---- each list --------------------------------------------------------------------------------------


def _live(model: Any) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)  # type: ignore[no-any-return]


def _json_list_has(column: SQLColumnExpression[Any], value: str) -> ColumnElement[bool]:
    items = func.json_each(column).table_valued("value")
    return exists().select_from(items).where(items.c.value == value)


def _patrols() -> ListQuery:
    findings = (
        select(func.count(Finding.id))
        .where(Finding.patrol_id == Patrol.id, _live(Finding))
        .correlate(Patrol)
        .scalar_subquery()
    )
    stmt: AnySelect = select(Patrol, findings.label("findings")).where(_live(Patrol))
    return ListQuery(
        stmt,
        Patrol.id,
        _entity_rows({"people": "participant_ids"}),
        sorts={"patrol_date": Patrol.patrol_date, "start_time": Patrol.start_time, "findings": findings},
        matches=(
            ItemContains(Patrol.areas),
            PersonContains(Patrol.participant_ids),
            Contains(Patrol.summary),
            RelatedContains(Finding.description, (Finding.patrol_id == Patrol.id) & _live(Finding)),
        ),
        date_column=Patrol.patrol_date,
        states={m.value: _json_list_has(Patrol.methods, m.value) for m in PatrolMethod},
    )


def _talks() -> ListQuery:
    # The detainee's particulars as they were at the talk, falling back to the register.
    name = func.coalesce(func.json_extract(Talk.detainee_snapshot, "$.name"), Detainee.name)
    cell = func.coalesce(func.json_extract(Talk.detainee_snapshot, "$.cell"), Detainee.cell)
    stmt: AnySelect = (
        select(Talk, name.label("detainee_name"), cell.label("cell"))
        .join(Detainee, Detainee.id == Talk.detainee_id)
        .where(_live(Talk))
    )
    return ListQuery(
        stmt,
        Talk.id,
        _entity_rows({"people": "interviewer_ids"}),
        sorts={
            "talk_at": Talk.talk_at,
            "detainee_name": pinyin_order(name),
            "cell": cell,
            "talk_type": Talk.talk_type,
            "issues_raised": Talk.issues_raised,
        },
        matches=(
            Contains(name),
            Contains(cell),
            PersonContains(Talk.interviewer_ids),
            Contains(Talk.issues_summary),
        ),
        date_column=Talk.talk_at,
        states={m.value: Talk.talk_type == m.value for m in TalkType},
    )


def _mailbox() -> ListQuery:
    stmt: AnySelect = select(MailboxOpening).where(_live(MailboxOpening))
    letter_of_opening = (MailboxLetter.opening_id == MailboxOpening.id) & _live(MailboxLetter)
    open_letter = exists().where(letter_of_opening, MailboxLetter.status.in_(sorted(_LETTER_OPEN)))
    return ListQuery(
        stmt,
        MailboxOpening.id,
        _entity_rows({"people": "opener_ids"}),
        sorts={
            "opened_at": MailboxOpening.opened_at,
            "mailbox_location": MailboxOpening.mailbox_location,
            "letter_count": MailboxOpening.letter_count,
            "has_valuable_lead": MailboxOpening.has_valuable_lead,
        },
        matches=(
            Contains(MailboxOpening.mailbox_location),
            PersonContains(MailboxOpening.opener_ids),
            Contains(MailboxOpening.lead_summary),
            RelatedContains(MailboxLetter.subject, letter_of_opening),
        ),
        date_column=MailboxOpening.opened_at,
        states={
            LETTERS: MailboxOpening.letter_count > 0,
            NO_LETTERS: MailboxOpening.letter_count == 0,
            LEAD: MailboxOpening.has_valuable_lead.is_(True),
            OPEN_LETTERS: open_letter,
        },
    )


def _oral_part() -> AnySelect:
    return select(
        OralCorrection.id.label("id"),
        literal(ORAL).label("kind"),
        literal(None, String).label("doc_number"),
        OralCorrection.addressee_unit.label("addressee"),
        OralCorrection.facts.label("subject"),
        _oral_state().label("state"),
        OralCorrection.issued_on.label("issued_on"),
        OralCorrection.follow_up_due.label("reply_due"),
        OralCorrection.created_at.label("created_at"),
    ).where(_live(OralCorrection))


def _oral_state() -> ColumnElement[str]:
    """An oral correction's state key in SQL, as :func:`inspector.domain.lifecycle.oral_status` gives
    it in Python: from its ``corrected`` and the first live notice raised from it."""

    def of_notice(column: Any) -> Any:
        return (
            select(column)
            .where(RectificationNotice.oral_correction_id == OralCorrection.id, _live(RectificationNotice))
            .order_by(RectificationNotice.created_at)
            .limit(1)
            .correlate(OralCorrection)
            .scalar_subquery()
        )

    state, outcome = of_notice(RectificationNotice.state), of_notice(RectificationNotice.correction_status)
    corrected = OralCorrection.corrected.is_(True)
    return case(
        (state.is_(None) & corrected, literal(ORAL_CORRECTED)),
        (state.is_(None), literal(ORAL_OPEN)),
        (corrected | (state == DocumentState.CLOSED.value), literal(ORAL_NOTICE_CORRECTED)),
        (state == DocumentState.REPORTED_UPWARD.value, literal(ORAL_REPORTED)),
        (
            (state == DocumentState.REPLIED.value) & outcome.in_(sorted(NOT_CORRECTED_OUTCOMES)),
            literal(ORAL_NOT_CORRECTED),
        ),
        (state == DocumentState.WITHDRAWN.value, literal(ORAL_WITHDRAWN)),
        else_=literal(ORAL_ESCALATED),
    )


def _corrections(*, awaiting_reply_only: bool = False) -> ListQuery:
    """Oral corrections, 纠正违法通知书 and 检察建议书 together (the documents only when awaiting a reply)."""
    docs = []
    for model, kind, subject in (
        (RectificationNotice, NOTICE, RectificationNotice.facts),
        (ProcuratorialSuggestion, SUGGESTION, ProcuratorialSuggestion.facts_found),
    ):
        part = select(
            model.id.label("id"),
            literal(kind).label("kind"),
            model.doc_number.label("doc_number"),
            model.addressee.label("addressee"),
            subject.label("subject"),
            model.state.label("state"),
            model.issued_on.label("issued_on"),
            model.reply_due.label("reply_due"),
            model.created_at.label("created_at"),
        ).where(_live(model))
        if awaiting_reply_only:
            part = part.where(model.state.in_(sorted(_AWAITING)))
        docs.append(part)
    if not awaiting_reply_only:
        docs.append(_oral_part())
    u = union_all(*docs).subquery("documents")
    states: dict[str, ColumnElement[bool]] = {AWAITING: u.c.state.in_(sorted(_AWAITING))}
    states.update({m.value: u.c.state == m.value for m in DocumentState})
    states.update({key: u.c.state == key for key in ORAL_STATES})
    return ListQuery(
        select(u),
        u.c.id,
        _plain_rows,
        sorts={
            name: u.c[name] for name in ("doc_number", "kind", "addressee", "state", "issued_on", "reply_due")
        },
        matches=(Contains(u.c.doc_number), Contains(u.c.addressee), Contains(u.c.subject)),
        date_column=u.c.issued_on,
        states=states,
    )


def _find_detainees(store: Store, text: str, state: str) -> list[uuid.UUID]:
    """The register's search box: the core's search (name, part of the ID number, or the cell, over
    its indexes), every match, only among people still held when the list shows only them."""
    hits = search_detainees(store, text, limit=SEARCH_ALL, include_discharged=state != HELD)
    return [hit.id for hit in hits]


def _refresh_custody(store: Store) -> None:
    refresh_custody_cache(store)


def _detainees() -> ListQuery:
    """Everyone in custody (a state also shows those discharged), with the custody deadline from the
    cache (``custody_status``), joined in SQL so that it sorts; the cache is refreshed (rules engine)
    before every load."""
    stmt: AnySelect = (
        select(
            Detainee,
            CustodyStatus.deadline.label("deadline"),
            CustodyStatus.warning_from.label("warning_from"),
            CustodyStatus.basis.label("basis"),
        )
        .outerjoin(CustodyStatus, CustodyStatus.detainee_id == Detainee.id)
        .where(_live(Detainee))
    )
    held = Detainee.discharged_on.is_(None)
    return ListQuery(
        stmt,
        Detainee.id,
        _entity_rows(),
        sorts={
            "name": pinyin_order(Detainee.name),
            "gender": Detainee.gender,
            "id_tail": func.substr(Detainee.id_number, -4),  # by the digits a masked number shows
            "cell": Detainee.cell,
            "admitted_at": Detainee.admitted_at,
            "stage": Detainee.stage,
            "deadline": CustodyStatus.deadline,
            "charges": Detainee.charges,
            "case_authority": Detainee.case_authority,
        },
        prepare=_refresh_custody,
        scope=held,
        find=_find_detainees,
        date_column=Detainee.admitted_at,
        states={HELD: held, DISCHARGED: Detainee.discharged_on.is_not(None)},
    )


_BUILDERS: dict[str, Callable[[], ListQuery]] = {
    PATROLS: _patrols,
    TALKS: _talks,
    MAILBOX: _mailbox,
    CORRECTIONS: _corrections,
    AWAITING_REPLY_LIST: lambda: _corrections(awaiting_reply_only=True),
    DETAINEES: _detainees,
}


@cache
def _built(key: str) -> ListQuery:
    return _BUILDERS[key]()


def list_query(key: str) -> ListQuery:
    """The query of list ``key`` (built once)."""
    if key not in _BUILDERS:
        raise KeyError(f"no list {key!r}: one of {', '.join(LIST_KEYS)}")
    return _built(key)
