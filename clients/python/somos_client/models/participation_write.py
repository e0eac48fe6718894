from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participation_write_by_age_group import ParticipationWriteByAgeGroup
    from ..models.participation_write_by_ethnicity import ParticipationWriteByEthnicity
    from ..models.participation_write_by_role import ParticipationWriteByRole
    from ..models.participation_write_by_sex import ParticipationWriteBySex


T = TypeVar("T", bound="ParticipationWrite")


@_attrs_define
class ParticipationWrite:
    """Anonymous counts; every breakdown must add up to `total`.

    Attributes:
        total (int):
        by_age_group (ParticipationWriteByAgeGroup | Unset):
        by_ethnicity (ParticipationWriteByEthnicity | Unset):
        by_role (ParticipationWriteByRole | Unset):
        by_sex (ParticipationWriteBySex | Unset):
        conflict_victims (int | None | Unset):
        lgbtiq (int | None | Unset): LGBTIQ+ participants
        persons_with_disability (int | None | Unset):
    """

    total: int
    by_age_group: ParticipationWriteByAgeGroup | Unset = UNSET
    by_ethnicity: ParticipationWriteByEthnicity | Unset = UNSET
    by_role: ParticipationWriteByRole | Unset = UNSET
    by_sex: ParticipationWriteBySex | Unset = UNSET
    conflict_victims: int | None | Unset = UNSET
    lgbtiq: int | None | Unset = UNSET
    persons_with_disability: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        by_age_group: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_age_group, Unset):
            by_age_group = self.by_age_group.to_dict()

        by_ethnicity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_ethnicity, Unset):
            by_ethnicity = self.by_ethnicity.to_dict()

        by_role: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_role, Unset):
            by_role = self.by_role.to_dict()

        by_sex: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_sex, Unset):
            by_sex = self.by_sex.to_dict()

        conflict_victims: int | None | Unset
        if isinstance(self.conflict_victims, Unset):
            conflict_victims = UNSET
        else:
            conflict_victims = self.conflict_victims

        lgbtiq: int | None | Unset
        if isinstance(self.lgbtiq, Unset):
            lgbtiq = UNSET
        else:
            lgbtiq = self.lgbtiq

        persons_with_disability: int | None | Unset
        if isinstance(self.persons_with_disability, Unset):
            persons_with_disability = UNSET
        else:
            persons_with_disability = self.persons_with_disability

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
        if by_role is not UNSET:
            field_dict["by_role"] = by_role
        if by_sex is not UNSET:
            field_dict["by_sex"] = by_sex
        if conflict_victims is not UNSET:
            field_dict["conflict_victims"] = conflict_victims
        if lgbtiq is not UNSET:
            field_dict["lgbtiq"] = lgbtiq
        if persons_with_disability is not UNSET:
            field_dict["persons_with_disability"] = persons_with_disability

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participation_write_by_age_group import ParticipationWriteByAgeGroup  # noqa: PLC0415
        from ..models.participation_write_by_ethnicity import ParticipationWriteByEthnicity  # noqa: PLC0415
        from ..models.participation_write_by_role import ParticipationWriteByRole  # noqa: PLC0415
        from ..models.participation_write_by_sex import ParticipationWriteBySex  # noqa: PLC0415

        d = dict(src_dict)
        total = d.pop("total")

        _by_age_group = d.pop("by_age_group", UNSET)
        by_age_group: ParticipationWriteByAgeGroup | Unset
        if isinstance(_by_age_group, Unset):
            by_age_group = UNSET
        else:
            by_age_group = ParticipationWriteByAgeGroup.from_dict(_by_age_group)

        _by_ethnicity = d.pop("by_ethnicity", UNSET)
        by_ethnicity: ParticipationWriteByEthnicity | Unset
        if isinstance(_by_ethnicity, Unset):
            by_ethnicity = UNSET
        else:
            by_ethnicity = ParticipationWriteByEthnicity.from_dict(_by_ethnicity)

        _by_role = d.pop("by_role", UNSET)
        by_role: ParticipationWriteByRole | Unset
        if isinstance(_by_role, Unset):
            by_role = UNSET
        else:
            by_role = ParticipationWriteByRole.from_dict(_by_role)

        _by_sex = d.pop("by_sex", UNSET)
        by_sex: ParticipationWriteBySex | Unset
        if isinstance(_by_sex, Unset):
            by_sex = UNSET
        else:
            by_sex = ParticipationWriteBySex.from_dict(_by_sex)

        def _parse_conflict_victims(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        conflict_victims = _parse_conflict_victims(d.pop("conflict_victims", UNSET))

        def _parse_lgbtiq(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lgbtiq = _parse_lgbtiq(d.pop("lgbtiq", UNSET))

        def _parse_persons_with_disability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        persons_with_disability = _parse_persons_with_disability(d.pop("persons_with_disability", UNSET))

        participation_write = cls(
            total=total,
            by_age_group=by_age_group,
            by_ethnicity=by_ethnicity,
            by_role=by_role,
            by_sex=by_sex,
            conflict_victims=conflict_victims,
            lgbtiq=lgbtiq,
            persons_with_disability=persons_with_disability,
        )

        return participation_write
