from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.initiative_status import InitiativeStatus
from ..models.methodology import Methodology
from ..models.risk_factor import RiskFactor
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.beneficiaries_read import BeneficiariesRead


T = TypeVar("T", bound="CommunityInitiativeRead")


@_attrs_define
class CommunityInitiativeRead:
    """
    Attributes:
        archived_at (None | str):
        beneficiaries (BeneficiariesRead): Counts of 1 to k-1 people are null for tokens without attendees:pii (see
            `suppressed` beside it).
        budget_cop (int | None):
        cancellation_reason (None | str):
        community (str):
        created_at (str):
        department_code (str):
        end_date (datetime.date | None):
        id (UUID):
        lead_organization_id (None | UUID):
        methodology (Methodology):
        municipality_code (str):
        objective (str):
        risk_factors_addressed (list[RiskFactor]):
        start_date (datetime.date):
        status (InitiativeStatus):
        title (str):
        updated_at (str):
        version (int):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    archived_at: None | str
    beneficiaries: BeneficiariesRead
    budget_cop: int | None
    cancellation_reason: None | str
    community: str
    created_at: str
    department_code: str
    end_date: datetime.date | None
    id: UUID
    lead_organization_id: None | UUID
    methodology: Methodology
    municipality_code: str
    objective: str
    risk_factors_addressed: list[RiskFactor]
    start_date: datetime.date
    status: InitiativeStatus
    title: str
    updated_at: str
    version: int
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        beneficiaries = self.beneficiaries.to_dict()

        budget_cop: int | None
        budget_cop = self.budget_cop

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        community = self.community

        created_at = self.created_at

        department_code = self.department_code

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        id = str(self.id)

        lead_organization_id: None | str
        if isinstance(self.lead_organization_id, UUID):
            lead_organization_id = str(self.lead_organization_id)
        else:
            lead_organization_id = self.lead_organization_id

        methodology = self.methodology.value

        municipality_code = self.municipality_code

        objective = self.objective

        risk_factors_addressed = []
        for risk_factors_addressed_item_data in self.risk_factors_addressed:
            risk_factors_addressed_item = risk_factors_addressed_item_data.value
            risk_factors_addressed.append(risk_factors_addressed_item)

        start_date = self.start_date.isoformat()

        status = self.status.value

        title = self.title

        updated_at = self.updated_at

        version = self.version

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "beneficiaries": beneficiaries,
                "budget_cop": budget_cop,
                "cancellation_reason": cancellation_reason,
                "community": community,
                "created_at": created_at,
                "department_code": department_code,
                "end_date": end_date,
                "id": id,
                "lead_organization_id": lead_organization_id,
                "methodology": methodology,
                "municipality_code": municipality_code,
                "objective": objective,
                "risk_factors_addressed": risk_factors_addressed,
                "start_date": start_date,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries_read import BeneficiariesRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        beneficiaries = BeneficiariesRead.from_dict(d.pop("beneficiaries"))

        def _parse_budget_cop(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        budget_cop = _parse_budget_cop(d.pop("budget_cop"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason"))

        community = d.pop("community")

        created_at = d.pop("created_at")

        department_code = d.pop("department_code")

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        id = UUID(d.pop("id"))

        def _parse_lead_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_organization_id_type_0 = UUID(data)

                return lead_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        lead_organization_id = _parse_lead_organization_id(d.pop("lead_organization_id"))

        methodology = Methodology(d.pop("methodology"))

        municipality_code = d.pop("municipality_code")

        objective = d.pop("objective")

        risk_factors_addressed = []
        _risk_factors_addressed = d.pop("risk_factors_addressed")
        for risk_factors_addressed_item_data in _risk_factors_addressed:
            risk_factors_addressed_item = RiskFactor(risk_factors_addressed_item_data)

            risk_factors_addressed.append(risk_factors_addressed_item)

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = InitiativeStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        community_initiative_read = cls(
            archived_at=archived_at,
            beneficiaries=beneficiaries,
            budget_cop=budget_cop,
            cancellation_reason=cancellation_reason,
            community=community,
            created_at=created_at,
            department_code=department_code,
            end_date=end_date,
            id=id,
            lead_organization_id=lead_organization_id,
            methodology=methodology,
            municipality_code=municipality_code,
            objective=objective,
            risk_factors_addressed=risk_factors_addressed,
            start_date=start_date,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            suppressed=suppressed,
        )

        community_initiative_read.additional_properties = d
        return community_initiative_read

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
