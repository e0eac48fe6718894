from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.term import Term


T = TypeVar("T", bound="VocabularyRead")


@_attrs_define
class VocabularyRead:
    """
    Attributes:
        description (str):
        terms (list[Term]):
    """

    description: str
    terms: list[Term]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "terms": terms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.term import Term  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = Term.from_dict(terms_item_data)

            terms.append(terms_item)

        vocabulary_read = cls(
            description=description,
            terms=terms,
        )

        vocabulary_read.additional_properties = d
        return vocabulary_read

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
