"""Errors the desktop can show carry a code of their own and the values they name, so that the UI can
word them in its language and tell them apart without reading their text (issue #10, item 5)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from inspector.cli.common import UsageError
from inspector.cli.sync import SyncUsageError
from inspector.documents.fonts import FontFileError, MissingGlyphError
from inspector.documents.numbering import AlreadySignedError, NumbersExhaustedError
from inspector.documents.render import BadKeyError, parse_day
from inspector.domain.errors import InspectorError
from inspector.store.backup import BackupError
from inspector.store.engine import DatabaseFileError, DatabaseKeyError
from inspector.store.files import OutputPathError
from inspector.store.keys import KeyRecordError, KeyUnavailableError, RecoveryCodeError
from inspector.store.repository import RecordNotFoundError
from inspector.store.store import (
    AlreadyInitialisedError,
    EmptyDatabaseError,
    NotAFolderError,
    NotInitialisedError,
)
from inspector.sync.conflicts import ConflictNotFoundError
from inspector.sync.connection import BadOfficeUrlError
from inspector.sync.enroll import EnrollmentError
from inspector.sync.errors import (
    AuthFailedError,
    NotEnrolledError,
    OfficeAdminError,
    OfficeBusyError,
    OfficeChangedError,
    OfficeUnreachableError,
    ProtocolError,
    UpgradeRequiredError,
)
from inspector.sync.reseed import ReseedNotNeededError

CJK = re.compile(r"[\u3400-\u9fff]")
ID = uuid.uuid4()
FOLDER = Path("/tmp/inspector-data")


def made() -> list[InspectorError]:
    plain = [
        cls("中文", "English")
        for cls in (
            FontFileError,
            AlreadySignedError,
            BackupError,
            DatabaseFileError,
            DatabaseKeyError,
            OutputPathError,
            KeyUnavailableError,
            RecoveryCodeError,
            UsageError,
            SyncUsageError,
            EnrollmentError,
            OfficeAdminError,
        )
    ]
    return [
        *plain,
        MissingGlyphError("𪜀", "事实", "FandolFang"),
        NumbersExhaustedError("rectification_notice", 2026),
        RecordNotFoundError("detainee", ID),
        NotInitialisedError(FOLDER),
        AlreadyInitialisedError(FOLDER),
        NotAFolderError(FOLDER),
        EmptyDatabaseError(FOLDER / "inspector.db", "为空", "is empty"),
        KeyRecordError(FOLDER / "key.json", "不是 JSON", "not JSON"),
        ConflictNotFoundError(ID),
        BadOfficeUrlError("missing host"),
        OfficeUnreachableError("timeout"),
        OfficeBusyError("lock timeout"),
        AuthFailedError("password authentication failed"),
        UpgradeRequiredError(3, 4),
        OfficeChangedError("a", "b"),
        NotEnrolledError(),
        ProtocolError("bad reply"),
        ReseedNotNeededError(),
    ]


def test_each_error_the_desktop_shows_has_a_code_of_its_own() -> None:
    errors = made()
    codes = [e.code for e in errors]
    assert "error" not in codes
    assert len(set(codes)) == len(codes), codes
    english = [
        e.message_en for e in errors if e.message_en != "English" and not isinstance(e, MissingGlyphError)
    ]
    assert [m for m in english if CJK.search(m)] == []  # a glyph's field is named by its label: the UI's


def test_errors_carry_the_values_they_name() -> None:
    by_type = {type(e): e for e in made()}
    assert by_type[MissingGlyphError].params == {
        "char": "𪜀", "codepoint": "U+2A700", "field": "事实", "font": "FandolFang"
    }  # fmt: skip
    assert by_type[NumbersExhaustedError].params["year"] == 2026
    assert by_type[RecordNotFoundError].params == {"kind": "detainee", "record_id": str(ID)}
    assert by_type[NotInitialisedError].params == {"data_dir": str(FOLDER)}
    assert by_type[UpgradeRequiredError].params == {"client": 3, "office": 4, "upgrade": "laptop"}
    assert by_type[OfficeUnreachableError].params == {"detail": "timeout"}
    assert by_type[ConflictNotFoundError].params == {"conflict_id": str(ID)}
    try:
        parse_day("2026-13-01")
    except BadKeyError as e:
        assert (e.code, e.params) == ("bad_date", {"text": "2026-13-01"})
    else:  # pragma: no cover
        raise AssertionError("not refused")
