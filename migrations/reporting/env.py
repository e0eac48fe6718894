"""Alembic environment of the reporting service."""

import services.reporting.models  # noqa: F401  (registers the tables)
from services.common.migrations import run_env

run_env("reporting")
