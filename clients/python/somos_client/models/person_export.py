from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exported_record import ExportedRecord


T = TypeVar("T", bound="PersonExport")


@_attrs_define
class PersonExport:
    """What the person is entitled to receive: every record kept about them.

    Attributes:
        exported_at (str):
        records (list[ExportedRecord]): Oldest event first
    """

    exported_at: str
    records: list[ExportedRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exported_at": exported_at,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exported_record import ExportedRecord  # noqa: PLC0415

        d = dict(src_dict)
        exported_at = d.pop("exported_at")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = ExportedRecord.from_dict(records_item_data)

            records.append(records_item)

        person_export = cls(
            exported_at=exported_at,
            records=records,
        )

        person_export.additional_properties = d
        return person_export

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
