"""Rate limits: token buckets in process, or shared by every replica through Redis.

A bucket holds at most ``burst`` tokens and refills at ``per_minute``; a call takes one.
Without ``SOMOS_GATEWAY_RATE_LIMIT_REDIS_URL`` each gateway replica keeps its own buckets
(so N replicas allow N times the limit); with it, every replica takes from the same bucket,
updated atomically by one Lua script in Redis. When Redis cannot be reached the replica falls
back to its own buckets (and logs it) rather than refusing or waving through every call.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass
from typing import Any, Protocol

logger = logging.getLogger("somos.gateway.ratelimit")


@dataclass(frozen=True)
class Policy:
    """``per_minute`` sustained, ``burst`` at once; the name keeps buckets of policies apart."""

    name: str
    per_minute: int
    burst: int

    @property
    def rate(self) -> float:
        return self.per_minute / 60.0


class Limiter(Protocol):
    async def take(self, caller: str, policy: Policy) -> int:
        """0 when the call may go ahead, else the seconds to wait before retrying."""
        ...

    async def close(self) -> None: ...


class LocalLimiter:
    """Token buckets in this process's memory (per replica)."""

    def __init__(self, *, max_callers: int = 100_000) -> None:
        self.max_callers = max_callers
        self._buckets: dict[str, tuple[float, float]] = {}

    def take_now(self, caller: str, policy: Policy) -> int:
        now = time.monotonic()
        key = f"{policy.name}:{caller}"
        tokens, last = self._buckets.get(key, (float(policy.burst), now))
        tokens = min(float(policy.burst), tokens + (now - last) * policy.rate)
        if tokens >= 1.0:
            if len(self._buckets) >= self.max_callers and key not in self._buckets:
                self._buckets.clear()
            self._buckets[key] = (tokens - 1.0, now)
            return 0
        self._buckets[key] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / policy.rate))

    async def take(self, caller: str, policy: Policy) -> int:
        return self.take_now(caller, policy)

    async def close(self) -> None:
        return None


# KEYS[1] the bucket; ARGV rate (tokens/s), burst. Redis's own clock: every replica agrees.
TOKEN_BUCKET = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local last = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - last) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return wait
"""


class RedisLimiter:
    """Token buckets in Redis, shared by every gateway replica (redis-py asyncio + Lua)."""

    def __init__(
        self, url: str, *, prefix: str, timeout: float = 0.25, fallback: LocalLimiter | None = None
    ) -> None:
        import redis.asyncio as redis

        self.client: Any = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )
        self.script = self.client.register_script(TOKEN_BUCKET)
        self.prefix = prefix
        self.fallback = fallback or LocalLimiter()
        self._warned_at = -math.inf

    def key(self, caller: str, policy: Policy) -> str:
        # Callers are addresses and token subjects: keep only a digest of them in Redis.
        digest = hashlib.sha256(caller.encode()).hexdigest()[:32]
        return f"{self.prefix}{policy.name}:{digest}"

    async def take(self, caller: str, policy: Policy) -> int:
        from redis.exceptions import RedisError

        try:
            wait = await self.script(
                keys=[self.key(caller, policy)], args=[policy.rate, policy.burst]
            )
        except (RedisError, OSError, TimeoutError) as exc:
            now = time.monotonic()
            if now - self._warned_at > 60:
                self._warned_at = now
                logger.warning(
                    "rate limit store unreachable; limiting per replica",
                    extra={"error_type": type(exc).__name__},
                )
            return self.fallback.take_now(caller, policy)
        return int(wait)

    async def close(self) -> None:
        await self.client.aclose()


def build_limiter(redis_url: str | None, *, prefix: str) -> Limiter:
    """The shared limiter when a Redis URL is configured, else the in-process one."""
    if redis_url:
        return RedisLimiter(redis_url, prefix=prefix)
    return LocalLimiter()
