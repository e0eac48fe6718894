"""Bearer JWTs into a Principal with scopes and territories; scope and territory checks."""

from __future__ import annotations

import asyncio
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
from services.common.jwks import SigningKeys
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
    """Verifies Somos JWTs: HS256 with the shared secret, or RS256/ES256 through a JWKS URL.

    Servers call ``verify_async`` (keys are fetched in a worker thread, never on the event
    loop); ``verify`` does the same work in the calling thread (CLI, tests)."""

    CACHE_SIZE = 4096

    def __init__(self, settings: PlatformSettings) -> None:
        self.settings = settings
        # Verified tokens, kept until they expire: a caller's token is decoded once, not on
        # every request (signature checks dominate the cost of a cheap GET). With a JWKS, an
        # entry also needs its key to be still current (a removed key ends its tokens).
        self._cache: dict[str, tuple[Principal, float, str | None]] = {}
        self.keys: SigningKeys | None = (
            SigningKeys(
                settings.jwt_jwks_url,
                ttl=settings.jwt_jwks_ttl_seconds,
                timeout=settings.jwt_jwks_timeout_seconds,
                refresh_interval=settings.jwt_jwks_refresh_interval_seconds,
            )
            if settings.jwt_jwks_url
            else None
        )
        self.claims = ClaimMapping.from_settings(settings)

    def known(self, token: str) -> Principal | None:
        """The principal of a token verified before and still good (no crypto, no network)."""
        cached = self._cache.get(token)
        if cached is None:
            return None
        principal, expires, kid = cached
        if expires > time.time() and (self.keys is None or self.keys.get(kid or "") is not None):
            return principal
        del self._cache[token]
        return None

    def verify(self, token: str) -> Principal:
        """Decode and check a token, fetching keys in this thread when needed (not in servers)."""
        principal = self.known(token)
        if principal is not None:
            return principal
        kid = self._key_id(token)
        if self.keys is not None and kid is not None:
            self.keys.refresh_for(kid)
        return self._verified(token, kid)

    async def verify_async(self, token: str) -> Principal:
        """Decode and check a token; keys are fetched off the event loop when needed."""
        principal = self.known(token)
        if principal is not None:
            return principal
        kid = self._key_id(token)
        if self.keys is not None and kid is not None and self.keys.needs_fetch(kid):
            await asyncio.to_thread(self.keys.refresh_for, kid)
        return self._verified(token, kid)

    def _key_id(self, token: str) -> str | None:
        """With a JWKS: the token's key id, after refusing algorithms other than asymmetric
        ones (HS256, ``none``) before any key is looked up."""
        if self.keys is None:
            return None
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise Unauthorized(f"The token is not valid: {exc}.") from exc
        algorithm = header.get("alg")
        if algorithm not in self.settings.jwks_algorithms():
            raise Unauthorized(
                f"The token's algorithm {algorithm!r} is not accepted; the identity provider's "
                f"tokens must be signed with one of {self.settings.jwks_algorithms()}."
            )
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise Unauthorized("The token names no signing key ('kid' header).")
        return kid

    def _verified(self, token: str, kid: str | None) -> Principal:
        principal, expires = self._decode(token, kid)
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = (principal, expires, kid)
        return principal

    def _decode(self, token: str, kid: str | None) -> tuple[Principal, float]:
        try:
            if self.keys is not None:
                key: Any = self.keys.key(kid or "").key
                algorithms = self.settings.jwks_algorithms()
                stated = self.keys.algorithm(kid or "")
                if stated is not None:  # a key whose JWKS entry names its algorithm: that one
                    algorithms = [stated] if stated in algorithms else []
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
        except jwt.InvalidTokenError as exc:
            raise Unauthorized(f"The token is not valid: {exc}.") from exc
        principal = self.claims.principal(claims)
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


def _claim(claims: dict[str, Any], name: str) -> Any:
    """A claim by name; a dotted name also reaches a nested one (``somos.territories``)."""
    if name in claims:
        return claims[name]
    value: Any = claims
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _words(value: Any, claim: str) -> list[str]:
    """A claim holding words: a space-separated string or a list of strings."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [w for v in value for w in v.split()]
    raise Unauthorized(f"The token's '{claim}' claim must be a string or a list of strings.")


@dataclass(frozen=True, slots=True)
class ClaimMapping:
    """Where an identity provider puts what Somos needs (SOMOS_JWT_*_CLAIM, scope prefix)."""

    scope_prefix: str = ""
    territories: str | None = None
    municipalities: str = "municipalities"
    departments: str = "departments"

    @classmethod
    def from_settings(cls, settings: PlatformSettings) -> ClaimMapping:
        return cls(
            scope_prefix=settings.jwt_scope_prefix,
            territories=settings.jwt_territories_claim,
            municipalities=settings.jwt_municipalities_claim,
            departments=settings.jwt_departments_claim,
        )

    def scopes(self, claims: dict[str, Any]) -> frozenset[str]:
        """Scopes from `scope` (space-separated) or else `scp` (a list), prefix removed."""
        for name in ("scope", "scp"):
            if claims.get(name) is not None:
                words = _words(claims[name], name)
                break
        else:
            words = []
        if self.scope_prefix:
            size = len(self.scope_prefix)
            words = [w[size:] for w in words if w.startswith(self.scope_prefix)]
        return frozenset(words)

    def principal(self, claims: dict[str, Any]) -> Principal:
        municipalities = _codes(_claim(claims, self.municipalities), 5, self.municipalities)
        departments = _codes(_claim(claims, self.departments), 2, self.departments)
        if self.territories is not None:
            value = _claim(claims, self.territories)
            if value is not None:
                codes = _words(value, self.territories)
                if not all(c.isdigit() and len(c) in (2, 5) for c in codes):
                    raise Unauthorized(
                        f"The token's '{self.territories}' claim must list DIVIPOLA codes "
                        "(2 digits for a department, 5 for a municipality)."
                    )
                municipalities = (municipalities or frozenset()) | {c for c in codes if len(c) == 5}
                departments = (departments or frozenset()) | {c for c in codes if len(c) == 2}
        return Principal(
            sub=str(claims["sub"]),
            scopes=self.scopes(claims),
            municipalities=municipalities,
            departments=departments,
            token_id=claims.get("jti"),
        )


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    """A principal from Somos's own claims (``scope``, ``municipalities``, ``departments``)."""
    return ClaimMapping().principal(claims)


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


async def authenticate(
    request: Request, credentials: HTTPAuthorizationCredentials | None
) -> Principal:
    """The request's principal, verified once per request and cached on its state."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("A bearer token is required.")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.verify_async(credentials.credentials)
    request.state.principal = principal
    return principal


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    return await authenticate(request, credentials)


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
