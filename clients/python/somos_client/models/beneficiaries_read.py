from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.beneficiaries_read_by_age_group import BeneficiariesReadByAgeGroup
    from ..models.beneficiaries_read_by_ethnicity import BeneficiariesReadByEthnicity
    from ..models.beneficiaries_read_by_sex import BeneficiariesReadBySex


T = TypeVar("T", bound="BeneficiariesRead")


@_attrs_define
class BeneficiariesRead:
    """Counts of 1 to k-1 people are null for tokens without attendees:pii (see
    `suppressed` beside it).

        Attributes:
            by_age_group (BeneficiariesReadByAgeGroup):
            by_ethnicity (BeneficiariesReadByEthnicity):
            by_sex (BeneficiariesReadBySex):
            total (int):
    """

    by_age_group: BeneficiariesReadByAgeGroup
    by_ethnicity: BeneficiariesReadByEthnicity
    by_sex: BeneficiariesReadBySex
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_age_group = self.by_age_group.to_dict()

        by_ethnicity = self.by_ethnicity.to_dict()

        by_sex = self.by_sex.to_dict()

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_age_group": by_age_group,
                "by_ethnicity": by_ethnicity,
                "by_sex": by_sex,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries_read_by_age_group import BeneficiariesReadByAgeGroup  # noqa: PLC0415
        from ..models.beneficiaries_read_by_ethnicity import BeneficiariesReadByEthnicity  # noqa: PLC0415
        from ..models.beneficiaries_read_by_sex import BeneficiariesReadBySex  # noqa: PLC0415

        d = dict(src_dict)
        by_age_group = BeneficiariesReadByAgeGroup.from_dict(d.pop("by_age_group"))

        by_ethnicity = BeneficiariesReadByEthnicity.from_dict(d.pop("by_ethnicity"))

        by_sex = BeneficiariesReadBySex.from_dict(d.pop("by_sex"))

        total = d.pop("total")

        beneficiaries_read = cls(
            by_age_group=by_age_group,
            by_ethnicity=by_ethnicity,
            by_sex=by_sex,
            total=total,
        )

        beneficiaries_read.additional_properties = d
        return beneficiaries_read

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
