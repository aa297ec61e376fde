from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_verification_reason_type_1 import AuditVerificationReasonType1
from ..models.audit_verification_reason_type_2_type_1 import AuditVerificationReasonType2Type1
from ..models.audit_verification_reason_type_3_type_1 import AuditVerificationReasonType3Type1

if TYPE_CHECKING:
    from ..models.audit_checkpoint_type_0 import AuditCheckpointType0
    from ..models.audit_problem import AuditProblem


T = TypeVar("T", bound="AuditVerification")


@_attrs_define
class AuditVerification:
    """
    Attributes:
        tenant_id (str):
        ok (bool):
        checked (int): Events found intact before the first break (all of them when ok).
        first_broken_position (int | None): The first problem's position (null when it has none).
        reason (AuditVerificationReasonType1 | AuditVerificationReasonType2Type1 | AuditVerificationReasonType3Type1 |
            None): The first problem's reason.
        detail (None | str):
        problems (list[AuditProblem]): Every problem found, earliest position first (those without a position last).
            Empty when ok.
        checkpoint (AuditCheckpointType0 | None): The newest valid checkpoint of the chain (null for a chain never
            written to).
    """

    tenant_id: str
    ok: bool
    checked: int
    first_broken_position: int | None
    reason: AuditVerificationReasonType1 | AuditVerificationReasonType2Type1 | AuditVerificationReasonType3Type1 | None
    detail: None | str
    problems: list[AuditProblem]
    checkpoint: AuditCheckpointType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_checkpoint_type_0 import AuditCheckpointType0

        tenant_id = self.tenant_id

        ok = self.ok

        checked = self.checked

        first_broken_position: int | None
        first_broken_position = self.first_broken_position

        reason: None | str
        if (
            isinstance(self.reason, AuditVerificationReasonType1)
            or isinstance(self.reason, AuditVerificationReasonType2Type1)
            or isinstance(self.reason, AuditVerificationReasonType3Type1)
        ):
            reason = self.reason.value
        else:
            reason = self.reason

        detail: None | str
        detail = self.detail

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        checkpoint: dict[str, Any] | None
        if isinstance(self.checkpoint, AuditCheckpointType0):
            checkpoint = self.checkpoint.to_dict()
        else:
            checkpoint = self.checkpoint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "ok": ok,
                "checked": checked,
                "first_broken_position": first_broken_position,
                "reason": reason,
                "detail": detail,
                "problems": problems,
                "checkpoint": checkpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_checkpoint_type_0 import AuditCheckpointType0
        from ..models.audit_problem import AuditProblem

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        ok = d.pop("ok")

        checked = d.pop("checked")

        def _parse_first_broken_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        first_broken_position = _parse_first_broken_position(d.pop("first_broken_position"))

        def _parse_reason(
            data: object,
        ) -> (
            AuditVerificationReasonType1 | AuditVerificationReasonType2Type1 | AuditVerificationReasonType3Type1 | None
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_1 = AuditVerificationReasonType1(data)

                return reason_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_2_type_1 = AuditVerificationReasonType2Type1(data)

                return reason_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_type_3_type_1 = AuditVerificationReasonType3Type1(data)

                return reason_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                AuditVerificationReasonType1
                | AuditVerificationReasonType2Type1
                | AuditVerificationReasonType3Type1
                | None,
                data,
            )

        reason = _parse_reason(d.pop("reason"))

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = AuditProblem.from_dict(problems_item_data)

            problems.append(problems_item)

        def _parse_checkpoint(data: object) -> AuditCheckpointType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_audit_checkpoint_type_0 = AuditCheckpointType0.from_dict(data)

                return componentsschemas_audit_checkpoint_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditCheckpointType0 | None, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint"))

        audit_verification = cls(
            tenant_id=tenant_id,
            ok=ok,
            checked=checked,
            first_broken_position=first_broken_position,
            reason=reason,
            detail=detail,
            problems=problems,
            checkpoint=checkpoint,
        )

        audit_verification.additional_properties = d
        return audit_verification

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
