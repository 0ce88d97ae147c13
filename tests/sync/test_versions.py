"""Schema versions and the office's identity: a mismatch stops sync before anything is consumed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from inspector.store.models import Detainee, SyncOutbox
from inspector.sync import enroll, push, schema
from inspector.sync import office as office_admin
from inspector.sync.connection import connect
from inspector.sync.errors import EXIT_OFFICE_CHANGED, EXIT_UPGRADE, OfficeChangedError, UpgradeRequiredError
from tests.conftest import detainee_values
from tests.sync.conftest import Laptop, Office


def test_synced_models_match_the_declared_schema_version() -> None:
    """Changing a synced model means raising SCHEMA_VERSION and recording the new fingerprint."""
    assert schema.KNOWN_FINGERPRINTS[schema.SCHEMA_VERSION] == schema.fingerprint()


def outbox(laptop: Laptop) -> int:
    with laptop.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)) or 0)


def set_office_version(office: Office, version: int) -> None:
    with office.admin() as conn:
        conn.execute("UPDATE sync.meta SET value = %s WHERE key = 'schema_version'", (str(version),))


@pytest.mark.pg
def test_old_laptop_against_newer_office_is_told_to_upgrade_and_loses_nothing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    a.store.repo(Detainee).add(detainee_values())
    set_office_version(office, schema.SCHEMA_VERSION + 1)
    with pytest.raises(UpgradeRequiredError, match="upgrade required") as caught:
        a.sync()
    assert caught.value.exit_code == EXIT_UPGRADE and caught.value.office > caught.value.client
    assert outbox(a) == 1 and push.pending_batch(a.store) is None
    set_office_version(office, schema.SCHEMA_VERSION)  # (the laptop "upgraded")
    a.sync()
    assert outbox(a) == 0 and office.scalar("SELECT count(*) FROM records.detainee") == 1


@pytest.mark.pg
def test_an_office_upgraded_between_hello_and_push_consumes_nothing(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    a.store.repo(Detainee).add(detainee_values())
    batch = push.freeze_batch(a.store)
    assert batch is not None
    set_office_version(office, schema.SCHEMA_VERSION + 1)
    with connect(a.target) as channel, pytest.raises(UpgradeRequiredError):
        push.send_batch(channel, batch)
    assert office.scalar("SELECT count(*) FROM sync.batch WHERE batch_id = %s", (batch.batch_id,)) == 0
    assert office.scalar("SELECT count(*) FROM records.detainee") == 0
    assert push.pending_batch(a.store) == batch  # kept, bytes and all
    set_office_version(office, schema.SCHEMA_VERSION)
    a.sync()
    assert office.scalar("SELECT count(*) FROM records.detainee") == 1 and outbox(a) == 0


@pytest.mark.pg
def test_new_laptop_against_older_office_is_told_the_office_needs_upgrading(
    office: Office, laptops: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptops()
    a.sync()
    a.store.repo(Detainee).add(detainee_values())
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with pytest.raises(UpgradeRequiredError, match="office init") as caught:
        a.sync()
    assert caught.value.client > caught.value.office
    # even sent directly, a batch of the newer version is refused without being consumed
    batch = push.freeze_batch(a.store)
    assert batch is not None and batch.schema_version == schema.SCHEMA_VERSION
    with connect(a.target) as channel, pytest.raises(UpgradeRequiredError):
        push.send_batch(channel, batch)
    assert office.scalar("SELECT count(*) FROM sync.op_ledger") == 2  # only the first sync's ops
    assert outbox(a) == 1


@pytest.mark.pg
def test_a_restored_office_is_detected_and_nothing_changes(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    a.sync()
    a.store.repo(Detainee).add(detainee_values())
    office_admin.new_epoch(office.admin_url)  # what the restore procedure does (docs/sync.md)
    with pytest.raises(OfficeChangedError) as caught:
        a.sync()
    assert caught.value.exit_code == EXIT_OFFICE_CHANGED
    assert outbox(a) == 1 and office.scalar("SELECT count(*) FROM records.detainee") == 0


@pytest.mark.pg
def test_hello_names_the_device_and_its_station(office: Office, laptops: Callable[..., Laptop]) -> None:
    a = laptops()
    with connect(a.target) as channel:
        answer = enroll.hello(channel)
    assert answer["station_id"] == str(a.store.station_id) and answer["device_id"] == str(a.store.device_id)
    assert answer["schema_version"] == schema.SCHEMA_VERSION and answer["role"] == a.role
