"""The event types a subscription may ask for: the change types of the services' feeds,
each with the read scopes its owner's token needs (the feed's own rule)."""

from __future__ import annotations

from functools import cache

from services.common.auth import PII_SCOPE, Principal
from services.common.catalog import SERVICES
from services.common.errors import InvalidInput, MissingScope


@cache
def event_types() -> dict[str, tuple[str, ...]]:
    """Every deliverable change type and the scopes it needs. Changes that need attendees:pii
    are never sent by webhooks (the service account does not read them)."""
    types: dict[str, tuple[str, ...]] = {}
    for spec in SERVICES.values():
        if spec.change_feed is None:
            continue
        for source in spec.load(spec.change_feed).sources:
            if PII_SCOPE in source.scopes:
                continue
            for name in source.types():
                types[name] = tuple(source.scopes)
    return types


def check_event_types(names: list[str], principal: Principal) -> None:
    """422 naming the first unknown type; 403 naming a scope the token lacks for one."""
    known = event_types()
    for index, name in enumerate(names):
        if name not in known:
            raise InvalidInput(
                f"event_types.{index}",
                f"'{name}' is not an event type webhooks deliver (the change types of "
                "GET /api/v1/changes, see docs/changes.md)",
            )
    for name in names:
        for scope in known[name]:
            if not principal.has_scope(scope):
                raise MissingScope(scope)


def owner_may_receive(change_type: str, owner_scopes: list[str]) -> bool:
    """Whether the owner's scopes (at creation) read changes of this type."""
    needed = event_types().get(change_type)
    return needed is not None and set(needed) <= set(owner_scopes)
