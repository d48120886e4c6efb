from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.note import Note
    from ..models.note_map import NoteMap


T = TypeVar("T", bound="ContactNotesResponse")


@_attrs_define
class ContactNotesResponse:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        notes (list[Note] | NoteMap): Notes keyed by id; `[]` when none (the documentation shows an array).
    """

    total: int | str
    notes: list[Note] | NoteMap
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.note_map import NoteMap  # noqa: PLC0415

        total: int | str
        total = self.total

        notes: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.notes, NoteMap):
            notes = self.notes.to_dict()
        else:
            notes = []
            for notes_type_1_item_data in self.notes:
                notes_type_1_item = notes_type_1_item_data.to_dict()
                notes.append(notes_type_1_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.note import Note  # noqa: PLC0415
        from ..models.note_map import NoteMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_notes(data: object) -> list[Note] | NoteMap:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notes_type_0 = NoteMap.from_dict(data)

                return notes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            notes_type_1 = []
            _notes_type_1 = data
            for notes_type_1_item_data in _notes_type_1:
                notes_type_1_item = Note.from_dict(notes_type_1_item_data)

                notes_type_1.append(notes_type_1_item)

            return notes_type_1

        notes = _parse_notes(d.pop("notes"))

        contact_notes_response = cls(
            total=total,
            notes=notes,
        )

        contact_notes_response.additional_properties = d
        return contact_notes_response

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
