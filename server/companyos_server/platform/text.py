"""The one rule for text the platform refuses to store or render: control characters, lone surrogates and
the Unicode line and paragraph separators (``x-companyos-refused-characters`` in the spec states the same
class, ``[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff]``)."""

from __future__ import annotations

import unicodedata

REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def text_problem(value: str) -> str | None:
    """Why ``value`` may not be stored (None when it may)."""
    for position, ch in enumerate(value):
        if unicodedata.category(ch) in REFUSED_CATEGORIES:
            return f"must not contain control characters (U+{ord(ch):04X} at position {position})"
    return None
