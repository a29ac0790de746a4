"""Schemas shared by every part of the API (django-ninja)."""

from ninja import Schema


class ErrorsOut(Schema):
    """Every refusal: messages per field ("__all__" for the request as a whole)."""

    errors: dict[str, list[str]]
