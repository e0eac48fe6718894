from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures
    from ..models.initiative_listing import InitiativeListing


T = TypeVar("T", bound="MunicipalityOrganizations")


@_attrs_define
class MunicipalityOrganizations:
    """One municipality's organizations, OPI, plans, support and initiatives in one read
    (the gateway's overview uses it).

        Attributes:
            figures (Figures):
            generated_at (str):
            initiatives (list[InitiativeListing]): Active initiatives, latest start first (at most 200;
                `figures.initiatives.total` counts them all)
            municipality_code (str):
            suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
                withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
                figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    figures: Figures
    generated_at: str
    initiatives: list[InitiativeListing]
    municipality_code: str
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        figures = self.figures.to_dict()

        generated_at = self.generated_at

        initiatives = []
        for initiatives_item_data in self.initiatives:
            initiatives_item = initiatives_item_data.to_dict()
            initiatives.append(initiatives_item)

        municipality_code = self.municipality_code

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "generated_at": generated_at,
                "initiatives": initiatives,
                "municipality_code": municipality_code,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.initiative_listing import InitiativeListing  # noqa: PLC0415

        d = dict(src_dict)
        figures = Figures.from_dict(d.pop("figures"))

        generated_at = d.pop("generated_at")

        initiatives = []
        _initiatives = d.pop("initiatives")
        for initiatives_item_data in _initiatives:
            initiatives_item = InitiativeListing.from_dict(initiatives_item_data)

            initiatives.append(initiatives_item)

        municipality_code = d.pop("municipality_code")

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        municipality_organizations = cls(
            figures=figures,
            generated_at=generated_at,
            initiatives=initiatives,
            municipality_code=municipality_code,
            suppressed=suppressed,
        )

        municipality_organizations.additional_properties = d
        return municipality_organizations

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
