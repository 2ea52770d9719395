"""The schemas every part of the API shares: the one shape of an error."""

from __future__ import annotations

from ninja import Field, Schema


class FieldErrorSchema(Schema):
    field: str
    message: str


class ErrorSchema(Schema):
    detail: str = Field(description="What went wrong, in the reader's language.")
    code: str = Field(description="A stable, untranslated code: not_found, invalid, unauthorized, …")
    errors: list[FieldErrorSchema] | None = Field(None, description="With code invalid: each parameter's problem.")
