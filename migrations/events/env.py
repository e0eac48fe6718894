"""Alembic environment of the events service."""

import services.events.models  # noqa: F401  (registers the tables)
from services.common.migrations import run_env

run_env("events")
