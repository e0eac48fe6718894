from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commitment_status import CommitmentStatus
from ..models.responsible_kind import ResponsibleKind

if TYPE_CHECKING:
    from ..models.note_read import NoteRead


T = TypeVar("T", bound="CommitmentRead")


@_attrs_define
class CommitmentRead:
    """
    Attributes:
        archived_at (None | str):
        created_at (str):
        department_code (str):
        description (str):
        due_date (datetime.date):
        event_id (UUID):
        fulfilled_at (None | str):
        id (UUID):
        municipality_code (str):
        notes (list[NoteRead]):
        overdue (bool): Still open or in progress after its due date (Colombian calendar)
        responsible_party (str):
        responsible_party_kind (ResponsibleKind):
        status (CommitmentStatus):
        status_reason (None | str):
        updated_at (str):
        version (int):
    """

    archived_at: None | str
    created_at: str
    department_code: str
    description: str
    due_date: datetime.date
    event_id: UUID
    fulfilled_at: None | str
    id: UUID
    municipality_code: str
    notes: list[NoteRead]
    overdue: bool
    responsible_party: str
    responsible_party_kind: ResponsibleKind
    status: CommitmentStatus
    status_reason: None | str
    updated_at: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: None | str
        archived_at = self.archived_at

        created_at = self.created_at

        department_code = self.department_code

        description = self.description

        due_date = self.due_date.isoformat()

        event_id = str(self.event_id)

        fulfilled_at: None | str
        fulfilled_at = self.fulfilled_at

        id = str(self.id)

        municipality_code = self.municipality_code

        notes = []
        for notes_item_data in self.notes:
            notes_item = notes_item_data.to_dict()
            notes.append(notes_item)

        overdue = self.overdue

        responsible_party = self.responsible_party

        responsible_party_kind = self.responsible_party_kind.value

        status = self.status.value

        status_reason: None | str
        status_reason = self.status_reason

        updated_at = self.updated_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "created_at": created_at,
                "department_code": department_code,
                "description": description,
                "due_date": due_date,
                "event_id": event_id,
                "fulfilled_at": fulfilled_at,
                "id": id,
                "municipality_code": municipality_code,
                "notes": notes,
                "overdue": overdue,
                "responsible_party": responsible_party,
                "responsible_party_kind": responsible_party_kind,
                "status": status,
                "status_reason": status_reason,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.note_read import NoteRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_archived_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        created_at = d.pop("created_at")

        department_code = d.pop("department_code")

        description = d.pop("description")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        event_id = UUID(d.pop("event_id"))

        def _parse_fulfilled_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fulfilled_at = _parse_fulfilled_at(d.pop("fulfilled_at"))

        id = UUID(d.pop("id"))

        municipality_code = d.pop("municipality_code")

        notes = []
        _notes = d.pop("notes")
        for notes_item_data in _notes:
            notes_item = NoteRead.from_dict(notes_item_data)

            notes.append(notes_item)

        overdue = d.pop("overdue")

        responsible_party = d.pop("responsible_party")

        responsible_party_kind = ResponsibleKind(d.pop("responsible_party_kind"))

        status = CommitmentStatus(d.pop("status"))

        def _parse_status_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        updated_at = d.pop("updated_at")

        version = d.pop("version")

        commitment_read = cls(
            archived_at=archived_at,
            created_at=created_at,
            department_code=department_code,
            description=description,
            due_date=due_date,
            event_id=event_id,
            fulfilled_at=fulfilled_at,
            id=id,
            municipality_code=municipality_code,
            notes=notes,
            overdue=overdue,
            responsible_party=responsible_party,
            responsible_party_kind=responsible_party_kind,
            status=status,
            status_reason=status_reason,
            updated_at=updated_at,
            version=version,
        )

        commitment_read.additional_properties = d
        return commitment_read

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
