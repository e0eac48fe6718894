from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NameIn")


@_attrs_define
class NameIn:
    """
    Attributes:
        en (str):
        es (str):
    """

    en: str
    es: str

    def to_dict(self) -> dict[str, Any]:
        en = self.en

        es = self.es

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "en": en,
                "es": es,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        en = d.pop("en")

        es = d.pop("es")

        name_in = cls(
            en=en,
            es=es,
        )

        return name_in
