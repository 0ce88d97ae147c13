"""All ORM models. Importing this package registers every table on ``Base.metadata``."""

from inspector.store.models import sync as sync  # registers the sync bookkeeping tables
from inspector.store.models.corrections import (
    Finding,
    OralCorrection,
    ProcuratorialSuggestion,
    RectificationNotice,
)
from inspector.store.models.derived import CustodyStatus
from inspector.store.models.detainees import CustodyEvent, Detainee
from inspector.store.models.duty import DutyPlan, DutySignIn, StaffMember
from inspector.store.models.ledger import LedgerImport, LedgerProfile, SupervisionLead
from inspector.store.models.local import (
    AuditLog,
    Blob,
    FormDraft,
    LocalCredential,
    LocalMeta,
    SyncCapture,
    SyncOutbox,
)
from inspector.store.models.oversight import (
    Attachment,
    DailyLog,
    ExecutionDeliveryCheck,
    Incident,
    MonthlyReport,
    PreholidayInspection,
)
from inspector.store.models.reference import HolidayDay, NumberBlock
from inspector.store.models.station import AppUser, Station, StationSetting
from inspector.store.models.work import LawyerMeetingCheck, MailboxLetter, MailboxOpening, Patrol, Talk

__all__ = [
    "AppUser",
    "Attachment",
    "AuditLog",
    "Blob",
    "CustodyEvent",
    "CustodyStatus",
    "DailyLog",
    "Detainee",
    "DutyPlan",
    "DutySignIn",
    "ExecutionDeliveryCheck",
    "Finding",
    "FormDraft",
    "HolidayDay",
    "Incident",
    "LawyerMeetingCheck",
    "LedgerImport",
    "LedgerProfile",
    "LocalCredential",
    "LocalMeta",
    "MailboxLetter",
    "MailboxOpening",
    "MonthlyReport",
    "NumberBlock",
    "OralCorrection",
    "Patrol",
    "PreholidayInspection",
    "ProcuratorialSuggestion",
    "RectificationNotice",
    "StaffMember",
    "Station",
    "StationSetting",
    "SupervisionLead",
    "SyncCapture",
    "SyncOutbox",
    "Talk",
]
