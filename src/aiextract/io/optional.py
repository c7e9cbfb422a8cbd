"""Optional dependencies: imported when a format needs them, with a clear error if absent."""

from __future__ import annotations

import importlib
from types import ModuleType

from aiextract.errors import AiextractError


class MissingExtraError(AiextractError, ImportError):
    """A format needs a package that is not installed; the message names the extra."""


def missing_extra(module: str, extra: str, cause: str = "") -> MissingExtraError:
    """The error for ``module`` missing, saying which extra of aiextract brings it."""
    why = f" ({cause})" if cause else ""
    return MissingExtraError(
        f"{module} cannot be imported{why}: it is needed for this format; "
        f'install it with: pip install "aiextract[{extra}]"'
    )


def require(module: str, extra: str) -> ModuleType:
    """``import module``, or ``MissingExtraError`` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise missing_extra(module.split(".")[0], extra, str(exc)) from None
