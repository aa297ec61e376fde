"""Small shared types: the NOT_GIVEN sentinel, timeouts, headers and per-call options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, final

if TYPE_CHECKING:
    import httpx

__all__ = ["NOT_GIVEN", "Headers", "NotGiven", "Query", "TimeoutTypes"]


@final
class NotGiven:
    """Marks an argument that was not passed, as opposed to an explicit ``None``."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, Any]
TimeoutTypes: TypeAlias = "float | httpx.Timeout | None"
