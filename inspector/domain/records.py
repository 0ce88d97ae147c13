"""What a valid record of each kind looks like: labels, required fields, lengths, choices, date order.

One spec per table. Repositories run them before every write; imports and forms use the same specs,
so a message names the field (Chinese label and English name) wherever the bad value came from.
"""

from __future__ import annotations

import re

from inspector.domain import enums as e
from inspector.domain.errors import FieldError
from inspector.domain.validation import (
    DateOrder,
    FieldSpec,
    RecordSpec,
    birth_date_matches_id,
    gender_matches_id,
    id_number_check,
    not_in_future,
)


def _f(name: str, label: str, *, req: bool = False, n: int | None = None, **kw: object) -> FieldSpec:
    return FieldSpec(name, label, required=req, max_length=n, **kw)  # type: ignore[arg-type]


def _choice(name: str, label: str, enum: type[e.LabelledEnum], *, req: bool = True) -> FieldSpec:
    return FieldSpec(name, label, required=req, choices=enum.values())


STATION = RecordSpec(
    "station",
    "检察室",
    (
        _f("code", "检察室代码", req=True, n=32),
        _f("name", "检察室名称", req=True, n=100),
        _f("procuratorate", "派出检察院", req=True, n=100),
        _f("higher_procuratorate", "上一级检察院", n=100),
        _f("detention_center", "看守所名称", req=True, n=100),
        _f("agency_code", "院代字", req=True, n=16),
    ),
)

STATION_SETTING = RecordSpec("station_setting", "检察室设置", (_f("key", "设置项", req=True, n=64),))

APP_USER = RecordSpec(
    "app_user",
    "用户",
    (
        _f("username", "用户名", req=True, n=32),
        _f("display_name", "姓名", req=True, n=32),
        _choice("role", "角色", e.Role),
    ),
)

USERNAME_MIN, USERNAME_MAX = 2, 32
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")


def username_errors(username: str) -> list[FieldError]:
    """Problems with a new user's 用户名: 2–32 characters, ASCII letters, digits, ``.``, ``_`` or ``-``,
    starting with a letter — what can be typed at the sign-in screen on any keyboard layout. (Names
    stored before this rule, e.g. by ``inspector init``, are not re-checked: ``APP_USER`` only limits
    the length.)"""
    name = username.strip()
    if not name:
        return [FieldError("username", "请填写用户名", "username is required")]
    if not _USERNAME.fullmatch(name):
        return [
            FieldError(
                "username",
                "用户名只能由英文字母、数字和 . _ - 组成，并以字母开头",
                "username may hold ASCII letters, digits, '.', '_' and '-', starting with a letter",
            )
        ]
    if not USERNAME_MIN <= len(name) <= USERNAME_MAX:
        return [
            FieldError(
                "username",
                f"用户名须为{USERNAME_MIN}至{USERNAME_MAX}个字符",
                f"username must be {USERNAME_MIN} to {USERNAME_MAX} characters",
            )
        ]
    return []


DETAINEE = RecordSpec(
    "detainee",
    "在押人员",
    (
        _f("name", "姓名", req=True, n=50),
        _choice("gender", "性别", e.Gender),
        _f("birth_date", "出生日期"),
        _f("id_number", "身份证号", n=18),
        _f("ethnicity", "民族", n=16),
        _f("block", "监区", n=32),
        _f("cell", "监室", n=32),
        _f("admitted_at", "入所时间", req=True),
        _f("case_authority", "办案机关", n=100),
        _f("charges", "涉嫌罪名", n=200),
        _f("case_no", "案号", n=64),
        _choice("legal_status", "法律身份", e.LegalStatus),
        _choice("stage", "诉讼环节", e.Stage),
        _f("stage_started_on", "本环节起始日"),
        _f("warning_notice_sent_on", "届满通知发出日"),
        _choice("sentence_kind", "刑种", e.SentenceKind, req=False),
        _f("sentence_text", "刑期", n=64),
        FieldSpec("sentence_months", "刑期（月）", min_value=0, max_value=300),
        _f("term_start", "刑期起日"),
        _f("term_end", "刑期止日"),
        _f("judgment_effective_on", "判决生效日"),
        _f("execution_notice_received_on", "收到执行通知书日"),
        _f("discharged_on", "出所日期"),
        _choice("discharge_kind", "出所方式", e.DischargeKind, req=False),
    ),
    orders=(
        DateOrder("birth_date", "admitted_at"),
        DateOrder("admitted_at", "stage_started_on"),
        DateOrder("admitted_at", "discharged_on"),
        DateOrder("term_start", "term_end"),
        DateOrder("judgment_effective_on", "execution_notice_received_on"),
    ),
    checks=(
        id_number_check(),
        birth_date_matches_id(),
        gender_matches_id(),
        not_in_future("admitted_at", "入所时间"),
        not_in_future("birth_date", "出生日期"),
    ),
)

CUSTODY_EVENT = RecordSpec(
    "custody_event",
    "羁押期限事件",
    (
        _f("detainee_id", "在押人员", req=True),
        _choice("kind", "事件类型", e.CustodyEventKind),
        _f("occurred_on", "发生日期", req=True),
        FieldSpec("extension_months", "延长月数", min_value=1, max_value=12),
        FieldSpec("extension_days", "延长天数", min_value=1, max_value=366),
        _f("legal_basis", "法律依据", n=100),
        _f("authority", "决定机关", n=100),
        _f("document_no", "文书编号", n=64),
    ),
)

PATROL = RecordSpec(
    "patrol",
    "巡视检察",
    (
        _f("patrol_date", "巡视日期", req=True),
        _f("start_time", "开始时间"),
        _f("end_time", "结束时间"),
        _f("areas", "巡视区域", req=True),
        _f("methods", "检察方式", req=True),
    ),
    orders=(DateOrder("start_time", "end_time"),),
    checks=(not_in_future("patrol_date", "巡视日期"),),
)

TALK = RecordSpec(
    "talk",
    "个别谈话",
    (
        _f("talk_at", "谈话时间", req=True),
        _f("place", "谈话地点", n=64),
        _f("detainee_id", "在押人员", req=True),
        _choice("talk_type", "谈话类型", e.TalkType),
        _f("interviewer_ids", "谈话人", req=True),
    ),
    checks=(not_in_future("talk_at", "谈话时间"),),
)

MAILBOX_OPENING = RecordSpec(
    "mailbox_opening",
    "信箱开启",
    (
        _f("opened_at", "开启时间", req=True),
        _f("mailbox_location", "信箱位置", n=64),
        _f("opener_ids", "开启人", req=True),
        FieldSpec("letter_count", "信件数", min_value=0, max_value=999),
    ),
    checks=(not_in_future("opened_at", "开启时间"),),
)

MAILBOX_LETTER = RecordSpec(
    "mailbox_letter",
    "检察官信箱来信",
    (
        _f("opening_id", "开箱记录", req=True),
        FieldSpec("serial_no", "序号", required=True, min_value=1, max_value=9999),
        _f("block", "监区", n=32),
        _choice("category", "类别", e.LetterCategory),
        _f("subject", "事由", req=True, n=200),
        _f("accepted_on", "受理日期", req=True),
        _choice("status", "办理状态", e.LetterStatus, req=False),
        _f("transferred_to", "转办单位", n=100),
        _f("transferred_on", "转办日期"),
        _f("replied_on", "答复日期"),
    ),
    orders=(DateOrder("accepted_on", "transferred_on"), DateOrder("accepted_on", "replied_on")),
)

LAWYER_MEETING_CHECK = RecordSpec(
    "lawyer_meeting_check",
    "律师会见检察",
    (
        _f("lawyer_name", "律师姓名", req=True, n=50),
        _f("law_firm", "律师事务所", n=100),
        _f("requested_at", "提出会见时间", req=True),
        _f("arranged_at", "安排会见时间"),
    ),
    orders=(DateOrder("requested_at", "arranged_at"),),
)

ORAL_CORRECTION = RecordSpec(
    "oral_correction",
    "口头纠正",
    (
        _f("issued_on", "提出日期", req=True),
        _f("addressee_unit", "被纠正单位", req=True, n=100),
        _f("addressee_person", "被告知人", n=50),
        _choice("source", "发现途径", e.FindingSource),
        _f("facts", "违法事实", req=True),
        _f("follow_up_due", "跟踪期限"),
        _f("corrected_on", "整改日期"),
    ),
    orders=(DateOrder("issued_on", "corrected_on"), DateOrder("issued_on", "follow_up_due")),
)

_DOCUMENT_FIELDS = (
    _choice("state", "状态", e.DocumentState, req=False),
    _f("issuer_name", "发文机关", req=True, n=100),
    _f("addressee", "主送单位", req=True, n=100),
    FieldSpec("doc_year", "文号年份", min_value=2000, max_value=2100),
    FieldSpec("doc_seq", "文号序号", min_value=1, max_value=99999),
    _f("doc_number", "文号", n=64),
    _f("approved_by", "批准人", n=50),
    _f("approved_on", "批准日期"),
    _f("issued_on", "签发日期"),
    _f("served_on", "送达日期"),
    _choice("service_method", "送达方式", e.ServiceMethod, req=False),
    _f("receiver_name", "签收人", n=50),
    _f("reply_due", "回复期限"),
    _f("replied_on", "回复日期"),
)
_DOCUMENT_ORDERS = (
    DateOrder("approved_on", "issued_on"),
    DateOrder("issued_on", "served_on"),
    DateOrder("served_on", "replied_on"),
)

RECTIFICATION_NOTICE = RecordSpec(
    "rectification_notice",
    "纠正违法通知书",
    (
        *_DOCUMENT_FIELDS,
        _choice("trigger", "制发原因", e.NoticeTrigger),
        _f("facts", "违法事实", req=True),
        FieldSpec("reply_period_days", "回复期限（日）", min_value=1, max_value=90),
        _choice("correction_status", "整改情况", e.CorrectionStatus, req=False),
        _f("reported_upward_on", "上报日期"),
        _f("review_requested_on", "申请复查日期"),
        _f("review_decided_on", "复查决定日期"),
    ),
    orders=(*_DOCUMENT_ORDERS, DateOrder("review_requested_on", "review_decided_on")),
)

PROCURATORIAL_SUGGESTION = RecordSpec(
    "procuratorial_suggestion",
    "检察建议书",
    (
        *_DOCUMENT_FIELDS,
        _f("facts_found", "查明事实", req=True),
        FieldSpec("objection_period_days", "异议期限（日）", min_value=1, max_value=90),
        FieldSpec("reply_period_months", "回复期限（月）", min_value=1, max_value=6),
        _f("revisit_on", "回访日期"),
        _f("escalated_on", "上报日期"),
        _f("escalated_to", "上报单位", n=100),
    ),
    orders=_DOCUMENT_ORDERS,
)

FINDING = RecordSpec(
    "finding",
    "发现问题",
    (
        _f("found_on", "发现日期", req=True),
        _f("description", "问题描述", req=True),
        _f("location", "地点", n=64),
        _choice("severity", "严重程度", e.Severity),
        _choice("source", "发现途径", e.FindingSource),
        _f("resolved_on", "解决日期"),
    ),
    orders=(DateOrder("found_on", "resolved_on"),),
)

INCIDENT = RecordSpec(
    "incident",
    "事故检察",
    (
        _choice("kind", "事故类型", e.IncidentKind),
        _f("occurred_at", "发生时间", req=True),
        _f("description", "情况", req=True),
        _f("reported_to_office_at", "报告检察室时间"),
        _f("on_site_at", "到达现场时间"),
    ),
    orders=(DateOrder("occurred_at", "reported_to_office_at"), DateOrder("occurred_at", "on_site_at")),
)

PREHOLIDAY_INSPECTION = RecordSpec(
    "preholiday_inspection",
    "节前安全大检查",
    (
        _choice("holiday", "节日", e.HolidayName),
        FieldSpec("holiday_year", "年份", required=True, min_value=2000, max_value=2100),
        _f("inspected_on", "检查日期", req=True),
    ),
)

EXECUTION_DELIVERY_CHECK = RecordSpec(
    "execution_delivery_check",
    "交付执行检察",
    (
        _f("detainee_id", "在押人员", req=True),
        _f("judgment_effective_on", "判决生效日"),
        _f("documents_received_on", "收到执行通知书日"),
        _choice("sentence_kind", "刑种", e.SentenceKind, req=False),
        _choice("decision", "处理决定", e.DeliveryDecision, req=False),
        _f("delivered_on", "交付日期"),
        _f("receiving_institution", "收押单位", n=100),
    ),
    orders=(
        DateOrder("judgment_effective_on", "documents_received_on"),
        DateOrder("documents_received_on", "delivered_on"),
    ),
)

DAILY_LOG = RecordSpec("daily_log", "工作日志", (_f("log_date", "日志日期", req=True),))

MONTHLY_REPORT = RecordSpec(
    "monthly_report",
    "月度报告",
    (
        _f("month", "月份", req=True, n=7),
        _choice("status", "状态", e.ReportStatus, req=False),
        _f("signed_as", "落款", n=100),
        _f("approved_by", "审批人", n=50),
    ),
)

ATTACHMENT = RecordSpec(
    "attachment",
    "附件",
    (
        _f("record_table", "所属记录类型", req=True, n=40),
        _f("record_id", "所属记录", req=True),
        _f("sha256", "内容摘要", req=True, n=64),
        _f("filename", "文件名", req=True, n=200),
        _f("media_type", "文件类型", req=True, n=100),
        FieldSpec("size", "大小", required=True, min_value=0),
        _f("caption", "说明", n=200),
    ),
)

STAFF_MEMBER = RecordSpec(
    "staff_member",
    "值班人员",
    (
        _f("name", "姓名", req=True, n=32),
        _f("position", "职务", n=24),
        FieldSpec("sort_order", "排列顺序", min_value=0, max_value=999),
    ),
)

DUTY_PLAN = RecordSpec(
    "duty_plan",
    "值班安排",
    (
        _f("staff_id", "人员", req=True),
        _f("day", "日期", req=True),
        _choice("state", "安排", e.DutyState),
        _f("note", "备注", n=100),
    ),
)

DUTY_SIGN_IN = RecordSpec(
    "duty_sign_in",
    "到岗签到",
    (
        _f("staff_id", "人员", req=True),
        _f("day", "日期", req=True),
        _f("time_in", "到岗时间", req=True),
        _f("time_out", "离岗时间"),
        _f("note", "备注", n=100),
    ),
    orders=(DateOrder("time_in", "time_out"),),
    checks=(not_in_future("day", "日期"),),
)

LEDGER_PROFILE = RecordSpec(
    "ledger_profile",
    "台账格式",
    (
        _f("name", "格式名称", req=True, n=50),
        _choice("ledger_kind", "台账类别", e.LedgerKind),
        _f("note", "备注", n=200),
    ),
)

LEDGER_IMPORT = RecordSpec(
    "ledger_import",
    "台账导入",
    (
        _choice("ledger_kind", "台账类别", e.LedgerKind),
        _f("file_name", "文件名", req=True, n=200),
        _f("sha256", "文件摘要", req=True, n=64),
        _f("imported_at", "导入时间", req=True),
        FieldSpec("row_count", "行数", min_value=0),
        _choice("status", "确认状态", e.LedgerImportStatus),
    ),
)

SUPERVISION_LEAD = RecordSpec(
    "supervision_lead",
    "监督线索",
    (
        _choice("rule_code", "线索规则", e.LeadRule),
        _f("key", "线索标识", req=True, n=160),
        _f("found_on", "发现日期", req=True),
        _f("title", "线索", req=True, n=200),
        _f("facts", "线索事实", req=True),
        _f("legal_basis", "法律依据", req=True),
        _choice("status", "核实状态", e.LeadStatus),
        _f("closed_on", "办结日期"),
    ),
    orders=(DateOrder("found_on", "closed_on"),),
)

SPECS: dict[str, RecordSpec] = {
    spec.kind: spec
    for spec in (
        STATION,
        STATION_SETTING,
        APP_USER,
        DETAINEE,
        CUSTODY_EVENT,
        PATROL,
        TALK,
        MAILBOX_OPENING,
        MAILBOX_LETTER,
        LAWYER_MEETING_CHECK,
        ORAL_CORRECTION,
        RECTIFICATION_NOTICE,
        PROCURATORIAL_SUGGESTION,
        FINDING,
        INCIDENT,
        PREHOLIDAY_INSPECTION,
        EXECUTION_DELIVERY_CHECK,
        DAILY_LOG,
        MONTHLY_REPORT,
        ATTACHMENT,
        STAFF_MEMBER,
        DUTY_PLAN,
        DUTY_SIGN_IN,
        LEDGER_PROFILE,
        LEDGER_IMPORT,
        SUPERVISION_LEAD,
    )
}
