"""Rate limits per client: one counter per client address (``core.http.client_address``), group and window.

A rate is written ``count/period`` as allauth writes it: ``10/h``, ``30/m``, ``5/10m``,
``100/d``. Counts live in the shared cache (Redis in production) under a hash of the address, never the
address itself. IPv6 clients are counted by their /64 network, which one household or one device holds.

When the shared cache is unreachable, :class:`cwgcop.core.cache_backend.ResilientRedisCache` counts these keys
in the process's own memory: a limit then holds per server process instead of for the whole site, and is
never switched off (docs/decisions.md, "Rate limits when the cache is down").
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from cwgcop.core.http import client_address

PREFIX = "rl:"
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(text: str) -> Rate:
    """``"10/h"`` → ``Rate(10, 3600)``; an unreadable rate is a configuration error."""
    match = _RATE.match(text)
    if match is None:
        raise ImproperlyConfigured(f"A rate is written count/period (10/h, 5/10m), not {text!r}")
    count, multiplier, unit = match.groups()
    return Rate(int(count), int(multiplier or 1) * _UNIT_SECONDS[unit])


def client_bucket(request: HttpRequest) -> str:
    """What a limit counts by: the client's address, an IPv6 client's /64 network."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _key(group: str, rate: Rate, request: HttpRequest, now: float) -> str:
    window = int(now // rate.seconds)
    digest = hashlib.sha256(client_bucket(request).encode()).hexdigest()[:32]
    return f"{PREFIX}{group}:{rate.count}/{rate.seconds}:{window}:{digest}"


def is_limited(request: HttpRequest, *, group: str, rate: str, now: float | None = None) -> bool:
    """Whether this client has already used up ``rate`` for ``group`` in the current window (counts nothing)."""
    parsed = parse_rate(rate)
    if parsed.count <= 0:
        return False
    used = cache.get(_key(group, parsed, request, time.time() if now is None else now), 0)
    return int(used or 0) >= parsed.count


def hit(request: HttpRequest, *, group: str, rate: str, now: float | None = None) -> bool:
    """Count one action of this client for ``group``; whether it goes past ``rate`` (then it is refused)."""
    parsed = parse_rate(rate)
    if parsed.count <= 0:
        return False
    key = _key(group, parsed, request, time.time() if now is None else now)
    if cache.add(key, 1, timeout=parsed.seconds + 1):
        return parsed.count < 1
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=parsed.seconds + 1)
        used = 1
    return int(used) > parsed.count
