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

from cwgcop.consultations.models import Consultation, GroupCode
from cwgcop.consultations.services.responses import group_for
from cwgcop.core.ratelimit import client_bucket

PREFIX = "consult-rate"
WINDOW_SECONDS = 3600


def daily_salt(day: datetime.date) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), f"consultations.rate.{day.isoformat()}".encode(), "sha256").digest()


def network_key(address: str, now: datetime.datetime | None = None, *, group: int | None = None) -> str:
    """The cache key counting the answers of ``address`` in the current hour (no trace of the address); a live
    session's group (its id) counts apart."""
    now = now or timezone.now()
    day = now.astimezone(datetime.UTC).date()
    digest = hmac.new(daily_salt(day), address.encode(), hashlib.sha256).hexdigest()
    bucket = f"{PREFIX}:{day.isoformat()}:{now.astimezone(datetime.UTC).hour:02d}:{digest}"
    return bucket if group is None else f"{bucket}:live{group}"


def live_group(consultation: Consultation, code: str, now: datetime.datetime | None = None) -> GroupCode | None:
    """The group of a live session the answer comes from: a valid group code, typed during the live window."""
    return group_for(consultation, code) if consultation.is_live(now) else None


def over_limit(request: HttpRequest, now: datetime.datetime | None = None, *, group: GroupCode | None = None) -> bool:
    """Count one submission from the request's network; whether it goes past the hourly limit. A live session's
    answers (``group``: :func:`live_group`) count in their own bucket, against the live limit (never below the
    network's): a whole hall of children may answer from one address."""
    limit = int(settings.CWGCOP_CONSULTATION_RATE_LIMIT)
    if limit <= 0:
        return False
    if group is not None:
        limit = max(limit, int(settings.CWGCOP_CONSULTATION_LIVE_RATE_LIMIT))
    key = network_key(client_bucket(request), now, group=None if group is None else group.pk)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return int(count) > limit
