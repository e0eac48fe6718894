from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.event_type import EventType
from ..models.partner_institution import PartnerInstitution
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trust_survey import TrustSurvey


T = TypeVar("T", bound="EventUpdate")


@_attrs_define
class EventUpdate:
    """Fields to change; absent fields stay as they are. Status changes go through transitions.

    Attributes:
        community (str | Unset): Vereda, barrio, corregimiento or community council
        ends_at (datetime.datetime | Unset): RFC 3339 with offset (e.g. 2025-03-14T09:00:00-05:00); a time without
            offset is read as Colombian time. Returned in UTC with Z.
        municipality_code (str | Unset): DIVIPOLA municipality code (5 digits)
        organization_ids (list[UUID] | Unset):
        partner_institutions (list[PartnerInstitution] | Unset):
        security_plan_id (None | Unset | UUID):
        starts_at (datetime.datetime | Unset): RFC 3339 with offset (e.g. 2025-03-14T09:00:00-05:00); a time without
            offset is read as Colombian time. Returned in UTC with Z.
        title (str | Unset):
        trust_survey (None | TrustSurvey | Unset):
        type_ (EventType | Unset):
    """

    community: str | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    municipality_code: str | Unset = UNSET
    organization_ids: list[UUID] | Unset = UNSET
    partner_institutions: list[PartnerInstitution] | Unset = UNSET
    security_plan_id: None | Unset | UUID = UNSET
    starts_at: datetime.datetime | Unset = UNSET
    title: str | Unset = UNSET
    trust_survey: None | TrustSurvey | Unset = UNSET
    type_: EventType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.trust_survey import TrustSurvey  # noqa: PLC0415

        community = self.community

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        municipality_code = self.municipality_code

        organization_ids: list[str] | Unset = UNSET
        if not isinstance(self.organization_ids, Unset):
            organization_ids = []
            for organization_ids_item_data in self.organization_ids:
                organization_ids_item = str(organization_ids_item_data)
                organization_ids.append(organization_ids_item)

        partner_institutions: list[str] | Unset = UNSET
        if not isinstance(self.partner_institutions, Unset):
            partner_institutions = []
            for partner_institutions_item_data in self.partner_institutions:
                partner_institutions_item = partner_institutions_item_data.value
                partner_institutions.append(partner_institutions_item)

        security_plan_id: None | str | Unset
        if isinstance(self.security_plan_id, Unset):
            security_plan_id = UNSET
        elif isinstance(self.security_plan_id, UUID):
            security_plan_id = str(self.security_plan_id)
        else:
            security_plan_id = self.security_plan_id

        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        title = self.title

        trust_survey: dict[str, Any] | None | Unset
        if isinstance(self.trust_survey, Unset):
            trust_survey = UNSET
        elif isinstance(self.trust_survey, TrustSurvey):
            trust_survey = self.trust_survey.to_dict()
        else:
            trust_survey = self.trust_survey

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if community is not UNSET:
            field_dict["community"] = community
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if municipality_code is not UNSET:
            field_dict["municipality_code"] = municipality_code
        if organization_ids is not UNSET:
            field_dict["organization_ids"] = organization_ids
        if partner_institutions is not UNSET:
            field_dict["partner_institutions"] = partner_institutions
        if security_plan_id is not UNSET:
            field_dict["security_plan_id"] = security_plan_id
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if title is not UNSET:
            field_dict["title"] = title
        if trust_survey is not UNSET:
            field_dict["trust_survey"] = trust_survey
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trust_survey import TrustSurvey  # noqa: PLC0415

        d = dict(src_dict)
        community = d.pop("community", UNSET)

        _ends_at = d.pop("ends_at", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)

        municipality_code = d.pop("municipality_code", UNSET)

        _organization_ids = d.pop("organization_ids", UNSET)
        organization_ids: list[UUID] | Unset = UNSET
        if _organization_ids is not UNSET:
            organization_ids = []
            for organization_ids_item_data in _organization_ids:
                organization_ids_item = UUID(organization_ids_item_data)

                organization_ids.append(organization_ids_item)

        _partner_institutions = d.pop("partner_institutions", UNSET)
        partner_institutions: list[PartnerInstitution] | Unset = UNSET
        if _partner_institutions is not UNSET:
            partner_institutions = []
            for partner_institutions_item_data in _partner_institutions:
                partner_institutions_item = PartnerInstitution(partner_institutions_item_data)

                partner_institutions.append(partner_institutions_item)

        def _parse_security_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                security_plan_id_type_0 = UUID(data)

                return security_plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        security_plan_id = _parse_security_plan_id(d.pop("security_plan_id", UNSET))

        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)

        title = d.pop("title", UNSET)

        def _parse_trust_survey(data: object) -> None | TrustSurvey | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trust_survey_type_0 = TrustSurvey.from_dict(data)

                return trust_survey_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrustSurvey | Unset, data)

        trust_survey = _parse_trust_survey(d.pop("trust_survey", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: EventType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = EventType(_type_)

        event_update = cls(
            community=community,
            ends_at=ends_at,
            municipality_code=municipality_code,
            organization_ids=organization_ids,
            partner_institutions=partner_institutions,
            security_plan_id=security_plan_id,
            starts_at=starts_at,
            title=title,
            trust_survey=trust_survey,
            type_=type_,
        )

        return event_update
