"""How API keys look and how they are hashed. Keys are random; only their SHA-256 is ever stored."""

from __future__ import annotations

import hashlib
import secrets

KEY_PREFIX = "cwgcop_"
PREFIX_LENGTH = 12


def new_key() -> str:
    """A fresh key: ``cwgcop_`` and 43 URL-safe characters (256 random bits)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    # A plain SHA-256 is enough: the key carries 256 random bits, so there is nothing to brute-force.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def display_prefix(key: str) -> str:
    return key[:PREFIX_LENGTH]
