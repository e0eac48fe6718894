"""Bearer JWTs into a Principal with scopes and territories; scope and territory checks."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import ColumnElement, false, or_, true

from services.common.catalog import SCOPES as CATALOG_SCOPES
from services.common.errors import Forbidden, MissingScope, NotFound, Unauthorized
from services.common.settings import PlatformSettings

SCOPES = CATALOG_SCOPES  # every scope and what it allows (services/common/catalog.py)
PII_SCOPE = "attendees:pii"

bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="A Somos JWT (`somos token` mints one for development).",
)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling, what they may do, and where."""

    sub: str
    scopes: frozenset[str]
    municipalities: frozenset[str] | None = None
    departments: frozenset[str] | None = None
    token_id: str | None = None

    @property
    def is_territorially_limited(self) -> bool:
        return self.municipalities is not None or self.departments is not None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def can_access(self, municipality_code: str) -> bool:
        """True when the caller's territory claims cover this municipality."""
        if not self.is_territorially_limited:
            return True
        return (municipality_code in (self.municipalities or ())) or (
            municipality_code[:2] in (self.departments or ())
        )

    def territory_clause(
        self, municipality_column: Any, department_column: Any
    ) -> ColumnElement[bool]:
        """A SQL condition limiting rows to the caller's territories."""
        if not self.is_territorially_limited:
            return true()
        clauses = []
        if self.municipalities:
            clauses.append(municipality_column.in_(sorted(self.municipalities)))
        if self.departments:
            clauses.append(department_column.in_(sorted(self.departments)))
        return or_(*clauses) if clauses else false()


class PiiTokenTooLongLived(Unauthorized):
    """401: a token carrying attendees:pii whose lifetime exceeds SOMOS_PII_TOKEN_MAX_TTL."""

    slug, title = "pii-token-too-long-lived", "Token lifetime too long for personal data"


class TokenVerifier:
    """Verifies Somos JWTs: HS256 with the shared secret, or RS256/ES256 through a JWKS URL."""

    CACHE_SIZE = 4096

    def __init__(self, settings: PlatformSettings) -> None:
        self.settings = settings
        # Verified tokens, kept until they expire: a caller's token is decoded once, not on
        # every request (signature checks dominate the cost of a cheap GET).
        self._cache: dict[str, tuple[Principal, float]] = {}
        self._jwks: jwt.PyJWKClient | None = (
            jwt.PyJWKClient(settings.jwt_jwks_url, cache_keys=True, lifespan=300)
            if settings.jwt_jwks_url
            else None
        )

    def verify(self, token: str) -> Principal:
        """Decode and check a token; raise Unauthorized with a reason when it is not valid."""
        cached = self._cache.get(token)
        if cached is not None:
            if cached[1] > time.time():
                return cached[0]
            del self._cache[token]
        principal, expires = self._decode(token)
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = (principal, expires)
        return principal

    def _decode(self, token: str) -> tuple[Principal, float]:
        try:
            if self._jwks is not None:
                key: Any = self._jwks.get_signing_key_from_jwt(token).key
                algorithms = [a for a in self.settings.jwt_algorithms if a != "HS256"]
            else:
                key = self.settings.signing_secret()
                algorithms = ["HS256"]
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self.settings.jwt_audience,
                issuer=self.settings.jwt_issuer,
                options={"require": ["sub", "exp", "iat", "aud", "iss"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The token has expired.") from exc
        except jwt.PyJWKClientError as exc:
            raise Unauthorized("The token's signing key could not be resolved.") from exc
        except jwt.InvalidTokenError as exc:
            raise Unauthorized(f"The token is not valid: {exc}.") from exc
        principal = principal_from_claims(claims)
        if principal.has_scope(PII_SCOPE):
            self._check_pii_lifetime(claims)
        return principal, float(claims["exp"])

    def _check_pii_lifetime(self, claims: dict[str, Any]) -> None:
        """A token opening personal data must be short-lived (``SOMOS_PII_TOKEN_MAX_TTL``)."""
        limit = self.settings.pii_token_max_ttl
        try:
            lifetime = float(claims["exp"]) - float(claims["iat"])
        except (TypeError, ValueError) as exc:
            raise Unauthorized("The token's 'exp' and 'iat' claims must be numbers.") from exc
        if lifetime > limit:
            raise PiiTokenTooLongLived(
                f"A token carrying {PII_SCOPE} may live at most {limit} seconds "
                f"(exp - iat, SOMOS_PII_TOKEN_MAX_TTL); this one lives {int(lifetime)} seconds. "
                "Ask for a shorter-lived token."
            )


def _codes(value: Any, length: int, claim: str) -> frozenset[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(v, str) and len(v) == length and v.isdigit() for v in value
    ):
        raise Unauthorized(f"The token's '{claim}' claim must be a list of {length}-digit codes.")
    return frozenset(value)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    scope = claims.get("scope", "")
    if not isinstance(scope, str):
        raise Unauthorized("The token's 'scope' claim must be a space-separated string.")
    return Principal(
        sub=str(claims["sub"]),
        scopes=frozenset(scope.split()),
        municipalities=_codes(claims.get("municipalities"), 5, "municipalities"),
        departments=_codes(claims.get("departments"), 2, "departments"),
        token_id=claims.get("jti"),
    )


def mint_token(
    settings: PlatformSettings,
    *,
    scopes: Iterable[str],
    sub: str = "dev",
    municipalities: Sequence[str] | None = None,
    departments: Sequence[str] | None = None,
    ttl_seconds: int = 3600,
) -> str:
    """Sign an HS256 token with the configured secret (development and tests)."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": sub,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + ttl_seconds,
        "jti": uuid.uuid4().hex,
        "scope": " ".join(scopes),
    }
    if municipalities:
        claims["municipalities"] = list(municipalities)
    if departments:
        claims["departments"] = list(departments)
    return jwt.encode(claims, settings.signing_secret(), algorithm="HS256")


def authenticate(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    """The request's principal, verified once per request and cached on its state."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("A bearer token is required.")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = verifier.verify(credentials.credentials)
    request.state.principal = principal
    return principal


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    return authenticate(request, credentials)


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_scopes(*scopes: str) -> Callable[..., Any]:
    """A dependency returning the principal when it carries every scope (403 naming the first
    missing one otherwise).

    The dependency declares its scopes (``required_scopes``) so that middleware can check them
    before it writes anything for the request (``route_scopes``)."""

    async def dependency(principal: PrincipalDep) -> Principal:
        for scope in scopes:
            if not principal.has_scope(scope):
                raise MissingScope(scope)
        return principal

    dependency.__name__ = "require_" + "_".join(s.replace(":", "_") for s in scopes)
    dependency.required_scopes = frozenset(scopes)  # type: ignore[attr-defined]
    return dependency


def require_scope(scope: str) -> Callable[..., Any]:
    """A dependency returning the principal when it carries ``scope`` (403 otherwise)."""
    return require_scopes(scope)


def route_scopes(dependant: Any) -> frozenset[str]:
    """Every scope a route's dependencies require (``require_scopes`` ones, at any depth)."""
    found: set[str] = set(getattr(dependant.call, "required_scopes", ()))
    for sub in dependant.dependencies:
        found |= route_scopes(sub)
    return frozenset(found)


def ensure_territory(
    principal: Principal, municipality_code: str, *, hide: bool = True, what: str = "resource"
) -> None:
    """Reject access outside the caller's territories: 404 when existence must not leak."""
    if principal.can_access(municipality_code):
        return
    if hide:
        raise NotFound(f"No {what} with that id.")
    raise Forbidden(f"The token does not cover municipality {municipality_code}.")
