from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figures import Figures
    from ..models.organization_stats_by_municipality import OrganizationStatsByMunicipality
    from ..models.stats_filters import StatsFilters


T = TypeVar("T", bound="OrganizationStats")


@_attrs_define
class OrganizationStats:
    """Programme figures; `by_municipality` (DIVIPOLA keys) lets a consumer roll up.

    Attributes:
        by_municipality (OrganizationStatsByMunicipality):
        filters (StatsFilters):
        generated_at (str):
        totals (Figures):
        suppressed (list[str] | Unset): Disclosure control: the dotted path, from this object's root, of every figure
            withheld (null) because it counts between 1 and SOMOS_MIN_CELL_SIZE-1 people, or because it would let such a
            figure be recomputed by subtraction. Empty for tokens with attendees:pii.
    """

    by_municipality: OrganizationStatsByMunicipality
    filters: StatsFilters
    generated_at: str
    totals: Figures
    suppressed: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_municipality = self.by_municipality.to_dict()

        filters = self.filters.to_dict()

        generated_at = self.generated_at

        totals = self.totals.to_dict()

        suppressed: list[str] | Unset = UNSET
        if not isinstance(self.suppressed, Unset):
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_municipality": by_municipality,
                "filters": filters,
                "generated_at": generated_at,
                "totals": totals,
            }
        )
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415
        from ..models.organization_stats_by_municipality import OrganizationStatsByMunicipality  # noqa: PLC0415
        from ..models.stats_filters import StatsFilters  # noqa: PLC0415

        d = dict(src_dict)
        by_municipality = OrganizationStatsByMunicipality.from_dict(d.pop("by_municipality"))

        filters = StatsFilters.from_dict(d.pop("filters"))

        generated_at = d.pop("generated_at")

        totals = Figures.from_dict(d.pop("totals"))

        suppressed = cast(list[str], d.pop("suppressed", UNSET))

        organization_stats = cls(
            by_municipality=by_municipality,
            filters=filters,
            generated_at=generated_at,
            totals=totals,
            suppressed=suppressed,
        )

        organization_stats.additional_properties = d
        return organization_stats

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
