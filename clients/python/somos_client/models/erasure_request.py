from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.erasure_request_document_type import ErasureRequestDocumentType

T = TypeVar("T", bound="ErasureRequest")


@_attrs_define
class ErasureRequest:
    """Erase every record of the person (also how consent is revoked).

    Attributes:
        document_number (str):
        document_type (ErasureRequestDocumentType): Any type but 'ninguno'
        reason (str): Why (e.g. the person's request or revoked consent, with its filing number); checked, not stored,
            since it may itself hold personal data
    """

    document_number: str
    document_type: ErasureRequestDocumentType
    reason: str

    def to_dict(self) -> dict[str, Any]:
        document_number = self.document_number

        document_type = self.document_type.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_number": document_number,
                "document_type": document_type,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_number = d.pop("document_number")

        document_type = ErasureRequestDocumentType(d.pop("document_type"))

        reason = d.pop("reason")

        erasure_request = cls(
            document_number=document_number,
            document_type=document_type,
            reason=reason,
        )

        return erasure_request
