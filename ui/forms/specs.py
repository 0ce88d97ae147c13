"""What each record kind's form shows: which catalogue fields, in which groups and order, and which
child kind is edited inline below them. Labels, kinds, limits and help all come from the field
catalogue (:mod:`inspector.domain.catalogue`); a spec only arranges them.

Group and row titles are marked for translation here and translated where they are shown
(:func:`spec_text`); the catalogue's labels through ``ui.i18n.core_text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector.domain.catalogue import CATALOGUE, Field, FieldKind, kind_label
from inspector.services.records import CHILDREN, LINKS
from ui.i18n import QT_TRANSLATE_NOOP, core_text


def spec_text(text: str) -> str:
    """A group or row title of a spec in the UI's language."""
    return QCoreApplication.translate("FormSpec", text) if text else text


@dataclass(frozen=True)
class Group:
    """A titled block of fields (title "" = no heading)."""

    title: str
    fields: tuple[str, ...]
    column: int = 0  # in a form of several columns, which one


@dataclass(frozen=True)
class ChildSpec:
    """Child records edited as rows under the parent (saved in the parent's transaction)."""

    kind: str
    title: str
    columns: tuple[str, ...]
    add_label: str
    # Values a new row starts with (besides the catalogue's "today" defaults).
    defaults: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # An INT column that numbers the rows (1, 2, 3 …): a new row gets the next number.
    serial: str | None = None
    # Column that takes the remaining width.
    stretch: str | None = None


@dataclass(frozen=True)
class FormSpec:
    kind: str
    groups: tuple[Group, ...]
    child: ChildSpec | None = None
    columns: int = 1  # groups laid out in this many columns
    # TEXT_LIST fields typed one item per line (long items such as recommendations).
    multiline_lists: frozenset[str] = frozenset()
    # Link columns a new record needs and the catalogue does not list (e.g. whose custody event):
    # shown only when creating and the caller did not give them.
    links: tuple[Field, ...] = ()
    # Long texts given a taller box (the talk's record).
    tall: frozenset[str] = frozenset()
    # A new record starts with one empty child row to type into (ignored if left empty).
    starter_row: bool = False
    width: int = 760
    # (parent kind, link column): a new one is made as a row of its parent's form (a letter in its
    # 开箱记录), never alone unless the link is given; an existing one is edited on its own.
    created_under: tuple[str, str] | None = None
    # A saved record shows its attachments under its fields (ui.forms.attachments); not an attachment.
    attachments: bool = True

    @property
    def title(self) -> str:
        """The record kind's name in the UI's language."""
        return core_text(kind_label(self.kind))

    def field_names(self) -> tuple[str, ...]:
        return tuple(name for group in self.groups for name in group.fields)

    def new_alone(self, links: Mapping[str, Any]) -> bool:
        """Whether a new record of this kind can be made in its own form with these links."""
        return self.created_under is None or links.get(self.created_under[1]) is not None

    def made_under_text(self, *, opened: bool = False) -> str:
        """Where a new one is made (检察官信箱来信须在信箱开启记录中登记 …); ``opened``: said in the
        parent's new form, opened in its place."""
        if self.created_under is None:
            return ""
        parent = SPECS[self.created_under[0]]
        rows = spec_text(parent.child.title) if parent.child is not None else self.title
        where = QCoreApplication.translate("FormSpec", "{kind}须在{parent}记录中登记：")
        if opened:
            then = QCoreApplication.translate(
                "FormSpec", "请填写这条{parent}记录，并在下方“{rows}”中逐行填写（Ctrl+Enter 添加一行）。"
            )
        else:
            then = QCoreApplication.translate(
                "FormSpec", "请新建或打开一条{parent}记录，在“{rows}”中添加（Ctrl+Enter）。"
            )
        return (where + then).format(kind=self.title, parent=parent.title, rows=rows)


class MadeUnderParentError(ValueError):
    """A new record of a kind that is made as a row of its parent (a letter), asked for on its own."""

    def __init__(self, spec: FormSpec) -> None:
        super().__init__(spec.made_under_text())
        self.spec = spec


_FINDINGS = ChildSpec(
    "finding",
    QT_TRANSLATE_NOOP("FormSpec", "发现的问题"),
    ("description", "location", "severity"),
    QT_TRANSLATE_NOOP("FormSpec", "添加问题"),
    defaults=MappingProxyType({"severity": "flaw"}),
    stretch="description",
)


def _all(kind: str, title: str = "") -> tuple[Group, ...]:
    return (Group(title, tuple(f.name for f in CATALOGUE[kind])),)


SPECS: dict[str, FormSpec] = {
    "patrol": FormSpec(
        "patrol",
        (
            Group(
                "",
                ("patrol_date", "start_time", "end_time", "areas", "methods", "participant_ids", "summary"),
            ),
        ),
        child=_FINDINGS,
        starter_row=True,
    ),
    "talk": FormSpec(
        "talk",
        (
            Group("", ("talk_at", "place", "detainee_id", "talk_type", "interviewer_ids")),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "笔录"),
                ("qa_text", "issues_raised", "issues_summary", "handling_opinion"),
            ),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "签名与保密"),
                ("detainee_signed", "fingerprinted", "confidential"),
            ),
        ),
        child=_FINDINGS,
        tall=frozenset({"qa_text"}),
        width=820,
    ),
    "mailbox_opening": FormSpec(
        "mailbox_opening",
        (Group("", ("opened_at", "mailbox_location", "opener_ids", "has_valuable_lead", "lead_summary")),),
        child=ChildSpec(
            "mailbox_letter",
            QT_TRANSLATE_NOOP("FormSpec", "信件"),
            ("serial_no", "category", "detainee_id", "confidential", "subject", "status", "accepted_on"),
            QT_TRANSLATE_NOOP("FormSpec", "添加信件"),
            defaults=MappingProxyType({"status": "registered"}),
            serial="serial_no",
            stretch="subject",
        ),
        width=1060,
    ),
    "mailbox_letter": FormSpec(
        "mailbox_letter",
        (
            Group(
                "",
                (
                    "serial_no",
                    "accepted_on",
                    "category",
                    "detainee_id",
                    "confidential",
                    "block",
                    "subject",
                    "status",
                ),
            ),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "办理"),
                ("handling", "transferred_to", "transferred_on", "review_due", "result", "replied_on"),
            ),
        ),
        child=_FINDINGS,
        width=820,
        created_under=("mailbox_opening", "opening_id"),
    ),
    "finding": FormSpec("finding", _all("finding")),
    "oral_correction": FormSpec(
        "oral_correction",
        (
            Group(
                "",
                ("issued_on", "addressee_unit", "addressee_person", "source", "facts", "legal_basis"),
            ),
            Group("", ("issuer_ids", "follow_up_due")),
            Group(QT_TRANSLATE_NOOP("FormSpec", "纠正情况"), ("corrected", "corrected_on", "verified_how")),
        ),
    ),
    "rectification_notice": FormSpec(
        "rectification_notice",
        (
            Group("", ("trigger", "addressee", "issuer_name", "detainee_id", "reply_period_days")),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "正文"),
                ("discovery", "facts", "violated_provision", "basis_provision", "correction_requests"),
            ),
        ),
        width=820,
    ),
    "procuratorial_suggestion": FormSpec(
        "procuratorial_suggestion",
        (
            Group("", ("addressee", "issuer_name", "reply_period_months", "objection_period_days")),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "正文"),
                (
                    "case_source",
                    "facts_found",
                    "problems",
                    "cause_analysis",
                    "legal_basis",
                    "recommendations",
                ),
            ),
        ),
        multiline_lists=frozenset({"recommendations"}),
        width=820,
    ),
    "detainee": FormSpec(
        "detainee",
        (
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "身份"),
                ("name", "id_number", "gender", "birth_date", "ethnicity"),
            ),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "羁押"),
                (
                    "block",
                    "cell",
                    "admitted_at",
                    "case_authority",
                    "charges",
                    "case_no",
                    "legal_status",
                    "stage",
                    "stage_started_on",
                    "multiple_or_gang",
                    "warning_notice_sent_on",
                ),
            ),
            Group(
                QT_TRANSLATE_NOOP("FormSpec", "判决与出所"),
                column=1,
                fields=(
                    "sentence_kind",
                    "sentence_text",
                    "term_start",
                    "term_end",
                    "judgment_effective_on",
                    "execution_notice_received_on",
                    "discharged_on",
                    "discharge_kind",
                ),
            ),
        ),
        child=ChildSpec(
            "custody_event",
            QT_TRANSLATE_NOOP("FormSpec", "羁押期限事件"),
            (
                "kind",
                "occurred_on",
                "extension_months",
                "extension_days",
                "legal_basis",
                "authority",
                "document_no",
            ),
            QT_TRANSLATE_NOOP("FormSpec", "添加事件"),
            stretch="legal_basis",
        ),
        columns=2,
        width=1120,
    ),
    "custody_event": FormSpec(
        "custody_event",
        _all("custody_event"),
        links=(
            Field(
                "detainee_id",
                FieldKind.DETAINEE,
                "在押人员",  # i18n: core labels (shown through core_text as the catalogue's)
                help="输入姓名、身份证号的一部分或监室号查找",  # i18n: core labels
                required=True,
            ),
        ),
    ),
    "daily_log": FormSpec("daily_log", _all("daily_log"), width=820),
    "monthly_report": FormSpec("monthly_report", _all("monthly_report")),
    "attachment": FormSpec("attachment", _all("attachment"), attachments=False),
}


def spec_for(kind: str) -> FormSpec:
    """The form spec of ``kind`` (KeyError for a kind that has no form)."""
    return SPECS[kind]


def _check() -> None:
    """Every spec names catalogue fields once, and its child is the kind the service saves inline."""
    for kind, spec in SPECS.items():
        names = spec.field_names()
        known = {f.name for f in CATALOGUE[kind]}
        unknown = sorted(set(names) - known)
        if unknown or len(set(names)) != len(names):
            raise ValueError(f"form {kind}: unknown or repeated fields {unknown or names}")
        if spec.created_under is not None:
            parent = SPECS[spec.created_under[0]].child
            if parent is None or parent.kind != kind or spec.created_under[1] not in LINKS.get(kind, ()):
                raise ValueError(f"form {kind}: not a row of {spec.created_under[0]}")
        if spec.child is not None:
            if CHILDREN.get(kind, ("",))[0] != spec.child.kind:
                raise ValueError(f"form {kind}: {spec.child.kind} is not saved inline with it")
            child_known = {f.name for f in CATALOGUE[spec.child.kind]}
            if set(spec.child.columns) - child_known:
                raise ValueError(f"form {kind}: unknown child columns")


_check()
