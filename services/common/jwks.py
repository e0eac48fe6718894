"""An identity provider's signing keys, read from its JWKS URL and cached for a short while.

The key set is fetched again when it is older than the TTL, so a key the provider removes
stops being accepted within the TTL, and when a token names a key the set does not hold
(the provider rotated), at most once per refresh interval whatever the tokens name. Fetches
are blocking HTTP calls with a short timeout: servers run them in a worker thread
(``asyncio.to_thread``), never on the event loop. A key set that cannot be confirmed within
its TTL is not used (fail closed): tokens are then answered 503, not accepted on old keys.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import httpx
import jwt
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from services.common.errors import DomainError, Unauthorized

logger = logging.getLogger("somos.auth")

# Only public-key algorithms: a JWKS holds public keys, and an HMAC "key" taken from it would
# let anyone who read the JWKS sign tokens.
ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)


class SigningKeysUnavailable(DomainError):
    """503: the identity provider's keys could not be fetched and none are current."""

    status, slug, title = 503, "signing-keys-unavailable", "Token signing keys unavailable"


class SigningKeys:
    """The public keys of an identity provider, by key id (``kid``)."""

    def __init__(
        self,
        url: str,
        *,
        ttl: float,
        timeout: float,
        refresh_interval: float,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.ttl = ttl
        self.timeout = timeout
        self.refresh_interval = refresh_interval
        self._clock = clock
        self._transport = transport
        self._keys: dict[str, jwt.PyJWK] = {}
        self._algorithms: dict[str, str] = {}  # kid → the `alg` the JWKS states, when it does
        self._fetched_at: float | None = None  # last successful fetch
        self._attempted_at: float | None = None  # last fetch, successful or not
        self._lock = threading.Lock()
        self.fetches = 0  # attempts, for metrics and tests
        self.failures = 0

    def current(self) -> bool:
        """True while the set was confirmed by the provider less than a TTL ago."""
        return self._fetched_at is not None and self._clock() - self._fetched_at < self.ttl

    def get(self, kid: str) -> jwt.PyJWK | None:
        """The key ``kid`` when the set is current and holds it (no network)."""
        return self._keys.get(kid) if self.current() else None

    def needs_fetch(self, kid: str) -> bool:
        """True when the set is out of date or lacks ``kid``, and no fetch ran too recently."""
        if self.current() and kid in self._keys:
            return False
        return self._attempted_at is None or (
            self._clock() - self._attempted_at >= self.refresh_interval
        )

    def refresh_for(self, kid: str) -> None:
        """Fetch the set when ``needs_fetch(kid)``; blocking (run it in a worker thread)."""
        with self._lock:  # one fetch at a time; the others find the set refreshed
            if not self.needs_fetch(kid):
                return
            self._attempted_at = self._clock()
            self.fetches += 1
            try:
                keys = self._fetch()
            except (httpx.HTTPError, ValueError) as exc:
                logger.warning("JWKS fetch from %s failed: %s", self.url, exc)
                self.failures += 1
                return
            self._keys, self._algorithms = keys
            self._fetched_at = self._clock()

    def held(self) -> int:
        """How many keys the current set holds (0 when it is not current)."""
        return len(self._keys) if self.current() else 0

    def age(self) -> float | None:
        """Seconds since the provider last confirmed the set (None: never)."""
        return None if self._fetched_at is None else self._clock() - self._fetched_at

    def algorithm(self, kid: str) -> str | None:
        """The algorithm the JWKS names for key ``kid`` (its ``alg``), if it names one."""
        return self._algorithms.get(kid)

    def key(self, kid: str) -> jwt.PyJWK:
        """The current key ``kid``: 503 when the set is not current, 401 when it lacks it."""
        if not self.current():
            raise SigningKeysUnavailable(
                "The identity provider's signing keys could not be fetched; try again shortly.",
                headers={"Retry-After": str(max(1, int(self.refresh_interval)))},
            )
        found = self._keys.get(kid)
        if found is None:
            raise Unauthorized("The token's signing key is not one of the identity provider's.")
        return found

    def _fetch(self) -> tuple[dict[str, jwt.PyJWK], dict[str, str]]:
        with httpx.Client(timeout=self.timeout, transport=self._transport) as client:
            response = client.get(self.url, headers={"Accept": "application/json"})
            response.raise_for_status()
            document: Any = response.json()
        if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
            raise ValueError("the JWKS document has no 'keys' list")
        keys: dict[str, jwt.PyJWK] = {}
        algorithms: dict[str, str] = {}
        for entry in document["keys"]:
            usable = _signing_key(entry)
            if usable is not None:
                keys[entry["kid"]] = usable
                if "alg" in entry:
                    algorithms[entry["kid"]] = entry["alg"]
        return keys, algorithms


class SigningKeysCollector(Collector):
    """The key set's health at scrape time: fetches by outcome, keys held, age."""

    def __init__(self, service: str, keys: SigningKeys) -> None:
        self.service = service
        self.keys = keys

    def collect(self) -> Iterable[Metric]:
        fetches = CounterMetricFamily(
            "somos_jwks_fetches", "JWKS fetches by outcome", labels=["service", "outcome"]
        )
        failed = self.keys.failures
        fetches.add_metric([self.service, "ok"], self.keys.fetches - failed)
        fetches.add_metric([self.service, "failed"], failed)
        yield fetches
        held = GaugeMetricFamily(
            "somos_jwks_keys", "Signing keys held (0 when not current)", labels=["service"]
        )
        held.add_metric([self.service], self.keys.held())
        yield held
        age = self.keys.age()
        if age is not None:
            confirmed = GaugeMetricFamily(
                "somos_jwks_age_seconds",
                "Seconds since the identity provider last confirmed the key set",
                labels=["service"],
            )
            confirmed.add_metric([self.service], age)
            yield confirmed


def _signing_key(entry: Any) -> jwt.PyJWK | None:
    """A JWKS entry as a verification key; None for keys Somos must not or cannot use."""
    if not isinstance(entry, dict) or not isinstance(entry.get("kid"), str):
        return None
    if entry.get("use", "sig") != "sig" or entry.get("kty") == "oct":
        return None  # encryption keys; symmetric keys never verify tokens here
    if "alg" in entry and entry["alg"] not in ASYMMETRIC_ALGORITHMS:
        return None
    try:
        return jwt.PyJWK(entry)
    except jwt.PyJWKError:
        return None  # a key type this build cannot use: tokens naming it are refused
