"""The events service's change feed: which tables are changes, and their types.

A commitment still pending after its due date is announced once per due date as
``commitment.overdue`` (``services/events/commitments/overdue.py``): nobody writes the
commitment when a date passes, so the service inserts a notice and its trigger writes the change.

Attendees' changes carry no name, only the attendee's id and the event's municipality, and
only callers holding ``attendees:pii`` (who may read the attendee) see them.
"""

from __future__ import annotations

from services.common.changes import Announcement, ChangeFeed, ChangeSource, Transition

READ = ("events:read",)
# An event's records take the event's municipality, looked up when the change commits.
EVENT_OF = "(SELECT e.municipality_code FROM events e WHERE e.id = r.event_id)"
EVENT_PATH = "'/api/v1/events/' || r.event_id || "
OVERDUE = Announcement(
    "overdue", "vencimiento", "overdue", notices="commitment_overdue_notices", key="commitment_id"
)

FEED = ChangeFeed(
    service="events",
    operation_id="events-changes",
    sources=(
        ChangeSource(
            table="events",
            type="event",
            resource="events",
            label=("Evento", "Event"),
            path="'/api/v1/events/' || r.id",
            municipality="r.municipality_code",
            scopes=READ,
            transitions=(
                Transition("held", "held", "realización", "held"),
                Transition("cancelled", "cancelled", "cancelación", "cancelled"),
            ),
        ),
        ChangeSource(
            table="participation",
            type="participation",
            resource="participation",
            label=("Participación", "Participation"),
            path=EVENT_PATH + "'/participation'",
            municipality=EVENT_OF,
            scopes=READ,
            archivable=False,
            deleted_verb="deleted",
            id_column="event_id",
        ),
        ChangeSource(
            table="attendees",
            type="attendee",
            resource="attendees",
            label=("Asistente", "Attendee"),
            path=EVENT_PATH + "'/attendees/' || r.id",
            municipality=EVENT_OF,
            scopes=(*READ, "attendees:pii"),
            deleted_verb="erased",
        ),
        ChangeSource(
            table="risk_factors",
            type="risk_factor",
            resource="risk-factors",
            label=("Factor de riesgo", "Risk factor"),
            path=EVENT_PATH + "'/risk-factors'",
            municipality=EVENT_OF,
            scopes=READ,
        ),
        ChangeSource(
            table="commitments",
            type="commitment",
            resource="commitments",
            label=("Compromiso", "Commitment"),
            path="'/api/v1/commitments/' || r.id",
            municipality=EVENT_OF,
            scopes=READ,
            transitions=(
                Transition("in_progress", "started", "inicio", "started"),
                Transition("fulfilled", "fulfilled", "cumplimiento", "fulfilled"),
                Transition("cancelled", "cancelled", "cancelación", "cancelled"),
            ),
            announcements=(OVERDUE,),
        ),
        ChangeSource(
            table="commitment_notes",
            type="commitment_note",
            resource="commitment-notes",
            label=("Nota de seguimiento", "Commitment note"),
            path="'/api/v1/commitments/' || r.commitment_id",
            municipality=(
                "(SELECT e.municipality_code FROM commitments c "
                "JOIN events e ON e.id = c.event_id WHERE c.id = r.commitment_id)"
            ),
            scopes=READ,
            archivable=False,
            versioned=False,
        ),
    ),
)
