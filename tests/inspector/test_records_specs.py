"""Every synced table has a validation spec that matches its columns."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import String

from inspector.domain.errors import ValidationError
from inspector.domain.records import PATROL, SPECS
from inspector.store.base import SYNC_COLUMNS, Base, synced_tables


def test_every_synced_table_has_a_spec() -> None:
    assert set(synced_tables()) == set(SPECS)


@pytest.mark.parametrize("table", synced_tables())
def test_spec_fields_exist_and_lengths_fit_the_columns(table: str) -> None:
    columns = Base.metadata.tables[table].c
    spec = SPECS[table]
    for field in spec.fields:
        assert field.name in columns, f"{table}: spec names unknown column {field.name}"
        column_type = columns[field.name].type
        if isinstance(column_type, String) and column_type.length and field.name not in SYNC_COLUMNS:
            if field.choices is not None:
                longest = max(len(choice) for choice in field.choices)
                assert longest <= column_type.length, (
                    f"{table}.{field.name}: a choice is longer than the column"
                )
                continue
            assert field.max_length is not None, f"{table}.{field.name}: no length limit in the spec"
            assert field.max_length <= column_type.length


@pytest.mark.parametrize("table", synced_tables())
def test_every_bounded_text_column_is_checked(table: str) -> None:
    spec_names = {f.name for f in SPECS[table].fields}
    for column in Base.metadata.tables[table].c:
        if column.name in SYNC_COLUMNS or not isinstance(column.type, String) or not column.type.length:
            continue
        assert column.name in spec_names, f"{table}.{column.name} ({column.type}) has no spec entry"


def test_time_of_day_order() -> None:
    values = {"patrol_date": date(2026, 3, 2), "areas": ["一监区"], "methods": ["on_site"]}
    PATROL.validate({**values, "start_time": time(9), "end_time": time(10)}, today=date(2026, 3, 3))
    with pytest.raises(ValidationError, match="结束时间不能早于开始时间"):
        PATROL.validate({**values, "start_time": time(10), "end_time": time(9)}, today=date(2026, 3, 3))
