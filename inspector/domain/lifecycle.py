"""The life cycle of a 纠正违法通知书 and a 检察建议书, as a transition table.

::

    草稿 ─签发→ 已签发(文号) ─登记送达→ 已送达 ─登记回复→ 已回复 ─核实整改→ 已整改 (已办结)
      │                               │  ↑督促                        └────→ 未整改 ─上报→ 已上报
      └撤回→ 已撤回                    ├(逾期未回复) ─上报→ 已上报
                                      └申请复查→ 复查决定: 维持 (回到已送达) / 撤回

Each :class:`Action` names the states it may start from, the state it leads to, and the fields it
needs. :func:`check` says why an action is refused (a step out of order), in Chinese and English.
A verified 未整改 or a reply that never came leads to 上报 (the rules engine's escalation).

An oral correction (口头纠正) escalated to a notice follows the notice: :func:`oral_status` says what it
reads as (docs/domain.md, "An oral correction's state").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from inspector.domain.enums import CorrectionStatus, DocumentState
from inspector.domain.errors import InspectorError

S = DocumentState

__all__ = [
    "ACTIONS",
    "NOT_CORRECTED_OUTCOMES",
    "ORAL_CORRECTED",
    "ORAL_ESCALATED",
    "ORAL_NOTICE_CORRECTED",
    "ORAL_NOT_CORRECTED",
    "ORAL_OPEN",
    "ORAL_REPORTED",
    "ORAL_STATES",
    "ORAL_WITHDRAWN",
    "VERIFY_HOW",
    "Action",
    "LifecycleError",
    "OralStatus",
    "Step",
    "check",
    "next_actions",
    "oral_state_label",
    "oral_status",
    "timeline",
    "urgings",
    "verifications",
]


class LifecycleError(InspectorError):
    """A life-cycle step that the document's state does not allow."""


@dataclass(frozen=True)
class Action:
    name: str
    label: str  # the button: 签发, 登记送达, …
    from_states: frozenset[str]
    to_state: str | None  # None: decided by the values (核实整改: 已办结 or stays 已回复)
    needs: tuple[str, ...]  # fields the step must be given
    signs: bool = False  # only a procurator may do it (policy)


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(
            "sign", "签发", frozenset({S.DRAFT, S.APPROVED}), S.ISSUED, ("approved_by", "issued_on"), True
        ),
        Action("withdraw", "撤回", frozenset({S.DRAFT, S.APPROVED}), S.WITHDRAWN, ()),
        Action(
            "serve",
            "登记送达",
            frozenset({S.ISSUED}),
            S.SERVED,
            ("served_on", "service_method", "receiver_name"),
        ),
        Action(
            "reply",
            "登记回复",
            frozenset({S.SERVED, S.OVERDUE, S.FOLLOWED_UP}),
            S.REPLIED,
            ("replied_on", "reply_text"),
        ),
        Action(
            "follow_up", "登记督促", frozenset({S.SERVED, S.OVERDUE, S.FOLLOWED_UP}), S.FOLLOWED_UP, ("on",)
        ),
        # The addressee may ask for a review (复查); the decision upholds the notice (it waits for the
        # reply again) or withdraws it.
        Action(
            "request_review",
            "登记申请复查",
            frozenset({S.SERVED, S.OVERDUE, S.FOLLOWED_UP}),
            S.REVIEW_REQUESTED,
            ("on",),
        ),
        Action("decide_review", "登记复查决定", frozenset({S.REVIEW_REQUESTED}), None, ("on", "upheld")),
        Action("verify", "核实整改", frozenset({S.REPLIED}), None, ("outcome", "on")),
        Action(
            "report_upward",
            "上报",
            frozenset({S.SERVED, S.OVERDUE, S.FOLLOWED_UP, S.REPLIED}),
            S.REPORTED_UPWARD,
            ("on",),
        ),
    )
}

VERIFY_HOW = "核实整改情况"
"""How a 核实整改 entry is marked in a notice's ``follow_ups`` (its date is the outcome's date)."""

OUTCOMES = {
    CorrectionStatus.CORRECTED.value: "已整改",
    CorrectionStatus.PARTLY.value: "部分整改",
    CorrectionStatus.NOT_CORRECTED.value: "未整改",
}
NOT_CORRECTED_OUTCOMES = frozenset({CorrectionStatus.NOT_CORRECTED.value, CorrectionStatus.PARTLY.value})
"""Outcomes of 核实整改 after which the notice is reported upward (上报)."""


def check(action_name: str, state: str, *, outcome: str | None = None) -> Action:
    """The action if ``state`` allows it; else :class:`LifecycleError` with the reason."""
    action = ACTIONS.get(action_name)
    if action is None:
        raise LifecycleError(f"未知的操作：{action_name}", f"unknown life-cycle action {action_name}")
    if state not in action.from_states:
        now = _state_label(state)
        allowed = "、".join(_state_label(s) for s in sorted(action.from_states))
        raise LifecycleError(
            f"文书当前为「{now}」，不能{action.label}（{action.label}只能在{allowed}时进行）",
            f"cannot {action_name} a document in state {state} (allowed from: {sorted(action.from_states)})",
        )
    if action_name == "verify" and outcome not in OUTCOMES:
        raise LifecycleError(
            "请选择整改情况：已整改、部分整改或未整改", f"verify needs an outcome, got {outcome}"
        )
    return action


def next_actions(state: str, *, correction_status: str | None = None) -> list[Action]:
    """What may be done next, the usual next step first (the page's primary button)."""
    out = [a for a in ACTIONS.values() if state in a.from_states]
    if state == S.REPLIED:
        # 上报 after a reply only when the verification found it not (fully) corrected.
        if correction_status in (CorrectionStatus.NOT_CORRECTED, CorrectionStatus.PARTLY):
            out = [a for a in out if a.name == "report_upward"]
        else:
            out = [a for a in out if a.name == "verify"]
    return out


@dataclass(frozen=True)
class Step:
    """One stop of the timeline shown on a notice page."""

    label: str
    reached: bool
    on: object = None  # the date the step was reached, where the record keeps it
    current: bool = False


def timeline(values: dict[str, object]) -> list[Step]:
    """草稿 → 已签发 → 已送达 → 已回复 → 已整改/未整改 → 已上报 for a document's values."""
    state = str(values.get("state") or S.DRAFT)
    status = values.get("correction_status")
    adopted = values.get("adopted")
    if state == S.WITHDRAWN:
        return [Step("草稿", True), Step("已撤回", True, values.get("review_decided_on"), True)]
    verified_label = "已整改 / 未整改"
    verified = False
    if status in OUTCOMES:
        verified_label, verified = OUTCOMES[str(status)], True
    elif adopted is not None and state in (S.CLOSED, S.REPORTED_UPWARD):
        verified_label, verified = ("已整改" if adopted else "未整改"), True
    elif state == S.CLOSED:
        verified_label, verified = "已整改", True
    reported_on = values.get("reported_upward_on") or values.get("escalated_on")
    steps = [
        Step("草稿", True),
        Step("已签发", values.get("issued_on") is not None, values.get("issued_on")),
        Step("已送达", values.get("served_on") is not None, values.get("served_on")),
        Step("已回复", values.get("replied_on") is not None, values.get("replied_on")),
        Step(verified_label, verified, _verified_on(values) if verified else None),
        Step("已上报", state == S.REPORTED_UPWARD, reported_on),
    ]
    last = max((i for i, s in enumerate(steps) if s.reached), default=0)
    return [Step(s.label, s.reached, s.on, i == last) for i, s in enumerate(steps)]


def urgings(entries: object) -> list[dict[str, object]]:
    """The 督促 entries of a document's history (``follow_ups`` also keeps its 核实整改 notes)."""
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and e.get("how") != VERIFY_HOW]


def verifications(entries: object) -> list[dict[str, object]]:
    """The 核实整改 notes of a document's history, oldest first."""
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and e.get("how") == VERIFY_HOW]


def _verified_on(values: dict[str, object]) -> date | None:
    """The date of the last 核实整改 kept in the history (when it was given a note)."""
    found = [e.get("on") for e in verifications(values.get("follow_ups"))]
    try:
        return date.fromisoformat(str(found[-1])) if found else None
    except ValueError:
        return None


def _state_label(state: str) -> str:
    return next((m.label for m in DocumentState if m.value == state), state)


# ---- an oral correction's state --------------------------------------------------------------------

ORAL_OPEN = "oral_open"  # followed up: corrected yet? (a notice is due after the follow-up date)
ORAL_CORRECTED = "oral_corrected"  # corrected after the oral correction itself
ORAL_ESCALATED = "oral_escalated"  # a 纠正违法通知书 was raised from it and is still running
ORAL_NOTICE_CORRECTED = "oral_notice_corrected"  # corrected: the notice was verified 已整改 (已办结)
ORAL_NOT_CORRECTED = "oral_not_corrected"  # the notice was verified 未整改 / 部分整改 (上报 next)
ORAL_REPORTED = "oral_reported"  # the notice was reported to the next-higher procuratorate
ORAL_WITHDRAWN = "oral_withdrawn"  # the notice was withdrawn (as a draft, or on review)


@dataclass(frozen=True)
class OralStatus:
    """What an oral correction reads as: ``key`` (a list's state filter), ``label`` (its page, a
    person's timeline) and ``short`` (a list's 状态 column)."""

    key: str
    label: str
    short: str

    @property
    def corrected(self) -> bool:
        return self.key in (ORAL_CORRECTED, ORAL_NOTICE_CORRECTED)


_ORAL_LABELS = {
    ORAL_OPEN: ("跟踪中", "跟踪中"),
    ORAL_CORRECTED: ("已纠正", "已纠正"),
    ORAL_ESCALATED: ("已制发纠正违法通知书", "已制发通知书"),
    ORAL_NOTICE_CORRECTED: ("已纠正（经纠正违法通知书）", "已纠正（经通知书）"),
    ORAL_NOT_CORRECTED: ("未整改（纠正违法通知书核实）", "通知书未整改"),
    ORAL_REPORTED: ("未整改，纠正违法通知书已上报", "通知书已上报"),
    ORAL_WITHDRAWN: ("纠正违法通知书已撤回", "通知书已撤回"),
}
ORAL_STATES: tuple[str, ...] = tuple(_ORAL_LABELS)
"""Every key :func:`oral_status` gives, in the order a state filter offers them."""


def oral_state_label(key: str, *, short: bool = False) -> str:
    """The label of an oral correction's state ``key`` (the key itself if unknown)."""
    labels = _ORAL_LABELS.get(key)
    return key if labels is None else labels[1 if short else 0]


def oral_status(
    corrected: bool, notice_state: str | None = None, notice_outcome: str | None = None
) -> OralStatus:
    """An oral correction's state from its own ``corrected`` and the notice raised from it, if any
    (its ``state`` and ``correction_status``).

    Not escalated: 跟踪中 until corrected. Escalated, it follows the notice: 已制发 while the notice runs;
    已纠正（经纠正违法通知书） once the notice is verified 已整改 (the step also records the oral
    correction as corrected, :func:`inspector.services.documents.step`; a notice closed before that
    still reads so); 未整改 / 部分整改 as verified; 已上报; 已撤回."""
    if notice_state is None:
        key = ORAL_CORRECTED if corrected else ORAL_OPEN
    elif corrected or notice_state == S.CLOSED:
        key = ORAL_NOTICE_CORRECTED
    elif notice_state == S.REPORTED_UPWARD:
        key = ORAL_REPORTED
    elif notice_state == S.REPLIED and notice_outcome in NOT_CORRECTED_OUTCOMES:
        key = ORAL_NOT_CORRECTED
    elif notice_state == S.WITHDRAWN:
        key = ORAL_WITHDRAWN
    else:
        key = ORAL_ESCALATED
    label, short = _ORAL_LABELS[key]
    if key == ORAL_NOT_CORRECTED and notice_outcome == CorrectionStatus.PARTLY:
        label = "部分整改（纠正违法通知书核实）"
    return OralStatus(key, label, short)
