"""The field catalogue: every editable column of every record kind, described once.

A :class:`Field` says what a column holds (its :class:`FieldKind`), its Chinese label, a line of help,
whether it is required, its limits and its choices. Labels, ``required`` and limits come from the
record's validation spec (:mod:`inspector.domain.records`) where the spec names the field, so a form,
a list header, a validation message and the conflict screen can never disagree about them; the
catalogue adds what validation does not need (kind, help, choice labels, what a reference points to).

Forms are built from :data:`CATALOGUE`; :func:`label` answers for any column of any table (sync
columns and free-form JSON included), so screens that show arbitrary rows use it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from inspector.domain import enums as e
from inspector.domain.records import SPECS
from inspector.domain.validation import FieldSpec

__all__ = ["CATALOGUE", "EXTRA_LABELS", "Field", "FieldKind", "fields_of", "kind_label", "label"]


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"  # one of ``choices``
    MULTI_CHOICE = "multi_choice"  # a list of ``choices`` values
    TEXT_LIST = "text_list"  # a list of free texts (areas, recommendations)
    USERS = "users"  # a list of app_user ids
    USER = "user"  # one app_user id
    DETAINEE = "detainee"  # one detainee id
    ID_NUMBER = "id_number"  # 身份证号


@dataclass(frozen=True)
class Field:
    """One editable column of a record kind."""

    name: str
    kind: FieldKind
    label: str
    help: str = ""
    required: bool = False
    max_length: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Chinese label)
    default: str | None = None  # "today", "now", "me", "last" (the previous record's value)

    def choice_label(self, value: object) -> str:
        for stored, shown in self.choices:
            if stored == value:
                return shown
        return "" if value is None else str(value)


@dataclass(frozen=True)
class _Def:
    name: str
    kind: FieldKind
    help: str = ""
    label: str | None = None
    enum: type[e.LabelledEnum] | None = None
    default: str | None = None
    required: bool | None = None  # overrides the spec (e.g. a field the form always needs)
    max_length: int | None = None
    extra: Mapping[str, object] = field(default_factory=dict)


# Columns that are not in a record's validation spec but mean something to a person.
EXTRA_LABELS: dict[str, str] = {
    "deleted_at": "删除时间",
    "active": "启用",
    "author_id": "撰写人",
    "staff_on_duty": "值班人员",
    "counts": "统计数字",
    "places_inspected": "检察场所",
    "supervision_summary": "监督情况",
    "adoption_feedback": "采纳反馈",
    "other_work": "其他工作",
    "confirmed": "已确认",
    "admission_documents": "收押凭证",
    "admission_check": "入所检查情况",
    "multiple_or_gang": "共同犯罪或团伙",
    "property_items": "随身物品",
    "discharge_documents": "出所凭证",
    "notes": "备注",
    "note": "备注",
    "detainee_ids": "涉及在押人员",
    "detainee_id": "在押人员",
    "has_valuable_lead": "有价值线索",
    "lead_summary": "线索摘要",
    "counted_items": "统计项目",
    "manual_items": "填写项目",
    "signed_on": "签发日期",
    "approved_on": "审批日期",
    "issuer_ids": "提出人",
    "legal_basis": "法律依据",
    "corrected": "已纠正",
    "verified_how": "核实方式",
    "video_segments": "监控录像",
    "checklist": "检查项目",
    "participant_ids": "检察人员",
    "summary": "情况摘要",
    "joint_units": "联合检查单位",
    "areas": "检查区域",
    "joint_meeting_notes": "联席会议记录",
    "case_source": "案件来源",
    "problems": "存在问题",
    "cause_analysis": "原因分析",
    "recommendations": "检察建议",
    "effect_evaluation": "效果评估",
    "reply_text": "回复内容",
    "adopted": "已采纳",
    "follow_ups": "督促记录",
    "copy_to": "抄送",
    "value": "设置值",
    "monitored": "被监听",
    "police_present": "民警在场",
    "refusal_reason": "拒绝理由",
    "confidential": "保密",
    "handling": "办理情况",
    "review_due": "审查期限",
    "result": "办理结果",
    "oral_correction_id": "口头纠正",
    "discovery": "发现途径",
    "violated_provision": "违反的规定",
    "basis_provision": "纠正依据",
    "correction_requests": "纠正要求",
    "review_result": "复查结果",
    "detainee_snapshot": "谈话时的在押人员信息",
    "recorder_id": "记录人",
    "qa_text": "谈话内容",
    "issues_raised": "反映问题",
    "issues_summary": "反映问题摘要",
    "handling_opinion": "处理意见",
    "detainee_signed": "在押人员签名",
    "fingerprinted": "捺印",
    "linked_letter_id": "相关来信",
    "evidence": "证据材料",
    "patrol_id": "巡视记录",
    "talk_id": "谈话记录",
    "letter_id": "来信",
    "rectification_notice_id": "纠正违法通知书",
    "procuratorial_suggestion_id": "检察建议书",
    "found_at": "发现时间",
    "reply_scan": "回复扫描件",
}

F = FieldKind
_DEFS: dict[str, tuple[_Def, ...]] = {
    "patrol": (
        _Def("patrol_date", F.DATE, "巡视当天的日期", default="today"),
        _Def("start_time", F.TIME, "到达监区的时间", default="now"),
        _Def("end_time", F.TIME, "离开监区的时间"),
        _Def("areas", F.TEXT_LIST, "巡视的监区、监室或场所，以顿号或逗号分隔", default="last"),
        _Def(
            "methods", F.MULTI_CHOICE, "实地查看、调看监控、书面审查等", enum=e.PatrolMethod, default="last"
        ),
        _Def("participant_ids", F.USERS, "参加巡视的检察人员", label="检察人员", default="me"),
        _Def("summary", F.LONG_TEXT, "巡视情况的简要记载"),
    ),
    "finding": (
        _Def("found_on", F.DATE, "发现问题的日期", default="today"),
        _Def("description", F.LONG_TEXT, "发现的问题：时间、地点、事实"),
        _Def("location", F.TEXT, "监室或场所"),
        _Def("severity", F.CHOICE, "执法瑕疵、安全隐患或违法程度", enum=e.Severity),
        _Def("source", F.CHOICE, "从哪项工作中发现", enum=e.FindingSource),
        _Def("evidence", F.LONG_TEXT, "监控录像时段、台账页码、谈话笔录等"),
        _Def("resolved_on", F.DATE, "问题解决（整改到位）的日期"),
    ),
    "talk": (
        _Def("talk_at", F.DATETIME, "谈话开始的日期和时间", default="now"),
        _Def("place", F.TEXT, "例如：驻所检察室谈话室", default="last"),
        _Def("detainee_id", F.DETAINEE, "输入姓名、身份证号的一部分或监室号查找"),
        _Def("talk_type", F.CHOICE, "新收押、约见、出所前等", enum=e.TalkType),
        _Def("interviewer_ids", F.USERS, "谈话的检察人员", default="me"),
        _Def("qa_text", F.LONG_TEXT, "问：…… 答：……（笔录正文）"),
        _Def("issues_raised", F.BOOL, "在押人员是否反映了问题"),
        _Def("issues_summary", F.LONG_TEXT, "反映的问题，简要"),
        _Def("handling_opinion", F.LONG_TEXT, "检察人员的处理意见（不印在在押人员签名之上）"),
        _Def("detainee_signed", F.BOOL, "在押人员已在笔录上签名"),
        _Def("fingerprinted", F.BOOL, "在押人员已捺指印"),
        _Def("confidential", F.BOOL, "谈话人身份保密：看守所版本中以代称显示"),
    ),
    "mailbox_opening": (
        _Def("opened_at", F.DATETIME, "开启信箱的日期和时间", default="now"),
        _Def("mailbox_location", F.TEXT, "例如：一监区走廊", default="last"),
        _Def("opener_ids", F.USERS, "开启信箱的检察人员（应两人以上）", default="me"),
        _Def("has_valuable_lead", F.BOOL, "信件中是否有有价值的线索"),
        _Def("lead_summary", F.LONG_TEXT, "线索摘要"),
    ),
    "mailbox_letter": (
        _Def("serial_no", F.INT, "本次开箱的信件序号"),
        _Def("accepted_on", F.DATE, "受理日期", default="today"),
        _Def("category", F.CHOICE, "控告、举报、申诉、约见申请、咨询、其他", enum=e.LetterCategory),
        _Def("detainee_id", F.DETAINEE, "写信的在押人员；匿名信留空", label="写信人"),
        _Def("confidential", F.BOOL, "写信人身份保密：看守所版本和通知书中不显示姓名"),
        _Def("block", F.TEXT, "写信人所在监区"),
        _Def("subject", F.TEXT, "信件反映的事项，简要"),
        _Def("status", F.CHOICE, "办理进度", enum=e.LetterStatus),
        _Def("handling", F.LONG_TEXT, "审查、核实、转办的情况"),
        _Def("transferred_to", F.TEXT, "转办的单位"),
        _Def("transferred_on", F.DATE, "转办日期"),
        _Def("review_due", F.DATE, "审查期限（受理后按规定计算）"),
        _Def("result", F.LONG_TEXT, "办理结果"),
        _Def("replied_on", F.DATE, "答复写信人的日期"),
    ),
    "oral_correction": (
        _Def("issued_on", F.DATE, "当面提出纠正意见的日期", default="today"),
        _Def("addressee_unit", F.TEXT, "通常是看守所", default="last"),
        _Def("addressee_person", F.TEXT, "当面告知的看守所负责人或民警"),
        _Def("source", F.CHOICE, "从哪项工作中发现", enum=e.FindingSource),
        _Def("facts", F.LONG_TEXT, "违法事实：时间、地点、经过"),
        _Def("legal_basis", F.LONG_TEXT, "违反的规定"),
        _Def("issuer_ids", F.USERS, "提出纠正意见的检察人员", default="me"),
        _Def("follow_up_due", F.DATE, "跟踪纠正情况的期限（提出后7日）"),
        _Def("corrected", F.BOOL, "看守所已纠正"),
        _Def("corrected_on", F.DATE, "纠正到位的日期"),
        _Def("verified_how", F.LONG_TEXT, "如何核实已纠正"),
    ),
    "rectification_notice": (
        _Def("trigger", F.CHOICE, "制发纠正违法通知书的原因", enum=e.NoticeTrigger),
        _Def("addressee", F.TEXT, "主送单位：看守所，超期羁押时为办案机关", default="last"),
        _Def("issuer_name", F.TEXT, "发文机关：派出检察院", default="last"),
        _Def("detainee_id", F.DETAINEE, "涉及的在押人员（超期羁押等）"),
        _Def("discovery", F.LONG_TEXT, "何时、在何项工作中发现"),
        _Def("facts", F.LONG_TEXT, "违法事实"),
        _Def("violated_provision", F.LONG_TEXT, "违反的法律规定"),
        _Def("basis_provision", F.LONG_TEXT, "提出纠正的依据"),
        _Def("correction_requests", F.LONG_TEXT, "纠正要求"),
        _Def("reply_period_days", F.INT, "收到通知书后回复的期限（日）"),
    ),
    "procuratorial_suggestion": (
        _Def("addressee", F.TEXT, "主送单位", default="last"),
        _Def("issuer_name", F.TEXT, "发文机关：派出检察院", default="last"),
        _Def("case_source", F.LONG_TEXT, "问题的来源"),
        _Def("facts_found", F.LONG_TEXT, "查明的事实"),
        _Def("problems", F.LONG_TEXT, "存在的问题"),
        _Def("cause_analysis", F.LONG_TEXT, "原因分析"),
        _Def("legal_basis", F.LONG_TEXT, "提出建议的法律依据"),
        _Def("recommendations", F.TEXT_LIST, "每条建议一行", required=True),
        _Def("reply_period_months", F.INT, "书面回复的期限（月）"),
        _Def("objection_period_days", F.INT, "提出异议的期限（日）"),
    ),
    "detainee": (
        _Def("name", F.TEXT, "与身份证件一致"),
        _Def("id_number", F.ID_NUMBER, "18位；填写后自动带出出生日期和性别"),
        _Def("gender", F.CHOICE, "", enum=e.Gender),
        _Def("birth_date", F.DATE, ""),
        _Def("ethnicity", F.TEXT, "例如：汉族"),
        _Def("block", F.TEXT, "监区"),
        _Def("cell", F.TEXT, "监室号"),
        _Def("admitted_at", F.DATETIME, "入所的日期和时间"),
        _Def("case_authority", F.TEXT, "当前办案机关"),
        _Def("charges", F.TEXT, "涉嫌或判决的罪名"),
        _Def("case_no", F.TEXT, "案号"),
        _Def("legal_status", F.CHOICE, "", enum=e.LegalStatus),
        _Def("stage", F.CHOICE, "当前诉讼环节，决定羁押期限的计算", enum=e.Stage),
        _Def("stage_started_on", F.DATE, "本环节羁押期限的起算日"),
        _Def("multiple_or_gang", F.BOOL, "共同犯罪或团伙案件"),
        _Def("warning_notice_sent_on", F.DATE, "看守所发出羁押期限即将届满通知书的日期"),
        _Def("sentence_kind", F.CHOICE, "", enum=e.SentenceKind),
        _Def("sentence_text", F.TEXT, "例如：有期徒刑一年六个月"),
        _Def("term_start", F.DATE, ""),
        _Def("term_end", F.DATE, "留所服刑人员的刑满释放日期"),
        _Def("judgment_effective_on", F.DATE, ""),
        _Def("execution_notice_received_on", F.DATE, "看守所收到执行通知书等法律文书的日期"),
        _Def("discharged_on", F.DATE, ""),
        _Def("discharge_kind", F.CHOICE, "", enum=e.DischargeKind),
    ),
    "custody_event": (
        _Def("kind", F.CHOICE, "拘留、逮捕、延长、退补、换押等", enum=e.CustodyEventKind),
        _Def("occurred_on", F.DATE, "决定或发生的日期", default="today"),
        _Def("extension_months", F.INT, "延长羁押期限的月数"),
        _Def("extension_days", F.INT, "延长的天数（按日计算时）"),
        _Def("legal_basis", F.TEXT, "例如：刑事诉讼法第一百五十八条"),
        _Def("authority", F.TEXT, "作出决定的机关"),
        _Def("document_no", F.TEXT, "决定书文号"),
    ),
    "daily_log": (
        _Def("log_date", F.DATE, "日志日期", default="today"),
        _Def("staff_on_duty", F.USERS, "当日在岗的检察人员", default="me"),
        _Def("supervision_summary", F.LONG_TEXT, "当日监督工作情况（由当日记录生成，可修改）"),
        _Def("adoption_feedback", F.LONG_TEXT, "看守所采纳纠正意见、检察建议的情况"),
        _Def("other_work", F.LONG_TEXT, "其他工作"),
        _Def("confirmed", F.BOOL, "确认后日志定稿"),
    ),
    "monthly_report": (
        _Def("month", F.TEXT, "YYYY-MM"),
        _Def("status", F.CHOICE, "", enum=e.ReportStatus),
        _Def("signed_as", F.TEXT, "落款单位"),
        _Def("approved_by", F.TEXT, "审批的负责人"),
    ),
    "attachment": (_Def("caption", F.TEXT, "例如：看守所书面回复扫描件"),),
    "staff_member": (
        _Def("name", F.TEXT, "值班表上显示的姓名"),
        _Def("user_id", F.USER, "对应的用户（有账号时关联，签到时据此认出本人）", label="用户"),
        _Def("position", F.TEXT, "例如：检察官、检察官助理"),
        _Def("counts_toward_minimum", F.BOOL, "计入工作日在岗人数", label="计入在岗人数"),
        _Def("sort_order", F.INT, "值班表中的排列顺序，小的在前"),
        _Def("active", F.BOOL, "停用后不再列入值班表", label="在编"),
    ),
}


def _spec_field(kind: str, name: str) -> FieldSpec | None:
    spec = SPECS.get(kind)
    if spec is None:
        return None
    for f in spec.fields:
        if f.name == name:
            return f
    return None


def _build(kind: str, d: _Def) -> Field:
    spec = _spec_field(kind, d.name)
    choices = tuple((m.value, m.label) for m in d.enum) if d.enum is not None else ()
    return Field(
        name=d.name,
        kind=d.kind,
        label=d.label or (spec.label_zh if spec else EXTRA_LABELS.get(d.name, d.name)),
        help=d.help,
        required=d.required if d.required is not None else bool(spec and spec.required),
        max_length=d.max_length or (spec.max_length if spec else None),
        min_value=spec.min_value if spec else None,
        max_value=spec.max_value if spec else None,
        choices=choices,
        default=d.default,
    )


CATALOGUE: dict[str, tuple[Field, ...]] = {
    kind: tuple(_build(kind, d) for d in defs) for kind, defs in _DEFS.items()
}


def fields_of(kind: str) -> tuple[Field, ...]:
    """The editable fields of ``kind``, in form order (KeyError for a kind that has no form)."""
    return CATALOGUE[kind]


def field_of(kind: str, name: str) -> Field | None:
    for f in CATALOGUE.get(kind, ()):
        if f.name == name:
            return f
    return None


def label(kind: str, name: str) -> str:
    """The Chinese label of any column of any table (falls back to the column name)."""
    f = field_of(kind, name)
    if f is not None:
        return f.label
    spec = _spec_field(kind, name)
    if spec is not None:
        return spec.label_zh
    return EXTRA_LABELS.get(name, name)


def kind_label(kind: str) -> str:
    spec = SPECS.get(kind)
    return spec.label_zh if spec is not None else kind
