"""The library's own exception types: each message says what to do about it."""

from __future__ import annotations


class AiextractError(Exception):
    """Base class of every error aiextract raises on purpose."""


class InputError(AiextractError, ValueError):
    """An argument or an input article is not usable (wrong type, bad date, broken line)."""


class ModelNotFoundError(AiextractError, RuntimeError):
    """The spaCy model is not installed."""


def json_problem(exc: ValueError) -> str:
    """What is wrong with a JSON line, readably: ``not valid JSON (Invalid control
    character at column 49)`` rather than Python's ``Invalid control character at: line 1
    column 49 (char 48)``."""
    message = getattr(exc, "msg", str(exc)).removesuffix(" at")
    column = getattr(exc, "colno", None)
    return (
        f"not valid JSON ({message} at column {column})"
        if column
        else (f"not valid JSON ({message})")
    )
