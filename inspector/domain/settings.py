"""Station settings the rules engine reads: every number or convention that is unverified, local
practice or a counting convention (docs/domain.md, "Law, practice and settings", "Unverified points").

Statutory numbers checked against the law (custody limits, the 10-day court deadline …) are constants
in ``inspector.rules``; everything else lives here, with its default.

Stored form: the ``station_setting(key, value JSON)`` table keeps one row per overridden key.
:meth:`RuleSettings.from_mapping` reads those rows (validating each value and naming the key in the
error), :meth:`RuleSettings.to_mapping` writes the JSON form back. ``SETTING_INFO`` gives the settings
screen a Chinese label and a one-line explanation for every key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Literal, cast

from inspector.domain.enums import HolidayName, TalkType
from inspector.domain.errors import FieldError, ValidationError

__all__ = [
    "ROLLOVER_RULES",
    "SETTING_INFO",
    "WEEKDAYS",
    "DeliveryConvention",
    "ExcludedSpanConvention",
    "ExtensionConvention",
    "MonthConvention",
    "NoticeReplyFrom",
    "RuleSettings",
    "ServeInCenterReference",
    "SettingForm",
    "setting_form",
]

MonthConvention = Literal["from_event_day", "from_next_day"]
ExtensionConvention = Literal["cumulative", "chained"]
ExcludedSpanConvention = Literal["end_minus_start", "inclusive"]
NoticeReplyFrom = Literal["served", "issued"]
DeliveryConvention = Literal["days", "one_month"]
ServeInCenterReference = Literal["execution_notice_received", "decision_date"]
VideoReviewFrequency = Literal["daily", "workdays", "weekly"]

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""``week_start`` values, index = ``date.weekday()``."""

ROLLOVER_RULES: dict[str, str] = {
    "oral_follow_up": "口头纠正意见跟踪（7日）",
    "notice_reply": "纠正违法通知书回复",
    "review_decision": "复查决定（7日）",
    "suggestion_reply": "检察建议书回复",
    "suggestion_service": "检察建议书送达",
    "letter_review": "控告申诉审查（15日）",
    "lawyer_complaint": "律师阻碍执业控告答复（10日）",
    "application_forward": "误收申请移送（2日）",
    "release_suggestion_reply": "释放/变更强制措施建议回复（10日）",
}
"""Non-custody periods that may roll over a rest day (CPL art 105 general rule; applicability unverified,
docs/domain.md, "Holidays and rollover"). Custody periods never roll over and are not listed."""


def _default_rollover() -> Mapping[str, bool]:
    return MappingProxyType(dict.fromkeys(ROLLOVER_RULES, True))


def _all_talk_types() -> frozenset[str]:
    return TalkType.values()


@dataclass(frozen=True)
class RuleSettings:
    """All configurable numbers and conventions, with their defaults (docs/domain.md).

    Construct directly (keyword arguments; lists/sets/dicts are normalised to tuples/frozensets/read-only
    mappings) or from stored rows with :meth:`from_mapping`. Invalid values raise
    :class:`~inspector.domain.errors.ValidationError` with one :class:`FieldError` per bad key.
    """

    # --- counting conventions (docs/domain.md, "Counting periods") ---
    month_convention: MonthConvention = "from_event_day"
    extension_convention: ExtensionConvention = "cumulative"
    excluded_span_convention: ExcludedSpanConvention = "end_minus_start"
    # --- custody alerts (docs/domain.md, "Custody periods") ---
    custody_warning_days: int = 7
    custody_extra_alerts: tuple[int, ...] = (3, 1)
    # --- escalation chain (docs/domain.md, "Escalation and reply periods") ---
    oral_follow_up_days: int = 7
    notice_reply_days: int = 15
    notice_reply_from: NoticeReplyFrom = "served"
    review_decision_days: int = 7
    suggestion_reply_months: int = 2
    suggestion_service_check: bool = False
    suggestion_service_days: int = 7
    # --- rights and complaints (docs/domain.md, "Complaints, lawyers and other periods") ---
    letter_review_days: int = 15
    lawyer_complaint_days: int = 10
    lawyer_meeting_hours: int = 48
    application_forward_days: int = 2
    release_suggestion_reply_days: int = 10
    # --- delivery for execution and 留所服刑 (docs/domain.md, "Delivery for execution and 留所服刑") ---
    delivery_days: int = 30
    delivery_convention: DeliveryConvention = "days"
    serve_in_center_limit_months: int = 3
    serve_in_center_reference: ServeInCenterReference = "execution_notice_received"
    # --- holiday rollover of non-custody periods (docs/domain.md, "Holidays and rollover") ---
    holiday_rollover: Mapping[str, bool] = field(default_factory=_default_rollover)
    # --- weekly targets, local practice (docs/domain.md, "Weekly targets and local practice") ---
    patrols_per_week_min: int = 2
    talks_per_week_min: int = 2
    talk_types_counted: frozenset[str] = field(default_factory=_all_talk_types)
    mailbox_openings_per_week_min: int = 1
    mailbox_openers_required: int = 2
    new_arrival_talk_days: int = 3  # [local practice] "新进人员必谈"; no number in any checked source
    week_start: str = "monday"
    video_review_frequency: VideoReviewFrequency = "daily"
    joint_meeting_interval_months: int = 6
    # --- pre-holiday inspection, local practice (docs/domain.md, "Weekly targets and local practice") ---
    preholiday_inspection_holidays: tuple[str, ...] = ("spring_festival", "national_day")
    preholiday_lead_days: int = 7
    preholiday_joint_units: tuple[str, ...] = ("武警中队", "公安分局")
    # --- first-instance reading of CPL art 208 (docs/domain.md, "Custody periods") ---
    first_instance_warning_months: int = 2
    first_instance_limit_months: int = 3
    # --- staff on duty, local practice (docs/domain.md, "Weekly targets and local practice") ---
    staff_on_duty_min: int = 2
    staff_on_duty_max: int = 3
    holiday_duty_required: bool = True
    # --- duty roster, local practice (docs/domain.md, "Duty roster") ---
    duty_staff_warning_days: int = 3
    holiday_duty_warning_days: int = 7
    days_on_site_target: int = 16  # per person and month; prisons' figure (监狱办法 art 51), no 看守所 one
    # --- supervision leads, local practice (docs/ledger.md) ---
    lead_check_days: int = 3  # a lead 待核实 longer than this is a warning on the agenda

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            normalised = _SPECS[f.name].normalise(value)
            if normalised is not value:
                object.__setattr__(self, f.name, normalised)
        errors: list[FieldError] = []
        for f in fields(self):
            errors.extend(_SPECS[f.name].check(f.name, getattr(self, f.name)))
        if not errors:
            errors.extend(_cross_checks(self))
        if errors:
            raise ValidationError("station_setting", errors)

    def __hash__(self) -> int:
        return hash(tuple(_hashable(getattr(self, f.name)) for f in fields(self)))

    # ------------------------------------------------------------------ stored form

    @classmethod
    def from_mapping(cls, values: Mapping[str, object], *, strict: bool = False) -> RuleSettings:
        """Defaults overridden by stored ``key → JSON value`` rows.

        ``holiday_rollover`` may be given whole (``{"notice_reply": false}``, missing rules keep their
        default) or per rule as ``"holiday_rollover.notice_reply": false``. Unknown keys are ignored
        (the table also holds other modules' settings) unless ``strict``.
        """
        errors: list[FieldError] = []
        kwargs: dict[str, object] = {}
        rollover: dict[str, bool] = dict(_default_rollover())
        for key, value in values.items():
            if key.startswith("holiday_rollover."):
                rule = key.removeprefix("holiday_rollover.")
                if rule not in ROLLOVER_RULES:
                    errors.append(_err(key, "没有这一期限规则", "no such deadline rule"))
                elif not isinstance(value, bool):
                    errors.append(_err(key, "应为是/否", "must be true or false"))
                else:
                    rollover[rule] = value
                continue
            if key not in _SPECS:
                if strict:
                    errors.append(_err(key, "未知的设置项", "unknown setting"))
                continue
            problems = _SPECS[key].check_json(key, value)
            if problems:
                errors.extend(problems)
                continue
            if key == "holiday_rollover":
                rollover.update(cast("Mapping[str, bool]", value))
            else:
                kwargs[key] = value
        if errors:
            raise ValidationError("station_setting", errors)
        kwargs["holiday_rollover"] = rollover
        return cls(**cast("dict[str, Any]", kwargs))

    def to_mapping(self) -> dict[str, object]:
        """Every setting as a JSON-compatible value (tuples and sets as lists, sets sorted)."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                out[f.name] = list(value)
            elif isinstance(value, frozenset):
                out[f.name] = sorted(value)
            elif isinstance(value, Mapping):
                out[f.name] = dict(value)
            else:
                out[f.name] = value
        return out

    def changed_from_default(self) -> dict[str, object]:
        """Only the keys whose value differs from the default (what the table needs to store)."""
        default = RuleSettings().to_mapping()
        return {k: v for k, v in self.to_mapping().items() if default[k] != v}

    # ------------------------------------------------------------------ helpers

    def rolls_over(self, rule: str) -> bool:
        """Whether the non-custody period ``rule`` (a :data:`ROLLOVER_RULES` key) moves off a rest day."""
        if rule not in ROLLOVER_RULES:
            raise KeyError(rule)
        return self.holiday_rollover.get(rule, True)

    @property
    def week_start_weekday(self) -> int:
        """``week_start`` as ``date.weekday()`` (Monday = 0)."""
        return WEEKDAYS.index(self.week_start)


# ---------------------------------------------------------------------- validation specs


def _err(key: str, zh: str, en: str) -> FieldError:
    label = SETTING_INFO.get(key, (key, ""))[0] if "." not in key else key
    return FieldError(key, f"设置“{label}”（{key}）{zh}", f"setting {key}: {en}")


def _hashable(value: object) -> object:
    if isinstance(value, Mapping):
        return tuple(sorted(value.items()))
    return value


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class _Spec:
    kind: Literal["int", "bool", "choice", "int_tuple", "choice_tuple", "str_tuple", "choice_set", "rollover"]
    lo: int = 0
    hi: int = 3650
    choices: tuple[str, ...] = ()

    def normalise(self, value: object) -> object:
        if self.kind in ("int_tuple", "choice_tuple", "str_tuple") and isinstance(value, list):
            return tuple(value)
        if self.kind == "choice_set" and isinstance(value, (list, tuple, set)):
            return frozenset(value)
        if self.kind == "rollover" and isinstance(value, Mapping):
            if isinstance(value, MappingProxyType) and set(value) == set(ROLLOVER_RULES):
                return value
            merged = dict(_default_rollover())
            merged.update(value)
            return MappingProxyType(merged)
        return value

    def check_json(self, key: str, value: object) -> list[FieldError]:
        """Type check of a stored JSON value before it is normalised (lists for tuples and sets)."""
        if self.kind in ("int_tuple", "choice_tuple", "str_tuple", "choice_set"):
            if not isinstance(value, list):
                return [_err(key, "应为列表", "must be a list")]
            value = tuple(value) if self.kind != "choice_set" else frozenset(value)
        if self.kind == "rollover" and isinstance(value, Mapping):
            value = MappingProxyType({**_default_rollover(), **value})
        return self.check(key, value)

    def check(self, key: str, value: object) -> list[FieldError]:
        rng = f"{self.lo}–{self.hi}"
        if self.kind == "int":
            if not _is_int(value):
                return [_err(key, "应为整数", "must be an integer")]
            if not self.lo <= cast(int, value) <= self.hi:
                return [_err(key, f"应在{rng}之间", f"must be between {self.lo} and {self.hi}")]
            return []
        if self.kind == "bool":
            return [] if isinstance(value, bool) else [_err(key, "应为是/否", "must be true or false")]
        if self.kind == "choice":
            if isinstance(value, str) and value in self.choices:
                return []
            allowed = "、".join(self.choices)
            return [_err(key, f"取值无效：{value!r}（可选：{allowed}）", f"invalid value {value!r}")]
        if self.kind == "int_tuple":
            if not isinstance(value, tuple) or not all(_is_int(v) for v in value):
                return [_err(key, "应为整数列表", "must be a list of integers")]
            if not all(self.lo <= v <= self.hi for v in value):
                return [_err(key, f"每项应在{rng}之间", f"items must be between {self.lo} and {self.hi}")]
            return []
        if self.kind in ("choice_tuple", "choice_set"):
            container = tuple if self.kind == "choice_tuple" else frozenset
            if not isinstance(value, container):
                return [_err(key, "应为列表", "must be a list")]
            bad = [v for v in value if not (isinstance(v, str) and v in self.choices)]
            if bad:
                return [_err(key, f"含无效取值：{bad!r}", f"invalid items {bad!r}")]
            if self.kind == "choice_tuple" and len(set(value)) != len(value):
                return [_err(key, "含重复项", "has duplicate items")]
            return []
        if self.kind == "str_tuple":
            if not isinstance(value, tuple) or not all(isinstance(v, str) and v.strip() for v in value):
                return [_err(key, "应为非空文本列表", "must be a list of non-empty strings")]
            return []
        # rollover
        if not isinstance(value, Mapping):
            return [_err(key, "应为“规则→是/否”的对照表", "must be a mapping of rule to true/false")]
        unknown = sorted(str(k) for k in value if k not in ROLLOVER_RULES)
        if unknown:
            return [_err(key, f"含未知期限规则：{unknown}", f"unknown rules {unknown}")]
        if not all(isinstance(v, bool) for v in value.values()):
            return [_err(key, "每项应为是/否", "values must be true or false")]
        return []


def _int(lo: int, hi: int) -> _Spec:
    return _Spec("int", lo, hi)


def _choice(*choices: str) -> _Spec:
    return _Spec("choice", choices=choices)


_SPECS: dict[str, _Spec] = {
    "month_convention": _choice("from_event_day", "from_next_day"),
    "extension_convention": _choice("cumulative", "chained"),
    "excluded_span_convention": _choice("end_minus_start", "inclusive"),
    "custody_warning_days": _int(0, 60),
    "custody_extra_alerts": _Spec("int_tuple", 0, 60),
    "oral_follow_up_days": _int(1, 365),
    "notice_reply_days": _int(1, 365),
    "notice_reply_from": _choice("served", "issued"),
    "review_decision_days": _int(1, 365),
    "suggestion_reply_months": _int(1, 24),
    "suggestion_service_check": _Spec("bool"),
    "suggestion_service_days": _int(1, 365),
    "letter_review_days": _int(1, 365),
    "lawyer_complaint_days": _int(1, 365),
    "lawyer_meeting_hours": _int(1, 720),
    "application_forward_days": _int(1, 365),
    "release_suggestion_reply_days": _int(1, 365),
    "delivery_days": _int(1, 365),
    "delivery_convention": _choice("days", "one_month"),
    "serve_in_center_limit_months": _int(1, 24),
    "serve_in_center_reference": _choice("execution_notice_received", "decision_date"),
    "holiday_rollover": _Spec("rollover"),
    "patrols_per_week_min": _int(0, 50),
    "talks_per_week_min": _int(0, 200),
    "talk_types_counted": _Spec("choice_set", choices=tuple(sorted(TalkType.values()))),
    "mailbox_openings_per_week_min": _int(0, 50),
    "mailbox_openers_required": _int(1, 10),
    "new_arrival_talk_days": _int(0, 60),
    "week_start": _choice(*WEEKDAYS),
    "video_review_frequency": _choice("daily", "workdays", "weekly"),
    "joint_meeting_interval_months": _int(1, 24),
    "preholiday_inspection_holidays": _Spec("choice_tuple", choices=tuple(m.value for m in HolidayName)),
    "preholiday_lead_days": _int(1, 60),
    "preholiday_joint_units": _Spec("str_tuple"),
    "first_instance_warning_months": _int(1, 24),
    "first_instance_limit_months": _int(1, 24),
    "staff_on_duty_min": _int(0, 50),
    "staff_on_duty_max": _int(1, 50),
    "holiday_duty_required": _Spec("bool"),
    "duty_staff_warning_days": _int(0, 31),
    "holiday_duty_warning_days": _int(0, 31),
    "days_on_site_target": _int(0, 31),
    "lead_check_days": _int(1, 60),
}


def _cross_checks(s: RuleSettings) -> list[FieldError]:
    out: list[FieldError] = []
    if s.staff_on_duty_min > s.staff_on_duty_max:
        out.append(
            _err("staff_on_duty_max", "不能小于最少在岗人数", "must not be less than staff_on_duty_min")
        )
    if s.first_instance_warning_months > s.first_instance_limit_months:
        out.append(
            _err(
                "first_instance_warning_months",
                "不能晚于一审超期期限",
                "must not exceed first_instance_limit_months",
            )
        )
    return out


SETTING_INFO: dict[str, tuple[str, str]] = {
    "month_convention": (
        "按月计算的起算方式",
        "“自事件当日”：逮捕3月1日+2个月=5月1日；“自次日”：=5月2日。法律未明确规定，默认按前者；本地口径不同时可修改。",
    ),
    "extension_convention": (
        "延长期限的计算方式",
        "“累计”：自原起算日加总月数（12月31日+3个月=3月31日）；“接续”：自上一期限届满日起加（=3月28日）。",
    ),
    "excluded_span_convention": (
        "不计入期间的计算方式",
        "鉴定、阅卷、中止审理等不计入的期间：“结束日减开始日”或“首尾两日均计入”（多1日）。",
    ),
    "custody_warning_days": (
        "羁押期限届满提前提醒天数",
        "看守所应在届满前七日以内发出羁押期限即将届满通知书（刑诉规则第六百一十五条）。",
    ),
    "custody_extra_alerts": ("羁押期限附加提醒（届满前天数）", "在届满前这些天再次提醒，例如3天、1天。"),
    "oral_follow_up_days": (
        "口头纠正后跟踪天数",
        "口头纠正意见提出后多少日未纠正即应制发纠正违法通知书（刑诉规则第六百二十四条）。",
    ),
    "notice_reply_days": (
        "纠正违法通知书回复期限（日）",
        "通知书载明的回复期限的默认值；15日来自已废止的2012年规则第六百三十二条。",
    ),
    "notice_reply_from": ("回复期限起算点", "自送达（收到通知书）起算或自发出之日起算。"),
    "review_decision_days": (
        "复查决定期限（日）",
        "被监督单位要求复查的，应在此期限内作出决定（刑诉规则第五百五十四条）。",
    ),
    "suggestion_reply_months": (
        "检察建议书回复期限（月）",
        "自收到检察建议书之日起的书面回复期限，紧急情况可更短。",
    ),
    "suggestion_service_check": (
        "检查检察建议书送达期限",
        "是否提醒签发后按期送达（来源为已失效的江苏省办法，默认关闭）。",
    ),
    "suggestion_service_days": ("检察建议书送达期限（日）", "签发后应在此期限内送达。"),
    "letter_review_days": (
        "控告申诉审查期限（日）",
        "自受理之日起提出审查意见的期限（刑诉规则第五百五十六条）。",
    ),
    "lawyer_complaint_days": (
        "律师控告答复期限（日）",
        "辩护人反映阻碍依法行使诉讼权利的，应在此期限内办理并书面答复（刑诉规则第五十八条）。",
    ),
    "lawyer_meeting_hours": (
        "律师会见安排时限（小时）",
        "自律师提交会见手续起安排会见的时限（刑事诉讼法第三十九条）。",
    ),
    "application_forward_days": (
        "误收申请移送期限（日）",
        "不属本院管辖的申请应在此期限内移送（刑诉规则第五百七十六条）。",
    ),
    "release_suggestion_reply_days": (
        "释放/变更强制措施建议回复期限（日）",
        "办案机关对检察机关建议的回复期限（刑诉规则第五百八十一条）。",
    ),
    "delivery_days": (
        "交付执行期限（日）",
        "收到执行通知书等法律文书后应在此期限内交付监狱执行（刑诉规则第六百二十五条）。",
    ),
    "delivery_convention": (
        "交付执行期限计算方式",
        "“按日”：收到后30日；“一个月”：监狱法第十五条的“一个月内”。",
    ),
    "serve_in_center_limit_months": (
        "留所服刑余刑上限（月）",
        "剩余刑期在此月数以下的可由看守所代为执行（刑事诉讼法第二百六十四条）。",
    ),
    "serve_in_center_reference": (
        "余刑计算基准日",
        "“收到执行通知书之日”或“作出留所决定之日”；法律表述为“在被交付执行刑罚前”。",
    ),
    "holiday_rollover": (
        "非羁押期限遇节假日顺延",
        "期限最后一日为节假日的是否顺延至节后第一个工作日（逐项设置）；羁押期限一律不顺延。",
    ),
    "patrols_per_week_min": ("每周巡视次数下限", "每周对监区巡视检查不少于此次数（本地要求）。"),
    "talks_per_week_min": ("每周个别谈话人数下限", "每周与不少于此数量的在押人员个别谈话（本地要求）。"),
    "talk_types_counted": ("计入每周谈话的谈话类型", "哪些谈话类型计入每周谈话数，默认全部。"),
    "mailbox_openings_per_week_min": ("每周开启信箱次数下限", "检察官信箱每周至少开启的次数。"),
    "mailbox_openers_required": ("开启信箱人数", "开启信箱须有几名检察人员在场。"),
    "new_arrival_talk_days": (
        "新收押人员谈话期限（日）",
        "新收押人员应在入所后此天数内谈话（本地做法，无明文依据）。",
    ),
    "week_start": ("每周起始日", "统计每周指标时一周从哪一天开始，默认周一。"),
    "video_review_frequency": ("调看监控频次", "调看监控录像的频次，默认每日。"),
    "joint_meeting_interval_months": ("联席会议间隔（月）", "与看守所等单位召开联席会议的间隔。"),
    "preholiday_inspection_holidays": (
        "节前安全大检查的节日",
        "在哪些节日前组织全面安全大检查，默认春节、国庆节。",
    ),
    "preholiday_lead_days": ("节前检查提前天数", "节前安全大检查应在假期开始前的这些天内完成。"),
    "preholiday_joint_units": ("节前检查联合单位", "联合开展检查的单位，默认武警中队、公安分局。"),
    "first_instance_warning_months": (
        "一审审限提醒（月）",
        "一审公诉案件受理后满此月数即提醒（刑事诉讼法第二百零八条“二个月”）。",
    ),
    "first_instance_limit_months": (
        "一审审限超期线（月）",
        "一审公诉案件“至迟不得超过三个月”，超过即视为超期。",
    ),
    "staff_on_duty_min": ("工作日最少在岗人数", "工作日确保在岗的检察人员最少人数（本地要求）。"),
    "staff_on_duty_max": ("工作日通常在岗人数上限", "工作日在岗检察人员的通常上限（本地要求）。"),
    "holiday_duty_required": ("法定节假日安排值班", "法定节假日是否须安排人员值班。"),
    "duty_staff_warning_days": (
        "在岗人数不足提前提醒天数",
        "值班表中工作日计划在岗人数少于最少人数的，提前这些天在工作台提醒。",
    ),
    "holiday_duty_warning_days": (
        "节假日无人值班提前提醒天数",
        "法定节假日值班表中没有值班人员的，提前这些天在工作台提醒。",
    ),
    "days_on_site_target": (
        "每人每月在岗天数目标",
        "每名检察人员每月实际到岗（签到）的天数目标，月报据此统计；0为不设目标。"
        "参照监狱检察办法第五十一条“每月不少于16个工作日”，看守所无明文规定。",
    ),
    "lead_check_days": (
        "监督线索核实提醒天数",
        "监督线索待核实超过这些天的，工作台以“临近”提醒；未超过的以“提示”列出。",
    ),
}


# What each choice reads as on the settings page (the explanations in SETTING_INFO say what it means).
_CHOICE_LABELS: dict[str, dict[str, str]] = {
    "month_convention": {"from_event_day": "自事件当日", "from_next_day": "自次日"},
    "extension_convention": {"cumulative": "累计", "chained": "接续"},
    "excluded_span_convention": {"end_minus_start": "结束日减开始日", "inclusive": "首尾两日均计入"},
    "notice_reply_from": {"served": "自送达之日", "issued": "自发出之日"},
    "delivery_convention": {"days": "按日", "one_month": "一个月"},
    "serve_in_center_reference": {
        "execution_notice_received": "收到执行通知书之日",
        "decision_date": "作出留所决定之日",
    },
    "week_start": dict(zip(WEEKDAYS, ("周一", "周二", "周三", "周四", "周五", "周六", "周日"), strict=True)),
    "video_review_frequency": {"daily": "每日", "workdays": "每个工作日", "weekly": "每周"},
    "talk_types_counted": {m.value: m.label for m in TalkType},
    "preholiday_inspection_holidays": {m.value: m.label for m in HolidayName},
    "holiday_rollover": dict(ROLLOVER_RULES),
}

_FORM_KINDS = {
    "int": "int",
    "bool": "bool",
    "choice": "choice",
    "int_tuple": "int_list",
    "str_tuple": "text_list",
    "choice_tuple": "multi",
    "choice_set": "multi",
    "rollover": "flags",
}


@dataclass(frozen=True)
class SettingForm:
    """How a person enters a rule setting: ``kind`` is ``int`` (from ``least`` to ``most``), ``bool``,
    ``choice`` (one of ``choices``), ``multi`` (any of ``choices``, a list), ``int_list`` or
    ``text_list`` (a list typed as text), or ``flags`` (each of ``choices`` on or off: a mapping)."""

    kind: str
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label), in the order they are offered
    least: int | None = None
    most: int | None = None


def setting_form(key: str) -> SettingForm:
    """The form of rule setting ``key`` (KeyError for a key :class:`RuleSettings` does not have)."""
    spec = _SPECS[key]
    labels = _CHOICE_LABELS.get(key, {})
    if spec.kind == "rollover":
        choices = tuple(labels.items())
    else:  # in the labels' order (a talk type's, a holiday's), which every choice has (_assert_complete)
        choices = tuple((c, label) for c, label in labels.items() if c in spec.choices)
    if spec.kind in ("int", "int_tuple"):
        return SettingForm(_FORM_KINDS[spec.kind], choices, spec.lo, spec.hi)
    return SettingForm(_FORM_KINDS[spec.kind], choices)


def _assert_complete() -> None:
    names = {f.name for f in fields(RuleSettings)}
    missing = (names - set(_SPECS)) | (names - set(SETTING_INFO))
    extra = (set(_SPECS) | set(SETTING_INFO)) - names
    unlabelled = {
        k for k, spec in _SPECS.items() if spec.choices and set(spec.choices) - set(_CHOICE_LABELS[k])
    }
    if missing or extra or unlabelled:  # pragma: no cover - a programming error caught at import time
        raise RuntimeError(
            f"settings tables out of step: missing {missing}, extra {extra}, choices unlabelled {unlabelled}"
        )


_assert_complete()
