"""Alembic environment of the security_plans service."""

import services.security_plans.models  # noqa: F401  (registers the tables)
from services.common.migrations import run_env

run_env("security_plans")
