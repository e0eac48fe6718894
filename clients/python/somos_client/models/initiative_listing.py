from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.initiative_status import InitiativeStatus
from ..models.methodology import Methodology

T = TypeVar("T", bound="InitiativeListing")


@_attrs_define
class InitiativeListing:
    """
    Attributes:
        community (str):
        end_date (datetime.date | None):
        id (UUID):
        methodology (Methodology):
        start_date (datetime.date):
        status (InitiativeStatus):
        title (str):
    """

    community: str
    end_date: datetime.date | None
    id: UUID
    methodology: Methodology
    start_date: datetime.date
    status: InitiativeStatus
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        community = self.community

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        id = str(self.id)

        methodology = self.methodology.value

        start_date = self.start_date.isoformat()

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "community": community,
                "end_date": end_date,
                "id": id,
                "methodology": methodology,
                "start_date": start_date,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        community = d.pop("community")

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

        methodology = Methodology(d.pop("methodology"))

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = InitiativeStatus(d.pop("status"))

        title = d.pop("title")

        initiative_listing = cls(
            community=community,
            end_date=end_date,
            id=id,
            methodology=methodology,
            start_date=start_date,
            status=status,
            title=title,
        )

        initiative_listing.additional_properties = d
        return initiative_listing

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
