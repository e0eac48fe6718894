"""Who the client really is: forwarding headers believed only from trusted proxies.

A client can send any ``Host``, ``X-Forwarded-*`` or ``Forwarded`` header it likes. The
gateway believes them only when the peer that connected to it is a proxy listed in
``SOMOS_GATEWAY_TRUSTED_PROXIES`` (the ingress controller, a load balancer); otherwise they
are dropped and replaced by what the gateway itself saw. Everything after this middleware
(rate limits, logs, the services' ``Link`` headers) sees one normalised view of the request.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

# Headers that describe the client or the hops before the gateway: rebuilt, never passed on.
FORWARDING_HEADERS = frozenset(
    {
        b"host",
        b"forwarded",
        b"x-forwarded-for",
        b"x-forwarded-host",
        b"x-forwarded-proto",
        b"x-forwarded-port",
        b"x-forwarded-prefix",
        b"x-real-ip",
    }
)
FORWARDED_SCOPE_KEY = "somos.forwarded"  # the ClientView of a request, set by this middleware
_HOST = re.compile(r"^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_SCHEMES = ("http", "https")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class ClientView:
    """The request as the client made it: its address, the scheme and host it addressed."""

    ip: str
    scheme: str
    host: str
    hops: tuple[str, ...]  # X-Forwarded-For to send on: the client first, the gateway's peer last

    def forwarded(self) -> str:
        """One RFC 7239 ``Forwarded`` element describing the client."""
        node = self.ip if ":" not in self.ip else f"[{self.ip}]"
        return f'for="{node}";host="{self.host}";proto={self.scheme}'


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """CIDRs (or single addresses) as networks; ValueError names a bad one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not an IP network (CIDR) or address") from exc
    return tuple(networks)


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip().strip('"')
    if value.startswith("["):  # [v6]:port
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # v4:port
        value = value.partition(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _forwarded_elements(value: str) -> list[dict[str, str]]:
    """``Forwarded: for=1.2.3.4;proto=https, for=…`` → [{"for": "1.2.3.4", "proto": "https"}, …]."""
    elements = []
    for element in _split(value):
        pairs: dict[str, str] = {}
        for pair in element.split(";"):
            key, sep, item = pair.partition("=")
            if sep:
                pairs[key.strip().lower()] = item.strip().strip('"')
        elements.append(pairs)
    return elements


class TrustedProxies:
    """Decides which forwarding headers to believe, from the peer's address."""

    def __init__(self, networks: Iterable[str]) -> None:
        self.networks = parse_networks(networks)

    def trusts(self, address: str) -> bool:
        ip = _address(address)
        return ip is not None and any(ip in network for network in self.networks)

    def view(self, scope: Scope) -> ClientView:
        """The client's address, scheme and host for this request."""
        client = scope.get("client")
        peer = client[0] if client else "unknown"
        own_scheme = scope.get("scheme", "http")
        received: dict[bytes, list[str]] = {}
        for key, value in scope["headers"]:
            if key in FORWARDING_HEADERS:
                received.setdefault(key, []).append(value.decode("latin-1"))
        own_host = _own_host(scope, received.get(b"host", []))
        if not self.networks or not self.trusts(peer):
            return ClientView(ip=peer, scheme=own_scheme, host=own_host, hops=(peer,))

        elements = _forwarded_elements(", ".join(received.get(b"forwarded", [])))
        chain = _split(", ".join(received.get(b"x-forwarded-for", [])))
        if not chain:
            chain = [e["for"] for e in elements if "for" in e]
        hops = [*chain, peer]
        # The client is the nearest address no trusted proxy vouches for (right to left).
        client_ip = hops[0]
        for hop in reversed(hops):
            if not self.trusts(hop):
                address = _address(hop)
                client_ip = str(address) if address is not None else "unknown"
                break
        # Scheme and host: the value the nearest trusted proxy set (the last in each list).
        protos = _split(", ".join(received.get(b"x-forwarded-proto", [])))
        protos = protos or [e["proto"] for e in elements if "proto" in e]
        scheme = protos[-1].lower() if protos and protos[-1].lower() in _SCHEMES else own_scheme
        hosts = _split(", ".join(received.get(b"x-forwarded-host", [])))
        hosts = hosts or [e["host"] for e in elements if "host" in e]
        host = hosts[-1] if hosts and _HOST.match(hosts[-1]) else own_host
        return ClientView(ip=client_ip, scheme=scheme, host=host, hops=tuple(hops))


def _own_host(scope: Scope, hosts: list[str]) -> str:
    """The Host the gateway received, or its own address when that is missing or malformed."""
    if len(hosts) == 1 and _HOST.match(hosts[0]):
        return hosts[0]
    server = scope.get("server")
    if server:
        host, port = server
        return f"{host}:{port}" if port else str(host)
    return "localhost"


class ForwardedMiddleware:
    """Normalise the scope: client address, scheme and Host as the gateway believes them.

    The forwarding headers are removed from the scope; the proxy sends its own rebuilt set
    (``upstream_forwarding_headers``) to the services.
    """

    def __init__(self, app: ASGIApp, *, proxies: TrustedProxies) -> None:
        self.app = app
        self.proxies = proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        view = self.proxies.view(scope)
        headers = [(k, v) for k, v in scope["headers"] if k not in FORWARDING_HEADERS]
        headers.append((b"host", view.host.encode("latin-1")))
        client = scope.get("client")
        scope = {
            **scope,
            "headers": headers,
            "scheme": view.scheme,
            "client": (view.ip, client[1] if client else 0),
            FORWARDED_SCOPE_KEY: view,
        }
        await self.app(scope, receive, send)


def upstream_forwarding_headers(scope: Scope) -> list[tuple[str, str]]:
    """Host and forwarding headers for a call to a service, from the normalised view."""
    view: ClientView | None = scope.get(FORWARDED_SCOPE_KEY)
    if view is None:  # not behind ForwardedMiddleware (should not happen): trust nothing
        view = TrustedProxies(()).view(scope)
    return [
        ("host", view.host),
        ("x-forwarded-for", ", ".join(view.hops)),
        ("x-forwarded-host", view.host),
        ("x-forwarded-proto", view.scheme),
        ("forwarded", view.forwarded()),
    ]
