from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.experiment_results_srm_expected import ExperimentResultsSrmExpected
    from ..models.experiment_results_srm_observed import ExperimentResultsSrmObserved


T = TypeVar("T", bound="ExperimentResultsSrm")


@_attrs_define
class ExperimentResultsSrm:
    """
    Attributes:
        flagged (bool):
        chi2 (float | None | Unset):
        p_value (float | None | Unset):
        observed (ExperimentResultsSrmObserved | Unset):
        expected (ExperimentResultsSrmExpected | Unset):
    """

    flagged: bool
    chi2: float | None | Unset = UNSET
    p_value: float | None | Unset = UNSET
    observed: ExperimentResultsSrmObserved | Unset = UNSET
    expected: ExperimentResultsSrmExpected | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        flagged = self.flagged

        chi2: float | None | Unset
        if isinstance(self.chi2, Unset):
            chi2 = UNSET
        else:
            chi2 = self.chi2

        p_value: float | None | Unset
        if isinstance(self.p_value, Unset):
            p_value = UNSET
        else:
            p_value = self.p_value

        observed: dict[str, Any] | Unset = UNSET
        if not isinstance(self.observed, Unset):
            observed = self.observed.to_dict()

        expected: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expected, Unset):
            expected = self.expected.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "flagged": flagged,
            }
        )
        if chi2 is not UNSET:
            field_dict["chi2"] = chi2
        if p_value is not UNSET:
            field_dict["p_value"] = p_value
        if observed is not UNSET:
            field_dict["observed"] = observed
        if expected is not UNSET:
            field_dict["expected"] = expected

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.experiment_results_srm_expected import ExperimentResultsSrmExpected
        from ..models.experiment_results_srm_observed import ExperimentResultsSrmObserved

        d = dict(src_dict)
        flagged = d.pop("flagged")

        def _parse_chi2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        chi2 = _parse_chi2(d.pop("chi2", UNSET))

        def _parse_p_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p_value = _parse_p_value(d.pop("p_value", UNSET))

        _observed = d.pop("observed", UNSET)
        observed: ExperimentResultsSrmObserved | Unset
        if isinstance(_observed, Unset):
            observed = UNSET
        else:
            observed = ExperimentResultsSrmObserved.from_dict(_observed)

        _expected = d.pop("expected", UNSET)
        expected: ExperimentResultsSrmExpected | Unset
        if isinstance(_expected, Unset):
            expected = UNSET
        else:
            expected = ExperimentResultsSrmExpected.from_dict(_expected)

        experiment_results_srm = cls(
            flagged=flagged,
            chi2=chi2,
            p_value=p_value,
            observed=observed,
            expected=expected,
        )

        experiment_results_srm.additional_properties = d
        return experiment_results_srm

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
