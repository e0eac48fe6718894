"""The PII access log as a hash chain: each entry carries the SHA-256 of the one before it.

An entry's hash is SHA-256 over a canonical JSON encoding of its fields (``CHAINED_FIELDS``)
plus the previous entry's hash; positions run 1, 2, 3, … without gaps. Changing an entry's
fields breaks its own hash; deleting or inserting one breaks the positions and the next
entry's ``previous_hash``. Appends are serialised by a transaction-scoped advisory lock and a
unique position, so two concurrent appends cannot fork the chain. The database appends
(``pii_access_log_append``, migration evt_0008) from ``template``: this encoding with gaps for
the values only it knows then; verification recomputes every hash here.

The chain detects edits made without rewriting everything after them; someone with write
access who recomputes the whole tail is caught only by comparing with a head hash kept
elsewhere (``somos verify-pii-log`` prints it, for the operations log).

The encoding is frozen: entries written years ago must still verify. A new column of
``pii_access_log`` that must be tamper-evident needs a new encoding version, not an edit here.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64  # the previous hash of the first entry
# pg_advisory_xact_lock key of the chain's appends (any constant; this one spells "somospii").
APPEND_LOCK = 0x736F6D6F73706969
CHAINED_FIELDS = (
    "id",
    "position",
    "occurred_at",
    "subject",
    "token_id",
    "action",
    "event_id",
    "attendee_id",
    "record_count",
    "request_id",
)


def _text(value: Any) -> Any:
    if value is None or isinstance(value, int | str):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):  # evt_0008's to_char writes an append's time the same way
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    raise TypeError(f"cannot encode {type(value).__name__} in the PII access log chain")


def canonical(entry: Mapping[str, Any], previous_hash: str) -> bytes:
    """The bytes an entry's hash is taken over: its chained fields and the previous hash."""
    fields = {name: _text(entry[name]) for name in CHAINED_FIELDS}
    fields["previous_hash"] = previous_hash
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def entry_hash(entry: Mapping[str, Any], previous_hash: str) -> str:
    """SHA-256 (hex) of the entry's canonical encoding."""
    return hashlib.sha256(canonical(entry, previous_hash)).hexdigest()


# The values only the database knows when it appends (``pii_access_log_append``, migration
# evt_0008), under the chain's lock: the time (so that times follow positions), the position
# and previous hash from the head, the record count from the page the same statement reads.
# In the canonical encoding's order; the first two are JSON strings, the others numbers.
DATABASE_FILLS = ("occurred_at", "position", "previous_hash", "record_count")
assert tuple(sorted(DATABASE_FILLS)) == DATABASE_FILLS  # the order the function fills in
_FILLED_AS_TEXT = ("occurred_at", "previous_hash")


def template(entry: Mapping[str, Any]) -> list[str]:
    """The canonical encoding of ``entry`` cut around the values the database fills in: five
    pieces of ASCII text, to be joined with the time, the position, the previous hash and the
    record count between them (``canonical`` with those values, byte for byte)."""
    pieces, text = [], "{"
    for i, name in enumerate(sorted((*CHAINED_FIELDS, "previous_hash"))):
        text += ("," if i else "") + json.dumps(name) + ":"
        if name in DATABASE_FILLS:
            quote = '"' if name in _FILLED_AS_TEXT else ""  # neither needs escaping
            pieces.append(text + quote)
            text = quote
        else:
            text += json.dumps(_text(entry[name]), ensure_ascii=True)
    pieces.append(text + "}")
    return pieces


@dataclass(frozen=True)
class BrokenLink:
    """The first place where the chain does not hold."""

    position: int
    entry_id: uuid.UUID | None
    reason: str


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a verification: entries read, the first broken link, the head hash."""

    count: int
    head_hash: str
    broken: BrokenLink | None = None

    @property
    def intact(self) -> bool:
        return self.broken is None

    def describe(self) -> str:
        if self.broken is None:
            return (
                f"PII access log intact: {self.count} entries, chain head {self.head_hash}"
                if self.count
                else "PII access log intact: 0 entries"
            )
        return (
            f"PII access log broken at position {self.broken.position} "
            f"(entry {self.broken.entry_id}): {self.broken.reason}"
        )


class ChainVerifier:
    """Checks entries one by one, in position order, and remembers the first broken link."""

    def __init__(self) -> None:
        self.count = 0
        self.previous = GENESIS
        self.broken: BrokenLink | None = None

    def check(self, row: Mapping[str, Any]) -> bool:
        """Check the next entry; False once the chain is broken (stop reading then)."""
        expected = self.count + 1
        entry_id = row["id"]
        if row["position"] != expected:
            missing = (
                f"entries {expected} to {row['position'] - 1} are missing"
                if row["position"] > expected
                else f"position {row['position']} appears again"
            )
            self.broken = BrokenLink(
                expected, entry_id, f"{missing} (the next entry is {entry_id})"
            )
            return False
        if row["previous_hash"] != self.previous:
            self.broken = BrokenLink(
                expected, entry_id, "its previous_hash is not the hash of the entry before it"
            )
            return False
        if row["entry_hash"] != entry_hash(row, row["previous_hash"]):
            self.broken = BrokenLink(
                expected, entry_id, "its fields do not match its hash (the entry was changed)"
            )
            return False
        self.count = expected
        self.previous = row["entry_hash"]
        return True

    def report(self) -> ChainReport:
        return ChainReport(count=self.count, head_hash=self.previous, broken=self.broken)


def verify_rows(rows: Iterable[Mapping[str, Any]]) -> ChainReport:
    """Verify entries given in position order."""
    verifier = ChainVerifier()
    for row in rows:
        if not verifier.check(row):
            break
    return verifier.report()


SELECT_IN_ORDER = (
    "SELECT " + ", ".join((*CHAINED_FIELDS, "previous_hash", "entry_hash")) + " "
    "FROM pii_access_log ORDER BY position"
)


async def verify_database(database_url: str) -> ChainReport:
    """Verify the whole log of the events database at ``database_url`` (one snapshot)."""
    import asyncpg

    from services.common.db import asyncpg_dsn

    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        verifier = ChainVerifier()
        async with conn.transaction(isolation="repeatable_read", readonly=True):
            async for row in conn.cursor(SELECT_IN_ORDER, prefetch=1000):
                if not verifier.check(row):
                    break
        return verifier.report()
    finally:
        await conn.close()
