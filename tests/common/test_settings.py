"""Settings refuse unsafe production configurations."""

from __future__ import annotations

import pytest

from services.common.settings import DEFAULT_DEV_SECRET, InsecureConfiguration, PlatformSettings
from services.organizations.settings import OrganizationsSettings


def test_development_uses_the_default_secret():
    assert PlatformSettings().signing_secret() == DEFAULT_DEV_SECRET


@pytest.mark.parametrize("secret", [None, DEFAULT_DEV_SECRET, "short"])
def test_production_refuses_missing_default_or_weak_secret(monkeypatch, secret):
    monkeypatch.setenv("SOMOS_ENVIRONMENT", "production")
    if secret is None:
        monkeypatch.delenv("SOMOS_JWT_SECRET", raising=False)
    else:
        monkeypatch.setenv("SOMOS_JWT_SECRET", secret)
    with pytest.raises(InsecureConfiguration, match="SOMOS_JWT_SECRET"):
        PlatformSettings()


def test_production_accepts_a_strong_secret_or_jwks(monkeypatch):
    monkeypatch.setenv("SOMOS_ENVIRONMENT", "production")
    monkeypatch.setenv("SOMOS_JWT_SECRET", "x" * 40)
    assert PlatformSettings().signing_secret() == "x" * 40
    monkeypatch.delenv("SOMOS_JWT_SECRET")
    monkeypatch.setenv("SOMOS_JWT_JWKS_URL", "https://idp.example/jwks")
    assert PlatformSettings().jwt_jwks_url == "https://idp.example/jwks"


def test_service_settings_read_their_own_prefix(monkeypatch):
    monkeypatch.setenv("SOMOS_ORGANIZATIONS_DATABASE_URL", "postgresql://u@h/db")
    monkeypatch.setenv("SOMOS_ORGANIZATIONS_DB_POOL_SIZE", "3")
    monkeypatch.setenv("SOMOS_MAX_BODY_BYTES", "2048")
    settings = OrganizationsSettings()
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.db_pool_size == 3
    assert settings.platform.max_body_bytes == 2048
