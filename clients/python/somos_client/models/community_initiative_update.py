from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.methodology import Methodology
from ..models.risk_factor import RiskFactor
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.beneficiaries import Beneficiaries


T = TypeVar("T", bound="CommunityInitiativeUpdate")


@_attrs_define
class CommunityInitiativeUpdate:
    """
    Attributes:
        beneficiaries (Beneficiaries | Unset): A total and its breakdowns; each breakdown must add up to the total.

            Codes left out of a breakdown count as 0; a breakdown left out entirely is recorded as
            `{"no_reporta": total}`.
        budget_cop (int | None | Unset):
        community (str | Unset):
        end_date (datetime.date | None | Unset):
        lead_organization_id (None | Unset | UUID):
        methodology (Methodology | Unset):
        municipality_code (str | Unset): DIVIPOLA municipality code (5 digits)
        objective (str | Unset):
        risk_factors_addressed (list[RiskFactor] | Unset):
        start_date (datetime.date | Unset):
        title (str | Unset):
    """

    beneficiaries: Beneficiaries | Unset = UNSET
    budget_cop: int | None | Unset = UNSET
    community: str | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    lead_organization_id: None | Unset | UUID = UNSET
    methodology: Methodology | Unset = UNSET
    municipality_code: str | Unset = UNSET
    objective: str | Unset = UNSET
    risk_factors_addressed: list[RiskFactor] | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        beneficiaries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.beneficiaries, Unset):
            beneficiaries = self.beneficiaries.to_dict()

        budget_cop: int | None | Unset
        if isinstance(self.budget_cop, Unset):
            budget_cop = UNSET
        else:
            budget_cop = self.budget_cop

        community = self.community

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        lead_organization_id: None | str | Unset
        if isinstance(self.lead_organization_id, Unset):
            lead_organization_id = UNSET
        elif isinstance(self.lead_organization_id, UUID):
            lead_organization_id = str(self.lead_organization_id)
        else:
            lead_organization_id = self.lead_organization_id

        methodology: str | Unset = UNSET
        if not isinstance(self.methodology, Unset):
            methodology = self.methodology.value

        municipality_code = self.municipality_code

        objective = self.objective

        risk_factors_addressed: list[str] | Unset = UNSET
        if not isinstance(self.risk_factors_addressed, Unset):
            risk_factors_addressed = []
            for risk_factors_addressed_item_data in self.risk_factors_addressed:
                risk_factors_addressed_item = risk_factors_addressed_item_data.value
                risk_factors_addressed.append(risk_factors_addressed_item)

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if beneficiaries is not UNSET:
            field_dict["beneficiaries"] = beneficiaries
        if budget_cop is not UNSET:
            field_dict["budget_cop"] = budget_cop
        if community is not UNSET:
            field_dict["community"] = community
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if lead_organization_id is not UNSET:
            field_dict["lead_organization_id"] = lead_organization_id
        if methodology is not UNSET:
            field_dict["methodology"] = methodology
        if municipality_code is not UNSET:
            field_dict["municipality_code"] = municipality_code
        if objective is not UNSET:
            field_dict["objective"] = objective
        if risk_factors_addressed is not UNSET:
            field_dict["risk_factors_addressed"] = risk_factors_addressed
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries import Beneficiaries  # noqa: PLC0415

        d = dict(src_dict)
        _beneficiaries = d.pop("beneficiaries", UNSET)
        beneficiaries: Beneficiaries | Unset
        if isinstance(_beneficiaries, Unset):
            beneficiaries = UNSET
        else:
            beneficiaries = Beneficiaries.from_dict(_beneficiaries)

        def _parse_budget_cop(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_cop = _parse_budget_cop(d.pop("budget_cop", UNSET))

        community = d.pop("community", UNSET)

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_lead_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_organization_id_type_0 = UUID(data)

                return lead_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lead_organization_id = _parse_lead_organization_id(d.pop("lead_organization_id", UNSET))

        _methodology = d.pop("methodology", UNSET)
        methodology: Methodology | Unset
        if isinstance(_methodology, Unset):
            methodology = UNSET
        else:
            methodology = Methodology(_methodology)

        municipality_code = d.pop("municipality_code", UNSET)

        objective = d.pop("objective", UNSET)

        _risk_factors_addressed = d.pop("risk_factors_addressed", UNSET)
        risk_factors_addressed: list[RiskFactor] | Unset = UNSET
        if _risk_factors_addressed is not UNSET:
            risk_factors_addressed = []
            for risk_factors_addressed_item_data in _risk_factors_addressed:
                risk_factors_addressed_item = RiskFactor(risk_factors_addressed_item_data)

                risk_factors_addressed.append(risk_factors_addressed_item)

        _start_date = d.pop("start_date", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        title = d.pop("title", UNSET)

        community_initiative_update = cls(
            beneficiaries=beneficiaries,
            budget_cop=budget_cop,
            community=community,
            end_date=end_date,
            lead_organization_id=lead_organization_id,
            methodology=methodology,
            municipality_code=municipality_code,
            objective=objective,
            risk_factors_addressed=risk_factors_addressed,
            start_date=start_date,
            title=title,
        )

        return community_initiative_update
