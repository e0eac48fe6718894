from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.person_document_document_type import PersonDocumentDocumentType

T = TypeVar("T", bound="PersonDocument")


@_attrs_define
class PersonDocument:
    """The person's identity document: how every record of theirs is found (keyed hash).

    Attributes:
        document_number (str):
        document_type (PersonDocumentDocumentType): Any type but 'ninguno'
    """

    document_number: str
    document_type: PersonDocumentDocumentType

    def to_dict(self) -> dict[str, Any]:
        document_number = self.document_number

        document_type = self.document_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_number": document_number,
                "document_type": document_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_number = d.pop("document_number")

        document_type = PersonDocumentDocumentType(d.pop("document_type"))

        person_document = cls(
            document_number=document_number,
            document_type=document_type,
        )

        return person_document
