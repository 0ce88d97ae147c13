"""Numbers cannot be burnt (issue #11, item 7): a device may hold only numbers the office granted it or
that it has issued (a document of its own carries them).

Before, ``sync.reclaim_lease`` took any sane-looking range from any device: 20 calls fenced off
102,000 numbers. Now a lease is reclaimed only with its token (the id the office gave it, a keyed hash
of station, holder, type, year and range), and a number outside the device's leases is taken only
with the document that carries it (``sync.claim_number``), if nobody else holds it.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import text

from inspector.sync import office as office_admin
from tests.sync.conftest import Laptop, Office
from tests.sync.test_numbers import DOC, issue_notice


def leases(office: Office) -> list[tuple[str, int, int]]:
    with office.admin() as conn:
        return [
            (str(r[0]), int(r[1]), int(r[2]))
            for r in conn.execute(
                "SELECT device_role, first_seq, last_seq FROM sync.number_lease ORDER BY first_seq"
            )
        ]


def test_arbitrary_reclaims_fence_off_nothing(office: Office, laptops: Callable[..., Laptop]) -> None:
    laptop = laptops()
    rng = random.Random(7)
    answers = []
    with office.as_device(laptop.role) as conn:
        for i in range(20):
            first = rng.randint(1, 900_000)
            row = conn.execute(
                "SELECT sync.reclaim_lease(%s, %s, %s, %s, %s, now(), now())",
                (uuid.uuid4(), "procuratorial_suggestion", 2026, first, first + 5099 + i),
            ).fetchone()
            assert row is not None
            answers.append(row[0])
    assert set(answers) == {"refused"}
    assert leases(office) == []


def test_a_device_cannot_make_lease_tokens(office: Office, laptops: Callable[..., Laptop]) -> None:
    laptop = laptops()
    with office.as_device(laptop.role) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT sync.lease_token('QXG', %s, %s, 2026, 1, 50)", (laptop.role, DOC))
    with office.as_device(laptop.role) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT key FROM sync.lease_key")


def test_a_number_outside_the_leases_comes_with_its_document_only(
    office: Office, laptops: Callable[..., Laptop]
) -> None:
    a = laptops()
    b = laptops(second=True)
    office_admin.grant_lease(office.admin_url, "QXG", b.name, DOC, 2026, 5)  # b holds 1-5
    # a issues numbers 1-3 from init's local block (voided at enrollment, still in the table):
    # they belong to b's lease, so the office refuses them; numbers nobody holds are taken
    with a.store.session() as s:
        s.execute(text("UPDATE number_block SET voided_at = NULL"))
    taken = [issue_notice(a, 2026)[1] for _ in range(3)]
    assert taken == [1, 2, 3]
    report = a.sync()
    assert report.pushed.rejected == 3  # 1-3 are b's
    assert office.scalar("SELECT count(*) FROM records.rectification_notice") == 0
    with a.store.session() as s:  # numbers beyond b's lease, which nobody holds
        s.execute(text("UPDATE number_block SET next_seq = 20 WHERE source = 'local'"))
    assert [issue_notice(a, 2026)[1] for _ in range(2)] == [20, 21]
    report = a.sync()
    assert report.pushed.accepted >= 2
    assert (a.role, 20, 21) in leases(office)  # one voided lease for the two, taken with the documents
    # calling the claim directly for a document that is not the device's own gives nothing
    with office.admin() as conn:
        notice = conn.execute("SELECT id FROM records.rectification_notice WHERE doc_seq = 20").fetchone()
    assert notice is not None
    with office.as_device(b.role) as conn:
        row = conn.execute("SELECT sync.claim_number('rectification_notice', %s)", (notice[0],)).fetchone()
    assert row == (False,)
    next_lease = office_admin.grant_lease(office.admin_url, "QXG", b.name, DOC, 2026, 5)
    assert next_lease.first_seq == 22
