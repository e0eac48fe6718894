from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.vocabularies_read_vocabularies import VocabulariesReadVocabularies


T = TypeVar("T", bound="VocabulariesRead")


@_attrs_define
class VocabulariesRead:
    """Every coded list of a service, keyed by the field that uses it.

    Attributes:
        service (str):
        vocabularies (VocabulariesReadVocabularies):
    """

    service: str
    vocabularies: VocabulariesReadVocabularies
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        vocabularies = self.vocabularies.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "vocabularies": vocabularies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vocabularies_read_vocabularies import VocabulariesReadVocabularies  # noqa: PLC0415

        d = dict(src_dict)
        service = d.pop("service")

        vocabularies = VocabulariesReadVocabularies.from_dict(d.pop("vocabularies"))

        vocabularies_read = cls(
            service=service,
            vocabularies=vocabularies,
        )

        vocabularies_read.additional_properties = d
        return vocabularies_read

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
