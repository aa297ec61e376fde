from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_service_verification_objective_source import MaestroServiceVerificationObjectiveSource
from ..models.maestro_service_verification_state import MaestroServiceVerificationState
from ..models.maestro_service_verification_verdict_type_1 import MaestroServiceVerificationVerdictType1
from ..models.maestro_service_verification_verdict_type_2_type_1 import MaestroServiceVerificationVerdictType2Type1
from ..models.maestro_service_verification_verdict_type_3_type_1 import MaestroServiceVerificationVerdictType3Type1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.maestro_service_verification_burn_down_item import MaestroServiceVerificationBurnDownItem
    from ..models.maestro_service_verification_error_budget import MaestroServiceVerificationErrorBudget
    from ..models.maestro_sli_side import MaestroSliSide


T = TypeVar("T", bound="MaestroServiceVerification")


@_attrs_define
class MaestroServiceVerification:
    """
    Attributes:
        service_id (str):
        state (MaestroServiceVerificationState):
        objective (float): The SLO objective as a fraction (0.999).
        objective_source (MaestroServiceVerificationObjectiveSource):
        message (str | Unset):
        before (MaestroSliSide | Unset):
        after (MaestroSliSide | Unset):
        error_budget (MaestroServiceVerificationErrorBudget | Unset):
        burn_down (list[MaestroServiceVerificationBurnDownItem] | Unset):
        verdict (MaestroServiceVerificationVerdictType1 | MaestroServiceVerificationVerdictType2Type1 |
            MaestroServiceVerificationVerdictType3Type1 | None | Unset):
    """

    service_id: str
    state: MaestroServiceVerificationState
    objective: float
    objective_source: MaestroServiceVerificationObjectiveSource
    message: str | Unset = UNSET
    before: MaestroSliSide | Unset = UNSET
    after: MaestroSliSide | Unset = UNSET
    error_budget: MaestroServiceVerificationErrorBudget | Unset = UNSET
    burn_down: list[MaestroServiceVerificationBurnDownItem] | Unset = UNSET
    verdict: (
        MaestroServiceVerificationVerdictType1
        | MaestroServiceVerificationVerdictType2Type1
        | MaestroServiceVerificationVerdictType3Type1
        | None
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        state = self.state.value

        objective = self.objective

        objective_source = self.objective_source.value

        message = self.message

        before: dict[str, Any] | Unset = UNSET
        if not isinstance(self.before, Unset):
            before = self.before.to_dict()

        after: dict[str, Any] | Unset = UNSET
        if not isinstance(self.after, Unset):
            after = self.after.to_dict()

        error_budget: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error_budget, Unset):
            error_budget = self.error_budget.to_dict()

        burn_down: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.burn_down, Unset):
            burn_down = []
            for burn_down_item_data in self.burn_down:
                burn_down_item = burn_down_item_data.to_dict()
                burn_down.append(burn_down_item)

        verdict: None | str | Unset
        if isinstance(self.verdict, Unset):
            verdict = UNSET
        elif (
            isinstance(self.verdict, MaestroServiceVerificationVerdictType1)
            or isinstance(self.verdict, MaestroServiceVerificationVerdictType2Type1)
            or isinstance(self.verdict, MaestroServiceVerificationVerdictType3Type1)
        ):
            verdict = self.verdict.value
        else:
            verdict = self.verdict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "state": state,
                "objective": objective,
                "objective_source": objective_source,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after
        if error_budget is not UNSET:
            field_dict["error_budget"] = error_budget
        if burn_down is not UNSET:
            field_dict["burn_down"] = burn_down
        if verdict is not UNSET:
            field_dict["verdict"] = verdict

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_service_verification_burn_down_item import MaestroServiceVerificationBurnDownItem
        from ..models.maestro_service_verification_error_budget import MaestroServiceVerificationErrorBudget
        from ..models.maestro_sli_side import MaestroSliSide

        d = dict(src_dict)
        service_id = d.pop("service_id")

        state = MaestroServiceVerificationState(d.pop("state"))

        objective = d.pop("objective")

        objective_source = MaestroServiceVerificationObjectiveSource(d.pop("objective_source"))

        message = d.pop("message", UNSET)

        _before = d.pop("before", UNSET)
        before: MaestroSliSide | Unset
        if isinstance(_before, Unset):
            before = UNSET
        else:
            before = MaestroSliSide.from_dict(_before)

        _after = d.pop("after", UNSET)
        after: MaestroSliSide | Unset
        if isinstance(_after, Unset):
            after = UNSET
        else:
            after = MaestroSliSide.from_dict(_after)

        _error_budget = d.pop("error_budget", UNSET)
        error_budget: MaestroServiceVerificationErrorBudget | Unset
        if isinstance(_error_budget, Unset):
            error_budget = UNSET
        else:
            error_budget = MaestroServiceVerificationErrorBudget.from_dict(_error_budget)

        _burn_down = d.pop("burn_down", UNSET)
        burn_down: list[MaestroServiceVerificationBurnDownItem] | Unset = UNSET
        if _burn_down is not UNSET:
            burn_down = []
            for burn_down_item_data in _burn_down:
                burn_down_item = MaestroServiceVerificationBurnDownItem.from_dict(burn_down_item_data)

                burn_down.append(burn_down_item)

        def _parse_verdict(
            data: object,
        ) -> (
            MaestroServiceVerificationVerdictType1
            | MaestroServiceVerificationVerdictType2Type1
            | MaestroServiceVerificationVerdictType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verdict_type_1 = MaestroServiceVerificationVerdictType1(data)

                return verdict_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verdict_type_2_type_1 = MaestroServiceVerificationVerdictType2Type1(data)

                return verdict_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verdict_type_3_type_1 = MaestroServiceVerificationVerdictType3Type1(data)

                return verdict_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                MaestroServiceVerificationVerdictType1
                | MaestroServiceVerificationVerdictType2Type1
                | MaestroServiceVerificationVerdictType3Type1
                | None
                | Unset,
                data,
            )

        verdict = _parse_verdict(d.pop("verdict", UNSET))

        maestro_service_verification = cls(
            service_id=service_id,
            state=state,
            objective=objective,
            objective_source=objective_source,
            message=message,
            before=before,
            after=after,
            error_budget=error_budget,
            burn_down=burn_down,
            verdict=verdict,
        )

        maestro_service_verification.additional_properties = d
        return maestro_service_verification

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
