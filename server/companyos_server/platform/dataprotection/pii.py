"""PII detection in Arrow string columns.

Each detector is a cheap vectorised pre-filter (an RE2 match over the whole column in Arrow) followed by
a real validator run only on the few candidates: ``phonenumbers`` for phone numbers, ``python-stdnum``
for IBANs, Luhn-checked card numbers and national ids, :mod:`ipaddress` for IP addresses. The pre-filter
keeps the common case (a column with no PII at all) at Arrow speed.

:func:`scan` returns, per detector kind, a boolean mask over the column.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import phonenumbers
import pyarrow as pa
import pyarrow.compute as pc
from stdnum import iban, luhn
from stdnum.us import ssn

__all__ = ["DETECTORS", "Detector", "detect_value", "scan"]

_DIGITS = re.compile(r"\D")


_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
)


def _email(value: str) -> bool:
    return any(len(m.group(0)) <= 254 for m in _EMAIL.finditer(value))


def _phone(value: str) -> bool:
    for match in re.finditer(r"\+?\d[\d .()\-]{6,18}\d", value):
        text = match.group(0)
        try:
            number = phonenumbers.parse(text, None if text.startswith("+") else "US")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def _iban(value: str) -> bool:
    for match in re.finditer(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}", value):
        if iban.is_valid(match.group(0)):
            return True
    return False


def _card(value: str) -> bool:
    for match in re.finditer(r"\d(?:[ -]?\d){12,18}", value):
        digits = _DIGITS.sub("", match.group(0))
        if 13 <= len(digits) <= 19 and luhn.is_valid(digits):
            return True
    return False


def _national_id(value: str) -> bool:
    return any(ssn.is_valid(m.group(0)) for m in re.finditer(r"\d{3}-\d{2}-\d{4}", value))


def _ip(value: str) -> bool:
    for token in re.findall(r"[0-9A-Fa-f:.]{7,45}", value):
        try:
            ipaddress.ip_address(token.strip(".:") if token.count(":") < 2 else token)
        except ValueError:
            continue
        return True
    return False


@dataclass(frozen=True)
class Detector:
    kind: str
    prefilter: str  # RE2 pattern run over the whole column (a superset of what the validator accepts)
    validate: Callable[[str], bool]


DETECTORS: tuple[Detector, ...] = (
    Detector("email", r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", _email),
    Detector("iban", r"[A-Z]{2}\d{2} ?[A-Z0-9]{4}", _iban),
    Detector("card_number", r"\d(?:[ -]?\d){12,18}", _card),
    Detector("national_id", r"\d{3}-\d{2}-\d{4}", _national_id),
    Detector("phone", r"\+?\d[\d .()\-]{6,18}\d", _phone),
    Detector(
        "ip_address",
        r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}",
        _ip,
    ),
)


def scan(column: pa.Array | pa.ChunkedArray, kinds: tuple[str, ...] | None = None) -> dict[str, np.ndarray]:
    """``{kind: bool mask}`` for each detector that found something in the column (strings only)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
        return {}
    found: dict[str, np.ndarray] = {}
    for detector in DETECTORS:
        if kinds is not None and detector.kind not in kinds:
            continue
        candidates = pc.fill_null(pc.match_substring_regex(column, detector.prefilter), False)
        if not pc.any(candidates).as_py():
            continue
        indices = np.flatnonzero(candidates.to_numpy(zero_copy_only=False))
        values = column.take(pa.array(indices)).to_pylist()
        hits = [i for i, v in zip(indices, values, strict=True) if v is not None and detector.validate(v)]
        if hits:
            mask = np.zeros(len(column), dtype=bool)
            mask[hits] = True
            found[detector.kind] = mask
    return found


def detect_value(value: str) -> list[str]:
    """The detector kinds that match one value (for tests and single-value checks)."""
    return list(scan(pa.array([value], pa.string())))
