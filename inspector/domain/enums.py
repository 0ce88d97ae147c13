"""Coded values used across records. Stored as their string value; Chinese labels for display."""

from __future__ import annotations

from enum import StrEnum

_VALUES: dict[type, frozenset[str]] = {}


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Chinese label (``member.label``)."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def values(cls) -> frozenset[str]:
        """All stored values (cached: validation asks on every field of every row)."""
        cached = _VALUES.get(cls)
        if cached is None:
            cached = _VALUES[cls] = frozenset(m.value for m in cls)
        return cached


class Role(LabelledEnum):
    PROCURATOR = "procurator", "检察官"
    CHIEF = "chief_procurator", "检察长"
    ASSISTANT = "assistant", "检察官助理"
    CLERK = "clerk", "书记员"
    ADMIN = "admin", "管理员"


class Gender(LabelledEnum):
    MALE = "male", "男"
    FEMALE = "female", "女"


class LegalStatus(LabelledEnum):
    SUSPECT = "suspect", "犯罪嫌疑人"
    DEFENDANT = "defendant", "被告人"
    CONVICT = "convict", "罪犯"


class Stage(LabelledEnum):
    """诉讼环节 — the procedural stage that drives the custody deadline."""

    DETENTION = "detention", "刑事拘留"
    OWN_CASE_DETENTION = "own_case_detention", "刑事拘留（检察院自侦案件）"
    SUPERVISION_DETENTION = "supervision_detention", "先行拘留（监察留置案件）"
    ARREST_REVIEW = "arrest_review", "审查逮捕"
    INVESTIGATION = "investigation", "侦查羁押"
    PROSECUTION_REVIEW = "prosecution_review", "审查起诉"
    SUPPLEMENTARY_INVESTIGATION = "supplementary_investigation", "退回补充侦查"
    FIRST_INSTANCE = "first_instance", "一审"
    SUMMARY_TRIAL = "summary_trial", "一审（简易程序）"
    FAST_TRACK_TRIAL = "fast_track_trial", "一审（速裁程序）"
    SECOND_INSTANCE = "second_instance", "二审"
    RETRIAL = "retrial", "再审"
    AWAITING_EXECUTION = "awaiting_execution", "判决生效待交付执行"
    SERVING_IN_CENTER = "serving_in_center", "留所服刑"
    DISCHARGED = "discharged", "已出所"


class CustodyEventKind(LabelledEnum):
    DETENTION = "detention", "拘留"
    OWN_CASE_DETENTION = "own_case_detention", "拘留（检察院自侦案件）"
    SUPERVISION_DETENTION = "supervision_detention", "先行拘留（监察机关移送留置案件）"
    ARREST_REQUESTED = "arrest_requested", "提请批准逮捕"
    ARREST = "arrest", "逮捕"
    INVESTIGATION_EXTENDED = "investigation_extended", "延长侦查羁押期限"
    RECOUNT = "recount", "重新计算羁押期限"
    PSYCH_ASSESSMENT_START = "psych_assessment_start", "精神病鉴定开始"
    PSYCH_ASSESSMENT_END = "psych_assessment_end", "精神病鉴定结束"
    TRANSFERRED_FOR_PROSECUTION = "transferred_for_prosecution", "移送审查起诉"
    PROSECUTION_EXTENDED = "prosecution_extended", "延长审查起诉期限"
    RETURNED_FOR_INVESTIGATION = "returned_for_investigation", "退回补充侦查"
    RETRANSFERRED = "retransferred", "补充侦查后重新移送"
    JURISDICTION_CHANGED = "jurisdiction_changed", "改变管辖"
    INDICTED = "indicted", "提起公诉/法院受理"
    PROCEDURE_CONVERTED = "procedure_converted", "转为简易/速裁程序"
    TRIAL_EXTENDED = "trial_extended", "延长审限"
    TRIAL_POSTPONED = "trial_postponed", "延期审理"
    TRIAL_SUSPENDED_START = "trial_suspended_start", "中止审理开始"
    TRIAL_SUSPENDED_END = "trial_suspended_end", "中止审理结束"
    FIRST_JUDGMENT = "first_judgment", "一审判决"
    APPEALED = "appealed", "上诉/抗诉"
    SECOND_INSTANCE_ACCEPTED = "second_instance_accepted", "二审受理"
    FILE_REVIEW_START = "file_review_start", "阅卷开始"
    FILE_REVIEW_END = "file_review_end", "阅卷结束"
    REMANDED = "remanded", "发回重审"
    JUDGMENT_EFFECTIVE = "judgment_effective", "判决生效"
    EXECUTION_NOTICE_RECEIVED = "execution_notice_received", "收到执行通知书"
    DELIVERED_FOR_EXECUTION = "delivered_for_execution", "交付执行"
    SERVE_IN_CENTER_DECIDED = "serve_in_center_decided", "决定留所服刑"
    CUSTODY_HANDOVER = "custody_handover", "换押"
    RELEASED = "released", "释放"


class SentenceKind(LabelledEnum):
    DEATH_SUSPENDED = "death_suspended", "死刑缓期执行"
    LIFE = "life", "无期徒刑"
    FIXED_TERM = "fixed_term", "有期徒刑"
    DETENTION_SENTENCE = "detention_sentence", "拘役"
    SURVEILLANCE = "surveillance", "管制"
    PROBATION = "probation", "缓刑"
    FINE_ONLY = "fine_only", "单处罚金"
    NONE = "none", "免予刑事处罚"


class DischargeKind(LabelledEnum):
    RELEASED = "released", "释放"
    DELIVERED = "delivered", "交付执行"
    TRANSFERRED = "transferred", "转押"
    OUTSIDE_EXECUTION = "outside_execution", "监外执行"
    BAIL = "bail", "取保候审/监视居住"
    DEATH = "death", "死亡"
    OTHER = "other", "其他"


class PatrolMethod(LabelledEnum):
    ON_SITE = "on_site", "实地查看"
    VIDEO = "video", "调看监控"
    DOCUMENTS = "documents", "书面审查"
    TALK = "talk", "个别谈话"
    BRIEFING = "briefing", "听取情况"


class TalkType(LabelledEnum):
    NEW_ADMISSION = "new_admission", "新收押"
    REQUESTED = "requested", "约见"
    COMPLAINANT = "complainant", "有诉求人员"
    PRE_RELEASE = "pre_release", "出所前"
    PRE_PRISON_TRANSFER = "pre_prison_transfer", "投送监狱前"
    INJURY = "injury", "外伤"
    CONFINEMENT = "confinement", "禁闭"
    GANG_RELATED = "gang_related", "涉恶"
    ROUTINE = "routine", "日常"
    DURING_PATROL = "during_patrol", "巡视中"
    OTHER = "other", "其他"


class LetterCategory(LabelledEnum):
    ACCUSATION = "accusation", "控告"
    REPORT = "report", "举报"
    PETITION = "petition", "申诉"
    MEETING_REQUEST = "meeting_request", "约见申请"
    INQUIRY = "inquiry", "咨询"
    OTHER = "other", "其他"


class LetterStatus(LabelledEnum):
    REGISTERED = "registered", "已登记"
    IN_REVIEW = "in_review", "审查中"
    TRANSFERRED = "transferred", "已转办"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已办结"


class Severity(LabelledEnum):
    FLAW = "flaw", "执法瑕疵"
    HAZARD = "hazard", "安全隐患"
    MINOR_VIOLATION = "minor_violation", "轻微违法"
    SERIOUS_VIOLATION = "serious_violation", "严重违法"
    MAJOR_INCIDENT = "major_incident", "重大事故"


class FindingSource(LabelledEnum):
    PATROL = "patrol", "巡视"
    TALK = "talk", "谈话"
    MAILBOX = "mailbox", "信箱"
    VIDEO = "video", "调看监控"
    LEDGER = "ledger", "台账审查"
    OTHER = "other", "其他"


class NoticeTrigger(LabelledEnum):
    SERIOUS_VIOLATION = "serious_violation", "严重违法"
    MAJOR_INCIDENT = "major_incident", "重大事故"
    ORAL_NOT_CORRECTED = "oral_not_corrected", "口头纠正后未整改"
    OVERDUE_CUSTODY = "overdue_custody", "超期羁押"


class DocumentState(LabelledEnum):
    """Life cycle of a 纠正违法通知书 or 检察建议书 (docs/domain.md, "Notice and suggestion life cycle")."""

    DRAFT = "draft", "草稿"
    APPROVED = "approved", "已批准"
    ISSUED = "issued", "已签发"
    SERVED = "served", "已送达"
    REPLIED = "replied", "已回复"
    OVERDUE = "overdue", "逾期未回复"
    FOLLOWED_UP = "followed_up", "已督促"
    REPORTED_UPWARD = "reported_upward", "已上报"
    REVIEW_REQUESTED = "review_requested", "申请复查"
    CLOSED = "closed", "已办结"
    WITHDRAWN = "withdrawn", "已撤回"


class CorrectionStatus(LabelledEnum):
    CORRECTED = "corrected", "已整改"
    PARTLY = "partly", "部分整改"
    NOT_CORRECTED = "not_corrected", "未整改"


class ServiceMethod(LabelledEnum):
    WRITTEN = "written", "书面送达"
    ANNOUNCED = "announced", "宣告送达"


class IncidentKind(LabelledEnum):
    ABNORMAL_DEATH = "abnormal_death", "非正常死亡"
    INJURY = "injury", "伤残"
    ESCAPE = "escape", "脱逃"
    DISORDER = "disorder", "严重破坏监管秩序"
    PUBLIC_HEALTH = "public_health", "突发公共卫生事件"
    SELF_HARM = "self_harm", "自伤自残"
    OTHER = "other", "其他"


class DeliveryDecision(LabelledEnum):
    DELIVER_TO_PRISON = "deliver_to_prison", "交付监狱执行"
    DELIVER_TO_JUVENILE = "deliver_to_juvenile_institution", "交付未成年犯管教所"
    SERVE_IN_CENTER = "serve_in_center", "留所服刑"
    DETENTION_SENTENCE_IN_CENTER = "detention_sentence_in_center", "拘役在所执行"


class ReportStatus(LabelledEnum):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    APPROVED = "approved", "已审批"
    REJECTED = "rejected", "已退回"


class HolidayName(LabelledEnum):
    SPRING_FESTIVAL = "spring_festival", "春节"
    NATIONAL_DAY = "national_day", "国庆节"
    NEW_YEAR = "new_year", "元旦"
    QINGMING = "qingming", "清明节"
    LABOUR_DAY = "labour_day", "劳动节"
    DRAGON_BOAT = "dragon_boat", "端午节"
    MID_AUTUMN = "mid_autumn", "中秋节"


class DutyState(LabelledEnum):
    """One person's planned presence on a day of the duty roster (docs/domain.md, "Duty roster")."""

    ON_SITE = "on_site", "在岗"
    ON_DUTY = "on_duty", "值班"
    LEAVE = "leave", "请假"
    OUT = "out", "外出"


class LedgerKind(LabelledEnum):
    """The detention centre's daily ledgers (台账) the office reviews (docs/ledger.md)."""

    ADMISSION = "admission", "入所登记"
    RELEASE = "release", "出所登记"
    SERVING = "serving", "留所服刑"
    HANDOVER = "handover", "换押"


class LedgerImportStatus(LabelledEnum):
    """Whether the changes of an imported ledger went into the register."""

    PENDING = "pending", "待确认"
    CONFIRMED = "confirmed", "已确认"
    PARTLY = "partly", "部分确认"


class LeadStatus(LabelledEnum):
    """A supervision lead (监督线索): 待核实 → 核实中 → 已核实 / 已排除 (docs/ledger.md)."""

    PENDING = "pending", "待核实"
    CHECKING = "checking", "核实中"
    VERIFIED = "verified", "已核实"
    EXCLUDED = "excluded", "已排除"


class LeadRule(LabelledEnum):
    """The rule a supervision lead was found by (``inspector.leads.rules``)."""

    LATE_ARREST_REQUEST = "late_arrest_request", "提请批准逮捕超期"
    HANDOVER_MISSING = "handover_missing", "未换押"
    HANDOVER_LATE = "handover_late", "换押不及时"
    SERVING_OVER_THREE_MONTHS = "serving_over_3_months", "余刑三个月以上留所服刑"
    DELIVERY_OVERDUE = "delivery_overdue", "交付执行超期"
    RELEASE_AFTER_CUSTODY_END = "release_after_custody_end", "羁押期限届满后出所"
    STAGE_WITHOUT_DOCUMENT = "stage_without_document", "诉讼环节无法律文书日期"
    RELEASE_WITHOUT_PAPER = "release_without_paper", "出所无相应法律文书"
