"""Redis as the shared cache, with a way down that does not take the site with it.

:class:`ResilientRedisCache` is django-redis's cache, except that an unreachable Redis is never an error for
the caller. The first failure is logged and Redis is left alone for ``CWGCOP_CACHE_RETRY_SECONDS`` (a request
then costs no connection attempt at all); meanwhile

- the page cache and anything else misses: ``get`` gives the default, writes are dropped, so every page is
  rendered by Django (slower, never stale: each reading of the archive generation is new);
- the keys named in ``LOCAL_FALLBACK_PREFIXES`` (rate-limit counters) are kept in this process's memory, so
  limits still hold, per process.

When the retry time is over the next operation tries Redis again; success is logged once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("cwgcop.cache")
UNREACHABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)
T = TypeVar("T")
_MISSING = object()


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        self._fallback_prefixes = tuple(options.pop("LOCAL_FALLBACK_PREFIXES", ()))
        self._retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = float("-inf")
        self._state_lock = threading.Lock()
        self._local = LocMemCache(f"cwgcop-fallback-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 100_000}})

    # -- state ----------------------------------------------------------------------------------------------

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _went_down(self, error: BaseException) -> None:
        with self._state_lock:
            first = not self.is_down
            self._down_until = time.monotonic() + self._retry_seconds
        if first:
            logger.error(
                "The shared cache (Redis) is unreachable: pages are rendered without it and rate limits count "
                "in this process for the next %s s. %s: %s",
                self._retry_seconds,
                type(error).__name__,
                error,
            )

    def _came_back(self) -> None:
        if self._down_until != float("-inf"):
            with self._state_lock:
                self._down_until = float("-inf")
            logger.warning("The shared cache (Redis) answers again.")

    def _falls_back(self, key: str) -> bool:
        return bool(self._fallback_prefixes) and str(key).startswith(self._fallback_prefixes)

    def _call(self, key: str | None, remote: Callable[[], T], local: Callable[[], T], missed: T) -> T:
        """``remote()`` on Redis; when Redis is down, ``local()`` for fallback keys or ``missed`` for others."""
        if not self.is_down:
            try:
                value = remote()
            except UNREACHABLE as error:
                self._went_down(error)
            else:
                if self._down_until != float("-inf"):
                    self._came_back()
                return value
        if key is not None and self._falls_back(key):
            return local()
        return missed

    # -- the cache API ------------------------------------------------------------------------------------

    def get(self, key: Any, default: Any = None, version: Any = None, client: Any = None) -> Any:
        return self._call(
            key,
            lambda: super(ResilientRedisCache, self).get(key, default, version, client),
            lambda: self._local.get(key, default, version),
            default,
        )

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, *args: Any, **kwargs: Any) -> Any:
        return self._call(
            key,
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, *args, **kwargs),
            lambda: self._set_locally(key, value, timeout, kwargs.get("version")),
            False,
        )

    def _set_locally(self, key: Any, value: Any, timeout: Any, version: Any) -> bool:
        self._local.set(key, value, timeout, version)
        return True

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, *args: Any, **kwargs: Any) -> Any:
        return self._call(
            key,
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, *args, **kwargs),
            lambda: self._local.add(key, value, timeout, kwargs.get("version")),
            False,
        )

    def incr(self, key: Any, delta: int = 1, *args: Any, **kwargs: Any) -> Any:
        def missed_incr() -> int:
            raise ValueError(f"Key {key!r} not found (the shared cache is unreachable)")

        value = self._call(
            key,
            lambda: super(ResilientRedisCache, self).incr(key, delta, *args, **kwargs),
            lambda: self._local.incr(key, delta, kwargs.get("version")),
            _MISSING,
        )
        return missed_incr() if value is _MISSING else value

    def decr(self, key: Any, delta: int = 1, *args: Any, **kwargs: Any) -> Any:
        return self.incr(key, -delta, *args, **kwargs)

    def delete(self, key: Any, *args: Any, **kwargs: Any) -> Any:
        return self._call(
            key,
            lambda: super(ResilientRedisCache, self).delete(key, *args, **kwargs),
            lambda: self._local.delete(key, kwargs.get("version")),
            False,
        )

    def has_key(self, key: Any, *args: Any, **kwargs: Any) -> Any:
        return self._call(
            key,
            lambda: super(ResilientRedisCache, self).has_key(key, *args, **kwargs),
            lambda: self._local.has_key(key, kwargs.get("version")),
            False,
        )

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, *args: Any, **kwargs: Any) -> Any:
        return self._call(
            key,
            lambda: super(ResilientRedisCache, self).touch(key, timeout, *args, **kwargs),
            lambda: self._local.touch(key, timeout, kwargs.get("version")),
            False,
        )

    def get_many(self, keys: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        keys = list(keys)
        return self._call(None, lambda: super(ResilientRedisCache, self).get_many(keys, *args, **kwargs), dict, {})

    def set_many(self, data: dict[Any, Any], *args: Any, **kwargs: Any) -> Any:
        return self._call(
            None, lambda: super(ResilientRedisCache, self).set_many(data, *args, **kwargs), list, list(data)
        )

    def delete_many(self, keys: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        keys = list(keys)
        return self._call(
            None, lambda: super(ResilientRedisCache, self).delete_many(keys, *args, **kwargs), lambda: 0, 0
        )

    def clear(self) -> Any:
        self._local.clear()
        return self._call(None, lambda: super(ResilientRedisCache, self).clear(), lambda: False, False)

    def ping(self) -> bool:
        """Whether Redis answers now (for /readyz): a real round trip, whatever the retry state."""
        try:
            return bool(self.client.get_client(write=False).ping())
        except UNREACHABLE as error:
            self._went_down(error)
            return False
