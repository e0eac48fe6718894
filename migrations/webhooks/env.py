"""Alembic environment of the webhooks service."""

import services.webhooks.models  # noqa: F401  (registers the tables)
from services.common.migrations import run_env

run_env("webhooks")
