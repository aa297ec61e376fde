from enum import StrEnum


class AuditVerificationReasonType3Type1(StrEnum):
    BAD_SIGNATURE = "bad_signature"
    EDITED = "edited"
    MISSING = "missing"
    REORDERED = "reordered"

    def __str__(self) -> str:
        return str(self.value)
