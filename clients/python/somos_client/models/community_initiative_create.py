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


T = TypeVar("T", bound="CommunityInitiativeCreate")


@_attrs_define
class CommunityInitiativeCreate:
    """
    Attributes:
        community (str): The vereda, barrio, corregimiento or community council
        municipality_code (str): DIVIPOLA municipality code (5 digits)
        objective (str):
        risk_factors_addressed (list[RiskFactor]):
        start_date (datetime.date):
        title (str):
        beneficiaries (Beneficiaries | Unset): A total and its breakdowns; each breakdown must add up to the total.

            Codes left out of a breakdown count as 0; a breakdown left out entirely is recorded as
            `{"no_reporta": total}`.
        budget_cop (int | None | Unset): Colombian pesos, integer
        end_date (datetime.date | None | Unset): On or after start_date
        id (None | Unset | UUID):
        lead_organization_id (None | Unset | UUID):
        methodology (Methodology | Unset):
    """

    community: str
    municipality_code: str
    objective: str
    risk_factors_addressed: list[RiskFactor]
    start_date: datetime.date
    title: str
    beneficiaries: Beneficiaries | Unset = UNSET
    budget_cop: int | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    id: None | Unset | UUID = UNSET
    lead_organization_id: None | Unset | UUID = UNSET
    methodology: Methodology | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        community = self.community

        municipality_code = self.municipality_code

        objective = self.objective

        risk_factors_addressed = []
        for risk_factors_addressed_item_data in self.risk_factors_addressed:
            risk_factors_addressed_item = risk_factors_addressed_item_data.value
            risk_factors_addressed.append(risk_factors_addressed_item)

        start_date = self.start_date.isoformat()

        title = self.title

        beneficiaries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.beneficiaries, Unset):
            beneficiaries = self.beneficiaries.to_dict()

        budget_cop: int | None | Unset
        if isinstance(self.budget_cop, Unset):
            budget_cop = UNSET
        else:
            budget_cop = self.budget_cop

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "community": community,
                "municipality_code": municipality_code,
                "objective": objective,
                "risk_factors_addressed": risk_factors_addressed,
                "start_date": start_date,
                "title": title,
            }
        )
        if beneficiaries is not UNSET:
            field_dict["beneficiaries"] = beneficiaries
        if budget_cop is not UNSET:
            field_dict["budget_cop"] = budget_cop
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if id is not UNSET:
            field_dict["id"] = id
        if lead_organization_id is not UNSET:
            field_dict["lead_organization_id"] = lead_organization_id
        if methodology is not UNSET:
            field_dict["methodology"] = methodology

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries import Beneficiaries  # noqa: PLC0415

        d = dict(src_dict)
        community = d.pop("community")

        municipality_code = d.pop("municipality_code")

        objective = d.pop("objective")

        risk_factors_addressed = []
        _risk_factors_addressed = d.pop("risk_factors_addressed")
        for risk_factors_addressed_item_data in _risk_factors_addressed:
            risk_factors_addressed_item = RiskFactor(risk_factors_addressed_item_data)

            risk_factors_addressed.append(risk_factors_addressed_item)

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        title = d.pop("title")

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

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

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

        community_initiative_create = cls(
            community=community,
            municipality_code=municipality_code,
            objective=objective,
            risk_factors_addressed=risk_factors_addressed,
            start_date=start_date,
            title=title,
            beneficiaries=beneficiaries,
            budget_cop=budget_cop,
            end_date=end_date,
            id=id,
            lead_organization_id=lead_organization_id,
            methodology=methodology,
        )

        return community_initiative_create
