"""Where a webhook may be sent: https only, and never to loopback, private or link-local
addresses (SSRF), checked when a subscription is made and again before every request."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeDestination(ValueError):
    """The URL or the addresses its host resolves to may not receive webhooks."""


@dataclass(frozen=True)
class Destination:
    """A checked URL and the address to connect to (so DNS cannot change it in between)."""

    scheme: str
    host: str
    port: int
    target: str  # path and query
    address: IPAddress

    def pinned_url(self) -> str:
        """The URL with the checked address in place of the host name."""
        host = f"[{self.address}]" if self.address.version == 6 else str(self.address)
        return f"{self.scheme}://{host}:{self.port}{self.target}"

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


def public_address(address: IPAddress) -> bool:
    """True for an address on the public internet (not loopback, private, link-local, …)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_url(url: str, *, allow_private: bool, production: bool) -> tuple[str, str, int, str]:
    """(scheme, host, port, path+query) of a subscriber URL, or UnsafeDestination saying why."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeDestination("is not a valid URL") from exc
    schemes = {"https", "http"} if allow_private and not production else {"https"}
    if parts.scheme not in schemes:
        raise UnsafeDestination("must be an https:// URL")
    if not parts.hostname:
        raise UnsafeDestination("must name a host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeDestination("must not carry a user name or password")
    if parts.fragment:
        raise UnsafeDestination("must not have a fragment")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, parts.hostname, port or default, target


async def resolve(
    url: str, *, allow_private: bool, production: bool, resolve_seconds: float = 5.0
) -> Destination:
    """Check the URL, resolve its host, refuse it if any address is not public."""
    scheme, host, port, target = check_url(url, allow_private=allow_private, production=production)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), resolve_seconds
            )
        except (OSError, TimeoutError) as exc:
            raise UnsafeDestination(f"host {host!r} does not resolve") from exc
        addresses = []
        for info in infos:
            address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise UnsafeDestination(f"host {host!r} does not resolve")
    if not allow_private:
        for address in addresses:
            if not public_address(address):
                raise UnsafeDestination(
                    "must not resolve to a loopback, private or link-local address"
                )
    return Destination(scheme, host, port, target, addresses[0])
