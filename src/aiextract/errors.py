"""The library's own exception types: each message says what to do about it."""

from __future__ import annotations


class AiextractError(Exception):
    """Base class of every error aiextract raises on purpose."""


class InputError(AiextractError, ValueError):
    """An argument or an input article is not usable (wrong type, bad date, broken line)."""


class ModelNotFoundError(AiextractError, RuntimeError):
    """The spaCy model is not installed."""
