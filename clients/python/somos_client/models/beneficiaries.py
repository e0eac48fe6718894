from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.beneficiaries_by_age_group_type_0 import BeneficiariesByAgeGroupType0
    from ..models.beneficiaries_by_ethnicity_type_0 import BeneficiariesByEthnicityType0
    from ..models.beneficiaries_by_sex_type_0 import BeneficiariesBySexType0


T = TypeVar("T", bound="Beneficiaries")


@_attrs_define
class Beneficiaries:
    """A total and its breakdowns; each breakdown must add up to the total.

    Codes left out of a breakdown count as 0; a breakdown left out entirely is recorded as
    `{"no_reporta": total}`.

        Attributes:
            total (int):
            by_age_group (BeneficiariesByAgeGroupType0 | None | Unset):
            by_ethnicity (BeneficiariesByEthnicityType0 | None | Unset):
            by_sex (BeneficiariesBySexType0 | None | Unset):
    """

    total: int
    by_age_group: BeneficiariesByAgeGroupType0 | None | Unset = UNSET
    by_ethnicity: BeneficiariesByEthnicityType0 | None | Unset = UNSET
    by_sex: BeneficiariesBySexType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.beneficiaries_by_age_group_type_0 import BeneficiariesByAgeGroupType0  # noqa: PLC0415
        from ..models.beneficiaries_by_ethnicity_type_0 import BeneficiariesByEthnicityType0  # noqa: PLC0415
        from ..models.beneficiaries_by_sex_type_0 import BeneficiariesBySexType0  # noqa: PLC0415

        total = self.total

        by_age_group: dict[str, Any] | None | Unset
        if isinstance(self.by_age_group, Unset):
            by_age_group = UNSET
        elif isinstance(self.by_age_group, BeneficiariesByAgeGroupType0):
            by_age_group = self.by_age_group.to_dict()
        else:
            by_age_group = self.by_age_group

        by_ethnicity: dict[str, Any] | None | Unset
        if isinstance(self.by_ethnicity, Unset):
            by_ethnicity = UNSET
        elif isinstance(self.by_ethnicity, BeneficiariesByEthnicityType0):
            by_ethnicity = self.by_ethnicity.to_dict()
        else:
            by_ethnicity = self.by_ethnicity

        by_sex: dict[str, Any] | None | Unset
        if isinstance(self.by_sex, Unset):
            by_sex = UNSET
        elif isinstance(self.by_sex, BeneficiariesBySexType0):
            by_sex = self.by_sex.to_dict()
        else:
            by_sex = self.by_sex

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "total": total,
            }
        )
        if by_age_group is not UNSET:
            field_dict["by_age_group"] = by_age_group
        if by_ethnicity is not UNSET:
            field_dict["by_ethnicity"] = by_ethnicity
        if by_sex is not UNSET:
            field_dict["by_sex"] = by_sex

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.beneficiaries_by_age_group_type_0 import BeneficiariesByAgeGroupType0  # noqa: PLC0415
        from ..models.beneficiaries_by_ethnicity_type_0 import BeneficiariesByEthnicityType0  # noqa: PLC0415
        from ..models.beneficiaries_by_sex_type_0 import BeneficiariesBySexType0  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        def _parse_by_age_group(data: object) -> BeneficiariesByAgeGroupType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_age_group_type_0 = BeneficiariesByAgeGroupType0.from_dict(data)

                return by_age_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BeneficiariesByAgeGroupType0 | None | Unset, data)

        by_age_group = _parse_by_age_group(d.pop("by_age_group", UNSET))

        def _parse_by_ethnicity(data: object) -> BeneficiariesByEthnicityType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_ethnicity_type_0 = BeneficiariesByEthnicityType0.from_dict(data)

                return by_ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BeneficiariesByEthnicityType0 | None | Unset, data)

        by_ethnicity = _parse_by_ethnicity(d.pop("by_ethnicity", UNSET))

        def _parse_by_sex(data: object) -> BeneficiariesBySexType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_sex_type_0 = BeneficiariesBySexType0.from_dict(data)

                return by_sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BeneficiariesBySexType0 | None | Unset, data)

        by_sex = _parse_by_sex(d.pop("by_sex", UNSET))

        beneficiaries = cls(
            total=total,
            by_age_group=by_age_group,
            by_ethnicity=by_ethnicity,
            by_sex=by_sex,
        )

        return beneficiaries
