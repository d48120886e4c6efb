"""Contact activity (the timeline in API mode, §4.17): events derived from what happened through the API.

Sources: contact creation/identification (``lead.source.*``), do-not-contact records, UTM sets,
points changes and stage changes. Each event type is paged on its own, as Mautic's timeline does.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from typing import Any

from ._http import framework_error
from ._php import items, php_intval
from ._values import format_dt, iso, parse_datetime

__all__ = ["EVENT_TYPES", "activity"]

EVENT_TYPES = {
    "lead.source.created": "Contact created by source",
    "lead.source.identified": "Contact identified by source",
    "lead.donotcontact": "Do not contact",
    "lead.imported": "Imported",
    "lead.utmtagsadded": "UTM tags recorded",
    "point.gained": "Point gained",
    "stage.changed": "Stage changed",
    "asset.download": "Asset downloaded",
    "campaign.event": "Campaign action triggered",
    "campaign.event.scheduled": "Campaign event scheduled",
    "email.failed": "Email failed",
    "email.read": "Email read",
    "email.sent": "Email sent",
    "form.submitted": "Form submitted",
    "page.hit": "Page hit",
    "page.videohit": "Video view event",
}
DNC_REASONS = {
    1: "Contact unsubscribed from this channel.",
    2: "Communication bounced for this channel.",
    3: "Contact was manually set as do not contact for this channel.",
}
SOURCE_LABELS = {
    ("identified_contact", "api-single"): "Contact identified via API",
    ("identified_contact", "api-batch"): "Contact identified via API batch",
    ("created_contact", "api-single"): "Contact created via API",
    ("created_contact", "api-batch"): "Contact created via API batch",
}
# Types whose sources ignore a search filter entirely (Mautic skips them when one is given).
NOT_SEARCHABLE = {"lead.source.created", "lead.source.identified", "lead.donotcontact", "lead.imported"}


@dataclass
class _Event:
    type: str
    row_id: int
    label: Any
    timestamp: str
    contact_id: int
    details: Any
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "event": self.type,
            "eventId": f"{self.type}{self.row_id}",
            "eventLabel": self.label,
            "eventType": EVENT_TYPES[self.type],
            "timestamp": iso(self.timestamp),
            "contactId": str(self.contact_id),
        }
        data["details"] = self.details
        return data


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def _collect(conn: sqlite3.Connection, contact_id: int | None) -> dict[str, list[_Event]]:
    where = "" if contact_id is None else " WHERE lead_id = ?"
    args: list[Any] = [] if contact_id is None else [contact_id]
    events: dict[str, list[_Event]] = {t: [] for t in EVENT_TYPES}
    for row in conn.execute(f"SELECT * FROM lead_event_log{where}", args):
        kind = {"identified_contact": "lead.source.identified", "created_contact": "lead.source.created"}.get(
            row["action"] or ""
        )
        if kind is None:
            continue
        label = SOURCE_LABELS.get((row["action"], row["object"]), f"{row['bundle']} {row['object']}")
        events[kind].append(_Event(kind, row["id"], label, row["date_added"], row["lead_id"], []))
    for row in conn.execute(f"SELECT * FROM lead_donotcontact{where}", args):
        dnc = {
            "id": str(row["id"]),
            "dateAdded": row["date_added"],
            "reason": DNC_REASONS.get(row["reason"], str(row["reason"])),
            "comments": row["comments"],
            "channel": row["channel"],
            "channelId": _s(row["channel_id"]),
        }
        label = str(row["channel"])[:1].upper() + str(row["channel"])[1:]
        events["lead.donotcontact"].append(
            _Event("lead.donotcontact", row["id"], label, row["date_added"], row["lead_id"], {"dnc": dnc})
        )
    for row in conn.execute(f"SELECT * FROM lead_utmtags{where}", args):
        utm = {
            "id": str(row["id"]),
            "dateAdded": row["date_added"],
            "query": json.loads(row["query"]) if row["query"] else [],
            "referer": row["referer"],
            "remoteHost": row["remote_host"],
            "url": row["url"],
            "userAgent": row["user_agent"],
            "utmCampaign": row["utm_campaign"],
            "utmContent": row["utm_content"],
            "utmMedium": row["utm_medium"],
            "utmSource": row["utm_source"],
            "utmTerm": row["utm_term"],
        }
        text = " ".join(str(v) for k, v in utm.items() if k not in ("id", "query") and v)
        # LeadSubscriber::addTimelineUtmEntries: "UTM Campaign: <name>", else the event type's name.
        campaign = row["utm_campaign"]
        label = (
            f"UTM Campaign: {campaign}"
            if campaign not in (None, "", "0")
            else EVENT_TYPES["lead.utmtagsadded"]
        )
        events["lead.utmtagsadded"].append(
            _Event(
                "lead.utmtagsadded",
                row["id"],
                label,
                row["date_added"],
                row["lead_id"],
                {"utmtags": utm},
                text,
            )
        )
    for row in conn.execute(f"SELECT * FROM lead_points_change_log{where}", args):
        log = {
            "eventName": row["event_name"],
            "actionName": row["action_name"],
            "dateAdded": iso(row["date_added"]),
            "type": row["type"],
            "delta": str(row["delta"]),
            "id": str(row["id"]),
        }
        label = f"{row['event_name']} / {row['delta']}"
        text = f"{row['event_name']} {row['action_name']}"
        events["point.gained"].append(
            _Event("point.gained", row["id"], label, row["date_added"], row["lead_id"], {"log": log}, text)
        )
    for row in conn.execute(
        "SELECT c.*, s.name AS stage_name FROM lead_stages_change_log c"
        " LEFT JOIN stages s ON s.id = c.stage_id" + ("" if contact_id is None else " WHERE c.lead_id = ?"),
        args,
    ):
        log = {
            "stageName": row["stage_name"],
            "eventName": row["event_name"],
            "actionName": row["action_name"],
            "dateAdded": iso(row["date_added"]),
        }
        label = row["stage_name"] or row["event_name"]
        events["stage.changed"].append(
            _Event("stage.changed", row["id"], label, row["date_added"], row["lead_id"], {"log": log}, label)
        )
    return events


def _string_list(value: Any) -> list[str]:
    if isinstance(value, (dict, list)):
        return [str(v) for _, v in items(value) if not isinstance(v, (dict, list))]
    if value in (None, ""):
        return []
    return [str(value)]


def activity(
    conn: sqlite3.Connection, query: dict[str, Any], body: Any, contact_id: int | None
) -> dict[str, Any]:
    """The answer of GET /contacts/activity (contact_id None) or /contacts/{id}/activity."""
    filters_raw = query.get("filters")
    if filters_raw is None and isinstance(body, dict):
        filters_raw = body.get("filters")
    if filters_raw is None:
        filters_raw = {}
    if not isinstance(filters_raw, (dict, list)):
        raise framework_error(500)
    filters_map = dict(items(filters_raw))
    search = filters_map.get("search", "")
    search = "" if isinstance(search, (dict, list)) or search is None else str(search)
    include = _string_list(filters_map.get("includeEvents"))
    exclude = _string_list(filters_map.get("excludeEvents"))
    echo: dict[str, Any] = {"search": search, "includeEvents": include, "excludeEvents": exclude}
    bounds: dict[str, str] = {}
    for key in ("dateFrom", "dateTo"):
        raw = filters_map.get(key)
        if raw in (None, ""):
            continue
        parsed = parse_datetime(raw)
        if parsed is None:
            raise framework_error(500)
        bounds[key] = format_dt(parsed)
        echo[key] = parsed.isoformat()

    order_raw = query.get("order", ["timestamp", "DESC"])
    order_items = [v for _, v in items(order_raw)] if isinstance(order_raw, (dict, list)) else []
    column = (
        str(order_items[0]) if order_items and order_items[0] in ("timestamp", "eventLabel") else "timestamp"
    )
    direction = str(order_items[1]).upper() if len(order_items) > 1 else "DESC"
    direction = direction if direction in ("ASC", "DESC") else "DESC"
    page = _int_param(query.get("page"), 1)
    limit = _int_param(query.get("limit"), 25)
    page = max(page, 1)
    limit = limit if limit > 0 else 25

    def sort_key(event: _Event) -> tuple[str, int]:
        primary = event.timestamp if column == "timestamp" else str(event.label).lower()
        return primary, event.row_id

    page_events: list[_Event] = []
    total = 0
    largest = 0
    for kind, events in _collect(conn, contact_id).items():
        if include and kind not in include:
            continue
        if kind in exclude:
            continue
        if search and kind in NOT_SEARCHABLE:
            continue
        selected = [
            e
            for e in events
            if (not search or search.lower() in e.text.lower())
            and ("dateFrom" not in bounds or e.timestamp >= bounds["dateFrom"])
            and ("dateTo" not in bounds or e.timestamp <= bounds["dateTo"])
        ]
        selected.sort(key=sort_key, reverse=direction == "DESC")
        total += len(selected)
        largest = max(largest, len(selected))
        page_events.extend(selected[(page - 1) * limit : page * limit])
    page_events.sort(key=sort_key, reverse=direction == "DESC")
    types = dict(sorted(EVENT_TYPES.items(), key=lambda kv: kv[1].lower()))
    return {
        "events": [e.to_json() for e in page_events],
        "filters": echo,
        "order": [column, direction],
        "types": types,
        "total": total,
        "page": page,
        "limit": limit,
        "maxPages": float(math.ceil(largest / limit)) if largest else 1,
    }


def _int_param(value: Any, default: int) -> int:
    if value is None or isinstance(value, (dict, list)):
        return default
    return php_intval(value)
