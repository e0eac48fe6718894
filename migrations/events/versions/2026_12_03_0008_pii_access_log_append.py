"""Appending to the PII access log becomes one database function, ``pii_access_log_append``.

The function takes the chain's append lock, reads the head and the clock, computes the new
entry's hash and inserts it: one round trip instead of three, and a call that can ride inside the very
statement that reads a page of attendees (the lean list path), so that the page and its log
entry are one statement and one transaction.

The hash is SHA-256 over the canonical encoding Python writes (``chain.template``: the text
around the time, the position, the previous hash and the record count, which only the
database knows at that moment; the time is written as ``chain._text`` writes it). Verification is unchanged: ``somos verify-pii-log`` recomputes each hash in
Python from the entry's fields.

Revision ID: evt_0008
Revises: evt_0007
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

from services.events.pii_access_log.chain import APPEND_LOCK, GENESIS

revision: str = "evt_0008"
down_revision: str | None = "evt_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# VOLATILE, in READ COMMITTED: each statement inside takes a fresh snapshot, so the head is
# read after the lock is held, even when the call sits in a larger statement whose own
# snapshot is older. The lock is held until the caller's transaction ends.
APPEND = f"""
CREATE FUNCTION pii_access_log_append(
    new_id uuid,
    new_subject text,
    new_token_id text,
    new_action text,
    new_event_id uuid,
    new_attendee_id uuid,
    new_record_count integer,
    new_request_id text,
    canonical_pieces text[]
) RETURNS bigint
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    head_position bigint;
    head_hash text;
    new_occurred_at timestamptz;
BEGIN
    IF array_length(canonical_pieces, 1) IS DISTINCT FROM 5 THEN
        RAISE EXCEPTION 'pii_access_log_append: canonical_pieces needs 5 pieces';
    END IF;
    PERFORM pg_advisory_xact_lock({APPEND_LOCK});
    new_occurred_at := clock_timestamp();  -- under the lock: times follow positions
    SELECT l.position, l.entry_hash INTO head_position, head_hash
        FROM pii_access_log l ORDER BY l.position DESC LIMIT 1;
    IF NOT FOUND THEN
        head_position := 0;
        head_hash := '{GENESIS}';
    END IF;
    INSERT INTO pii_access_log (
        id, occurred_at, subject, token_id, action, event_id, attendee_id, record_count,
        request_id, position, previous_hash, entry_hash
    ) VALUES (
        new_id, new_occurred_at, new_subject, new_token_id, new_action, new_event_id,
        new_attendee_id, new_record_count, new_request_id, head_position + 1, head_hash,
        encode(sha256(convert_to(
            canonical_pieces[1]
            || to_char(new_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            || canonical_pieces[2] || (head_position + 1)::text
            || canonical_pieces[3] || head_hash
            || canonical_pieces[4] || new_record_count::text
            || canonical_pieces[5], 'UTF8')), 'hex')
    );
    RETURN head_position + 1;
END
$$
"""


def upgrade() -> None:
    op.execute(APPEND)


def downgrade() -> None:
    op.execute("DROP FUNCTION pii_access_log_append")
