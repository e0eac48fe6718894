"""The processes that make up Somos: read from the one catalog in ``services/common``."""

from __future__ import annotations

from services.common.catalog import SERVICES, ServiceSpec, database_services, worker_services

__all__ = ["SERVICES", "ServiceSpec", "database_services", "worker_services"]
