"""Limiting how many answers arrive from one network, without ever keeping its address.

The network is the client's address as every rate limit sees it (``core.http.client_address``, behind the
trusted proxies; an IPv6 client's /64).

The address is turned into an HMAC under a salt derived from ``SECRET_KEY`` and today's date, so the value
changes every day and cannot be linked from one day to the next, nor turned back into the address without the
key. Only that value (inside a cache key) and a count are kept, in the cache, for the current hour.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from cwgcop.core.ratelimit import client_bucket

PREFIX = "consult-rate"
WINDOW_SECONDS = 3600


def daily_salt(day: datetime.date) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), f"consultations.rate.{day.isoformat()}".encode(), "sha256").digest()


def network_key(address: str, now: datetime.datetime | None = None) -> str:
    """The cache key counting the answers of ``address`` in the current hour (no trace of the address)."""
    now = now or timezone.now()
    day = now.astimezone(datetime.UTC).date()
    digest = hmac.new(daily_salt(day), address.encode(), hashlib.sha256).hexdigest()
    return f"{PREFIX}:{day.isoformat()}:{now.astimezone(datetime.UTC).hour:02d}:{digest}"


def over_limit(request: HttpRequest, now: datetime.datetime | None = None) -> bool:
    """Count one submission from the request's network; whether it goes past the hourly limit."""
    limit = int(settings.CWGCOP_CONSULTATION_RATE_LIMIT)
    if limit <= 0:
        return False
    key = network_key(client_bucket(request), now)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return int(count) > limit
