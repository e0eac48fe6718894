"""Tables of the events service.

Participation is one row per event with a typed count column per category (``sex_mujer``,
``age_14_28``, …). Statistics are then a single SUM over at most one row per event joined to
its event (no pivot, no JSON parsing), and the rule "each breakdown adds up to total" is a
CHECK constraint the database itself enforces.

Attendees keep nothing readable: one AES-GCM ciphertext with every personal field, the id of
the key that sealed it, a keyed hash of the document for duplicate detection within an event,
and a keyed hash of the person (document type and number, any event) for habeas data requests.
Erased attendees leave their anonymous counts in ``participation_erased``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

from services.common.models import timestamp_field
from services.common.records import Record, RecordId, Versioned
from services.events.vocabularies import BREAKDOWNS, OPTIONAL_COUNTS, count_column

COUNT_COLUMNS: dict[str, list[str]] = {
    name: [count_column(name, c.value) for c in codes] for name, codes in BREAKDOWNS.items()
}


def breakdown_checks() -> list[sa.CheckConstraint]:
    """CHECK constraints: each breakdown sums to total; optional counts ≤ total; all ≥ 0."""
    checks = [
        sa.CheckConstraint(" + ".join(cols) + " = total", name=f"{name}_adds_up")
        for name, cols in COUNT_COLUMNS.items()
    ]
    checks += [
        sa.CheckConstraint(f"{c} IS NULL OR ({c} >= 0 AND {c} <= total)", name=f"{c}_within_total")
        for c in OPTIONAL_COUNTS
    ]
    checks.append(sa.CheckConstraint("total >= 0", name="total_not_negative"))
    return checks


class Event(Record, table=True):
    """A dialogue, session, training or workshop in a community."""

    __tablename__ = "events"
    __table_args__ = (
        sa.Index("ix_events_starts_at_id", "starts_at", "id"),
        sa.Index("ix_events_organization_ids", "organization_ids", postgresql_using="gin"),
        # Statistics: events counted from the index alone (presorted for the distinct
        # communities), and the join from participation and commitments to the event's
        # territory, date and status.
        sa.Index(
            "ix_events_stats",
            "municipality_code",
            "type",
            "status",
            "community_key",
            postgresql_include=["department_code", "starts_at"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
        sa.Index(
            "ix_events_id_stats",
            "id",
            postgresql_include=["municipality_code", "department_code", "starts_at", "status"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    type: str = Field(max_length=40, index=True)
    title: str = Field(max_length=300)
    # Normalised copies are TEXT: NFKD can expand one character into several.
    search_text: str = Field(sa_type=sa.Text, description="normalised title and community")  # type: ignore[call-overload]
    municipality_code: str = Field(max_length=5, index=True)
    department_code: str = Field(max_length=2, index=True)
    community: str = Field(max_length=200)
    community_key: str = Field(sa_type=sa.Text, description="normalised community name")  # type: ignore[call-overload]
    starts_at: datetime = Field(sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
    ends_at: datetime = Field(sa_type=sa.DateTime(timezone=True))  # type: ignore[call-overload]
    status: str = Field(default="planned", max_length=12, index=True)
    status_reason: str | None = Field(default=None, max_length=2000)
    partner_institutions: list[str] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.String(30)), nullable=False)
    )
    organization_ids: list[uuid.UUID] = Field(
        default_factory=list, sa_column=sa.Column(ARRAY(sa.Uuid()), nullable=False)
    )
    security_plan_id: uuid.UUID | None = Field(default=None, index=True)
    trust_before_respondents: int | None = None
    trust_before_mean: Decimal | None = Field(
        default=None, sa_column=sa.Column(sa.Numeric(3, 2), nullable=True)
    )
    trust_after_respondents: int | None = None
    trust_after_mean: Decimal | None = Field(
        default=None, sa_column=sa.Column(sa.Numeric(3, 2), nullable=True)
    )
    trust_change: Decimal | None = Field(
        default=None, sa_column=sa.Column(sa.Numeric(3, 2), nullable=True)
    )


class ParticipationCounts(SQLModel):
    """Total and one count column per breakdown category: a summary's and an erasure's."""

    total: int = 0
    sex_mujer: int = 0
    sex_hombre: int = 0
    sex_otro: int = 0
    sex_no_reporta: int = 0
    age_0_13: int = 0
    age_14_28: int = 0
    age_29_59: int = 0
    age_60_mas: int = 0
    age_no_reporta: int = 0
    eth_afrocolombiano: int = 0
    eth_indigena: int = 0
    eth_raizal: int = 0
    eth_palenquero: int = 0
    eth_rrom: int = 0
    eth_ninguno: int = 0
    eth_no_reporta: int = 0
    role_comunidad: int = 0
    role_lider_social: int = 0
    role_policia: int = 0
    role_autoridad_local: int = 0
    role_organizacion_sociedad_civil: int = 0
    role_otro: int = 0


class Participation(Versioned, ParticipationCounts, table=True):
    """Anonymous participation summary of one event (typed counts, see module docstring)."""

    __tablename__ = "participation"
    __table_args__ = tuple(breakdown_checks())

    event_id: uuid.UUID = Field(foreign_key="events.id", primary_key=True)
    source: str = Field(
        default="manual",
        max_length=10,
        description="manual, or attendees when computed from the sign-in sheet",
    )
    conflict_victims: int | None = None
    persons_with_disability: int | None = None
    lgbtiq: int | None = None


class Attendee(Record, table=True):
    """A named attendee: every personal field lives in ``pii_ciphertext`` only."""

    __tablename__ = "attendees"
    __table_args__ = (
        sa.Index("ix_attendees_event_id_created_at_id", "event_id", "created_at", "id"),
        sa.Index(
            "uq_attendees_event_id_document_hash",
            "event_id",
            "document_hash",
            unique=True,
            postgresql_where=sa.text("archived_at IS NULL AND document_hash IS NOT NULL"),
        ),
        # Habeas data: every record of one person, across events, by keyed hash.
        sa.Index(
            "ix_attendees_person_hash",
            "person_hash",
            postgresql_where=sa.text("person_hash IS NOT NULL"),
        ),
        sa.CheckConstraint("consent_given", name="consent_given"),
    )

    event_id: uuid.UUID = Field(foreign_key="events.id")
    pii_key_id: str = Field(max_length=40)
    pii_ciphertext: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))
    document_hash: bytes | None = Field(
        default=None, sa_column=sa.Column(sa.LargeBinary(32), nullable=True)
    )
    person_hash: bytes | None = Field(
        default=None,
        sa_column=sa.Column(sa.LargeBinary(32), nullable=True),
        description="HMAC of document type and number, the same in every event (habeas data)",
    )
    consent_given: bool = True
    consent_at: datetime = timestamp_field()


class ParticipationErased(ParticipationCounts, table=True):
    """Anonymous counts of an event's attendees whose personal data was erased (habeas data
    or retention): the summary computed from attendees adds them, so erasing keeps figures."""

    __tablename__ = "participation_erased"

    event_id: uuid.UUID = Field(foreign_key="events.id", primary_key=True)
    updated_at: datetime = timestamp_field()


class PiiAccess(RecordId, table=True):
    """One read (or write answered with data) of attendees' personal data.

    Entries form a hash chain (``pii_access_log/chain.py``): ``position`` 1, 2, 3, …, each
    with the hash of the entry before it and its own."""

    __tablename__ = "pii_access_log"
    __table_args__ = (
        sa.Index("ix_pii_access_log_occurred_at_id", "occurred_at", "id"),
        sa.UniqueConstraint("position"),
    )

    occurred_at: datetime = timestamp_field()
    subject: str = Field(max_length=255, index=True)
    token_id: str | None = Field(default=None, max_length=255)
    action: str = Field(max_length=20)
    event_id: uuid.UUID | None = Field(default=None, index=True)  # None: a search found nobody
    attendee_id: uuid.UUID | None = None
    record_count: int
    request_id: str | None = Field(default=None, max_length=128)
    position: int = Field(sa_type=sa.BigInteger)  # type: ignore[call-overload]
    previous_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64)


class RiskFactor(Record, table=True):
    """A risk factor named in an event."""

    __tablename__ = "risk_factors"
    __table_args__ = (
        sa.Index("ix_risk_factors_event_id_created_at_id", "event_id", "created_at", "id"),
    )

    event_id: uuid.UUID = Field(foreign_key="events.id")
    category: str = Field(max_length=40, index=True)
    description: str = Field(max_length=4000)


class Commitment(Record, table=True):
    """A commitment (compromiso) agreed in an event."""

    __tablename__ = "commitments"
    __table_args__ = (
        sa.Index("ix_commitments_event_id_created_at_id", "event_id", "created_at", "id"),
        sa.Index("ix_commitments_due_date_id", "due_date", "id"),
        sa.Index("ix_commitments_status_due_date", "status", "due_date"),
        sa.Index(
            "ix_commitments_stats",
            "event_id",
            postgresql_include=["status", "due_date"],
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
    )

    event_id: uuid.UUID = Field(foreign_key="events.id")
    description: str = Field(max_length=4000)
    responsible_party: str = Field(max_length=300, index=True)
    responsible_party_kind: str = Field(max_length=20)
    due_date: date
    status: str = Field(default="open", max_length=12)
    status_reason: str | None = Field(default=None, max_length=2000)
    fulfilled_at: datetime | None = timestamp_field(nullable=True)


class CommitmentNote(RecordId, table=True):
    """A follow-up note on a commitment."""

    __tablename__ = "commitment_notes"
    __table_args__ = (
        sa.Index("ix_commitment_notes_commitment_id_created_at", "commitment_id", "created_at"),
    )

    commitment_id: uuid.UUID = Field(foreign_key="commitments.id")
    noted_on: date
    note: str = Field(max_length=4000)
    author: str = Field(max_length=255)
    created_at: datetime = timestamp_field()


class CommitmentOverdueNotice(SQLModel, table=True):
    """That a commitment was announced overdue for one due date: its trigger writes the
    ``commitment.overdue`` change, and the key keeps it to one announcement per due date."""

    __tablename__ = "commitment_overdue_notices"

    commitment_id: uuid.UUID = Field(foreign_key="commitments.id", primary_key=True)
    due_date: date = Field(primary_key=True)
    announced_at: datetime = timestamp_field()
