from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event import AuditEvent
    from ..models.graph_change import GraphChange
    from ..models.graph_entity import GraphEntity
    from ..models.inspect_action import InspectAction
    from ..models.inspect_link import InspectLink
    from ..models.inspect_neighbours import InspectNeighbours
    from ..models.inspect_window import InspectWindow


T = TypeVar("T", bound="EntityInspection")


@_attrs_define
class EntityInspection:
    """
    Attributes:
        entity (GraphEntity):
        neighbours (InspectNeighbours):
        audit (list[AuditEvent]): Recent audit events whose resource is this entity, newest first.
        changes (list[GraphChange]):
        links (list[InspectLink]):
        actions (list[InspectAction]):
        window (InspectWindow):
    """

    entity: GraphEntity
    neighbours: InspectNeighbours
    audit: list[AuditEvent]
    changes: list[GraphChange]
    links: list[InspectLink]
    actions: list[InspectAction]
    window: InspectWindow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity = self.entity.to_dict()

        neighbours = self.neighbours.to_dict()

        audit = []
        for audit_item_data in self.audit:
            audit_item = audit_item_data.to_dict()
            audit.append(audit_item)

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        window = self.window.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entity": entity,
                "neighbours": neighbours,
                "audit": audit,
                "changes": changes,
                "links": links,
                "actions": actions,
                "window": window,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_event import AuditEvent
        from ..models.graph_change import GraphChange
        from ..models.graph_entity import GraphEntity
        from ..models.inspect_action import InspectAction
        from ..models.inspect_link import InspectLink
        from ..models.inspect_neighbours import InspectNeighbours
        from ..models.inspect_window import InspectWindow

        d = dict(src_dict)
        entity = GraphEntity.from_dict(d.pop("entity"))

        neighbours = InspectNeighbours.from_dict(d.pop("neighbours"))

        audit = []
        _audit = d.pop("audit")
        for audit_item_data in _audit:
            audit_item = AuditEvent.from_dict(audit_item_data)

            audit.append(audit_item)

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = GraphChange.from_dict(changes_item_data)

            changes.append(changes_item)

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = InspectLink.from_dict(links_item_data)

            links.append(links_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = InspectAction.from_dict(actions_item_data)

            actions.append(actions_item)

        window = InspectWindow.from_dict(d.pop("window"))

        entity_inspection = cls(
            entity=entity,
            neighbours=neighbours,
            audit=audit,
            changes=changes,
            links=links,
            actions=actions,
            window=window,
        )

        entity_inspection.additional_properties = d
        return entity_inspection

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
