"""Rules of the participation summary: breakdowns add up; by hand, or computed from attendees."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.common.disclosure import Disclosure, protect_summary
from services.common.errors import Conflict, DomainError, FieldError
from services.common.records import bump_version, flush
from services.events import records
from services.events.models import Event, Participation
from services.events.participation import repository
from services.events.participation.schemas import ParticipationRead, ParticipationWrite
from services.events.pii import Keyring, open_attendee
from services.events.records import event_year
from services.events.vocabularies import BREAKDOWNS, OPTIONAL_COUNTS, age_group, count_column


class ParticipationComputed(Conflict):
    slug, title = "participation-computed", "Participation is computed from the attendees"


class BreakdownMismatch(DomainError):
    status, slug, title = 422, "breakdown-mismatch", "A participation breakdown does not add up"


def participation_read(p: Participation, *, disclosure: Disclosure) -> ParticipationRead:
    """The summary as returned to clients, small cells withheld unless ``disclosure`` is
    exact."""
    figures: dict[str, Any] = {
        "total": p.total,
        **{
            name: {code.value: getattr(p, count_column(name, code.value)) for code in codes}
            for name, codes in BREAKDOWNS.items()
        },
        **{name: getattr(p, name) for name in OPTIONAL_COUNTS},
    }
    suppressed = protect_summary(
        figures, disclosure=disclosure, breakdowns=BREAKDOWNS, flags=OPTIONAL_COUNTS
    )
    return ParticipationRead(
        event_id=p.event_id,
        source=p.source,
        **figures,
        suppressed=suppressed,
        version=p.version,
        updated_at=p.updated_at,
    )


def check_breakdowns(data: ParticipationWrite) -> None:
    """422 naming each breakdown that does not add up to total, and each count above it."""
    errors: list[FieldError] = []
    for name in BREAKDOWNS:
        counts: Mapping[Any, int] = getattr(data, name)
        added = sum(counts.values())
        if added != data.total:
            errors.append(
                FieldError(field=name, message=f"adds up to {added}, not to total {data.total}")
            )
    for name in OPTIONAL_COUNTS:
        value = getattr(data, name)
        if value is not None and value > data.total:
            errors.append(
                FieldError(field=name, message=f"{value} is more than total {data.total}")
            )
    if errors:
        raise BreakdownMismatch("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def _count_values(total: int, breakdowns: Mapping[str, Mapping[str, int]]) -> dict[str, int]:
    values = {"total": total}
    for name, codes in BREAKDOWNS.items():
        for code in codes:
            values[count_column(name, code.value)] = int(breakdowns[name].get(code.value, 0))
    return values


async def put_participation(
    session: AsyncSession, *, event: Event, data: ParticipationWrite, current: Participation | None
) -> tuple[Participation, bool]:
    """Record the summary by hand; 409 while it is computed from attendees."""
    records.ensure_writable(event)
    if (
        current is not None and current.source == "attendees"
    ) or await repository.has_active_attendees(session, event.id):
        raise ParticipationComputed(
            "This event has attendees: its participation summary is computed from them and "
            "cannot be edited by hand. Change the attendees instead."
        )
    check_breakdowns(data)
    breakdowns = {name: {k.value: v for k, v in getattr(data, name).items()} for name in BREAKDOWNS}
    values: dict[str, Any] = _count_values(data.total, breakdowns)
    values.update({name: getattr(data, name) for name in OPTIONAL_COUNTS})
    if current is None:
        participation = Participation(event_id=event.id, source="manual", **values)
        session.add(participation)
        await flush(session)
        return participation, True
    for key, value in values.items():
        setattr(current, key, value)
    bump_version(current)
    await flush(session)
    return current, False


def attendee_categories(payload: Mapping[str, Any], event: Event) -> dict[str, str]:
    """The breakdown codes one attendee counts under (age at the event's start year)."""
    birth_year = payload.get("birth_year")
    year = event_year(event)
    return {
        "by_sex": payload["sex"],
        "by_ethnicity": payload["ethnicity"],
        "by_role": payload["role"],
        "by_age_group": age_group(year - birth_year if birth_year else None).value,
    }


async def recompute_participation(session: AsyncSession, *, event: Event, keyring: Keyring) -> None:
    """Rebuild the summary from the active attendees plus the anonymous counts of erased ones
    (neither: no summary)."""
    attendees = await repository.active_attendees(session, event.id)
    erased = await repository.get_erased_counts(session, event.id)
    current = await repository.get_participation(session, event.id, for_update=True)
    if not attendees and erased is None:
        if current is not None and current.source == "attendees":
            await repository.delete_participation(session, event.id)
        return
    breakdowns: dict[str, dict[str, int]] = {name: {} for name in BREAKDOWNS}
    for attendee in attendees:
        for name, code in attendee_categories(open_attendee(keyring, attendee), event).items():
            breakdowns[name][code] = breakdowns[name].get(code, 0) + 1
    values: dict[str, Any] = _count_values(len(attendees), breakdowns)
    if erased is not None:
        values = {key: value + getattr(erased, key) for key, value in values.items()}
    values.update({name: None for name in OPTIONAL_COUNTS})
    if current is None:
        session.add(Participation(event_id=event.id, source="attendees", **values))
    else:
        for key, value in values.items():
            setattr(current, key, value)
        current.source = "attendees"
        bump_version(current)
    await flush(session)
