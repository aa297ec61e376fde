from enum import StrEnum


class AuditVerificationReasonType2Type1(StrEnum):
    BAD_SIGNATURE = "bad_signature"
    CHECKPOINT_INVALID = "checkpoint_invalid"
    EDITED = "edited"
    FORKED = "forked"
    MISSING = "missing"
    REORDERED = "reordered"
    ROLLBACK = "rollback"
    TRUNCATED = "truncated"
    WITNESS_MISMATCH = "witness_mismatch"

    def __str__(self) -> str:
        return str(self.value)
