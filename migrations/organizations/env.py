"""Alembic environment of the organizations service."""

import services.organizations.models  # noqa: F401  (registers the tables)
from services.common.migrations import run_env

run_env("organizations")
