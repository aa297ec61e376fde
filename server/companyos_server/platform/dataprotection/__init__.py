"""Data protection shared by every domain that moves tenant data: PII detection, redaction, watermarks.

* :mod:`.pii` finds personal data in Arrow string columns (vectorised pre-filters, then well-kept
  validators: ``phonenumbers``, ``python-stdnum``, :mod:`ipaddress`).
* :mod:`.redaction` applies a per-classification policy (keep, drop, mask, hash with a salt).
* :mod:`.watermark` derives and traces deterministic per-row watermarks.
"""
