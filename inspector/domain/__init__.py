"""Domain layer: pure-Python rules and validation (no I/O, no database, no Qt)."""

from inspector.domain.errors import FieldError, InspectorError, ValidationError
from inspector.domain.idnumber import (
    birth_date_from_id,
    check_digit,
    gender_from_id,
    make_id_number,
    normalise_id_number,
    validate_id_number,
)
from inspector.domain.validation import (
    SHANGHAI,
    Check,
    DateOrder,
    FieldSpec,
    RecordSpec,
    birth_date_matches_id,
    gender_matches_id,
    id_number_check,
    is_empty,
    local_date,
    not_in_future,
)

__all__ = [
    "SHANGHAI",
    "Check",
    "DateOrder",
    "FieldError",
    "FieldSpec",
    "InspectorError",
    "RecordSpec",
    "ValidationError",
    "birth_date_from_id",
    "birth_date_matches_id",
    "check_digit",
    "gender_from_id",
    "gender_matches_id",
    "id_number_check",
    "is_empty",
    "local_date",
    "make_id_number",
    "normalise_id_number",
    "not_in_future",
    "validate_id_number",
]
