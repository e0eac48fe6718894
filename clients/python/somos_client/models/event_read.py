from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_status import EventStatus
from ..models.event_type import EventType
from ..models.partner_institution import PartnerInstitution
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trust_survey_read import TrustSurveyRead


T = TypeVar("T", bound="EventRead")


@_attrs_define
class EventRead:
    """
    Attributes:
        archived_at (None | str):
        community (str):
        created_at (str):
        department_code (str): First two digits of the municipality code
        ends_at (str):
        id (UUID):
        municipality_code (str):
        organization_ids (list[UUID]):
        partner_institutions (list[PartnerInstitution]):
        security_plan_id (None | UUID):
        starts_at (str):
        status (EventStatus):
        status_reason (None | str):
        title (str):
        trust_survey (None | TrustSurveyRead):
        type_ (EventType):
        updated_at (str):
        version (int):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    archived_at: None | str
    community: str
    created_at: str
    department_code: str
    ends_at: str
    id: UUID
    municipality_code: str
    organization_ids: list[UUID]
    partner_institutions: list[PartnerInstitution]
    security_plan_id: None | UUID
    starts_at: str
    status: EventStatus
    status_reason: None | str
    title: str
    trust_survey: None | TrustSurveyRead
    type_: EventType
    updated_at: str
    version: int
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.trust_survey_read import TrustSurveyRead  # noqa: PLC0415

        archived_at: None | str
        archived_at = self.archived_at

        community = self.community

        created_at = self.created_at

        department_code = self.department_code

        ends_at = self.ends_at

        id = str(self.id)

        municipality_code = self.municipality_code

        organization_ids = []
        for organization_ids_item_data in self.organization_ids:
            organization_ids_item = str(organization_ids_item_data)
            organization_ids.append(organization_ids_item)

        partner_institutions = []
        for partner_institutions_item_data in self.partner_institutions:
            partner_institutions_item = partner_institutions_item_data.value
            partner_institutions.append(partner_institutions_item)

        security_plan_id: None | str
        if isinstance(self.security_plan_id, UUID):
            security_plan_id = str(self.security_plan_id)
        else:
            security_plan_id = self.security_plan_id

        starts_at = self.starts_at

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        title = self.title

        trust_survey: dict[str, Any] | None
        if isinstance(self.trust_survey, TrustSurveyRead):
            trust_survey = self.trust_survey.to_dict()
        else:
            trust_survey = self.trust_survey

        type_ = self.type_.value

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
                "community": community,
                "created_at": created_at,
                "department_code": department_code,
                "ends_at": ends_at,
                "id": id,
                "municipality_code": municipality_code,
                "organization_ids": organization_ids,
                "partner_institutions": partner_institutions,
                "security_plan_id": security_plan_id,
                "starts_at": starts_at,
                "status": status,
                "status_reason": status_reason,
                "title": title,
                "trust_survey": trust_survey,
                "type": type_,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trust_survey_read import TrustSurveyRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        community = d.pop("community")

        created_at = d.pop("created_at")

        department_code = d.pop("department_code")

        ends_at = d.pop("ends_at")

        id = UUID(d.pop("id"))

        municipality_code = d.pop("municipality_code")

        organization_ids = []
        _organization_ids = d.pop("organization_ids")
        for organization_ids_item_data in _organization_ids:
            organization_ids_item = UUID(organization_ids_item_data)

            organization_ids.append(organization_ids_item)

        partner_institutions = []
        _partner_institutions = d.pop("partner_institutions")
        for partner_institutions_item_data in _partner_institutions:
            partner_institutions_item = PartnerInstitution(partner_institutions_item_data)

            partner_institutions.append(partner_institutions_item)

        def _parse_security_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                security_plan_id_type_0 = UUID(data)

                return security_plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        security_plan_id = _parse_security_plan_id(d.pop("security_plan_id"))

        starts_at = d.pop("starts_at")

        status = EventStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        title = d.pop("title")

        def _parse_trust_survey(data: object) -> None | TrustSurveyRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trust_survey_type_0 = TrustSurveyRead.from_dict(data)

                return trust_survey_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrustSurveyRead, data)

        trust_survey = _parse_trust_survey(d.pop("trust_survey"))

        type_ = EventType(d.pop("type"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        event_read = cls(
            archived_at=archived_at,
            community=community,
            created_at=created_at,
            department_code=department_code,
            ends_at=ends_at,
            id=id,
            municipality_code=municipality_code,
            organization_ids=organization_ids,
            partner_institutions=partner_institutions,
            security_plan_id=security_plan_id,
            starts_at=starts_at,
            status=status,
            status_reason=status_reason,
            title=title,
            trust_survey=trust_survey,
            type_=type_,
            updated_at=updated_at,
            version=version,
            suppressed=suppressed,
        )

        event_read.additional_properties = d
        return event_read

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
