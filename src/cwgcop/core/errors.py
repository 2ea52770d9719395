"""The error a service raises when a request cannot be carried out; its message is for the user."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A rule of the domain refused the change. Nothing was written.

    It is a ``ValidationError`` so that forms show it next to the field it names, and the API turns it
    into a 400/409 answer with the same translated message.
    """
