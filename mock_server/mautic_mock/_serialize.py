"""JSON shapes of contacts and their parts, as Mautic's serializer produces them."""

from __future__ import annotations

from typing import Any

from ._contacts_read import ContactData
from ._fields import GROUPS, FieldDef, FieldRegistry
from ._values import iso

__all__ = ["contact_json", "drop_nulls", "owner_json", "stage_json"]

# Shapes: "get" (single GET, edits of loaded contacts), "list" (GET /contacts), "created" (a contact
# created by this request), "basic" (DNC/UTM answers: no serializer groups, nulls omitted).
PUBLISH_KEYS = (
    "isPublished",
    "dateAdded",
    "dateModified",
    "createdBy",
    "createdByUser",
    "modifiedBy",
    "modifiedByUser",
)


def drop_nulls(value: Any) -> Any:
    """JMS without ``serializeNull``: null properties disappear at every depth."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def owner_json(user: dict[str, Any] | None, *, full: bool = False) -> dict[str, Any] | None:
    if user is None:
        return None
    data: dict[str, Any] = {
        "id": user["id"],
        "username": user["username"],
        "firstName": user["first_name"],
        "lastName": user["last_name"],
    }
    if full:
        data.update({"isPublished": bool(user["is_published"]), "email": user["email"]})
    return data


def stage_json(stage: dict[str, Any] | None) -> dict[str, Any] | None:
    if stage is None:
        return None
    return {
        "id": stage["id"],
        "name": stage["name"],
        "category": stage["category"],
        "weight": stage["weight"],
        "description": stage["description"],
    }


def _typed(field: FieldDef, raw: Any, shape: str, in_all: bool) -> Any:
    if raw is None:
        return None
    if field.type == "number":
        if field.alias == "points" and shape != "basic":
            return int(raw)
        if shape == "basic":
            return float(raw)
        return float(raw) if field.scale is not None else int(float(raw))
    if field.type == "boolean":
        flag = int(raw)
        if shape == "list":
            return str(flag)
        if in_all and shape == "created":
            return bool(flag)
        return flag
    return str(raw)


def _normalized(field: FieldDef, value: Any) -> Any:
    if value is None or field.type not in ("boolean", "select", "multiselect"):
        return value
    labels = field.choice_labels
    if field.type == "boolean":
        return labels.get(str(int(value)), value)
    if field.type == "multiselect":
        return "|".join(labels.get(part, part) for part in str(value).split("|"))
    return labels.get(str(value), value)


def _field_entry(field: FieldDef, value: Any, shape: str) -> dict[str, Any]:
    if shape == "created":
        return {
            "id": field.id,
            "group": field.group,
            "label": field.label,
            "alias": field.alias,
            "type": field.type,
            "properties": field.properties,
            "value": value,
            "normalizedValue": _normalized(field, value),
        }
    return {
        "id": str(field.id),
        "label": field.label,
        "alias": field.alias,
        "type": field.type,
        "group": field.group,
        "object": field.object,
        "is_fixed": "1" if field.is_fixed else "0",
        "properties": field.serialized_properties,
        "default_value": field.default_value,
        "value": value,
        "normalizedValue": _normalized(field, value),
    }


def _fields_json(
    reg: FieldRegistry, contact: ContactData, shape: str, select: set[str] | None
) -> dict[str, Any]:
    groups: dict[str, dict[str, Any]] = {g: {} for g in GROUPS}
    all_values: dict[str, Any] = {"id": str(contact.id)}
    for field in reg.lead:
        if select and field.alias not in select:
            continue
        raw = contact.row.get(field.alias)
        groups.setdefault(field.group, {})[field.alias] = _field_entry(
            field, _typed(field, raw, shape, False), shape
        )
        all_values[field.alias] = _typed(field, raw, shape, True)
    result: dict[str, Any] = {g: (entries if entries else []) for g, entries in groups.items()}
    if shape != "basic":
        result["all"] = all_values
    return result


def _utm_json(utm: dict[str, Any]) -> dict[str, Any]:
    query = utm.get("query")
    return {
        "id": utm["id"],
        "query": query if query else [],
        "referer": utm["referer"],
        "remoteHost": utm["remote_host"],
        "url": utm["url"],
        "userAgent": utm["user_agent"],
        "utmCampaign": utm["utm_campaign"],
        "utmContent": utm["utm_content"],
        "utmMedium": utm["utm_medium"],
        "utmSource": utm["utm_source"],
        "utmTerm": utm["utm_term"],
    }


_IP_DETAILS = (
    "city",
    "region",
    "zipcode",
    "country",
    "latitude",
    "longitude",
    "isp",
    "organization",
    "timezone",
    "extra",
)


def contact_json(
    reg: FieldRegistry,
    contact: ContactData,
    *,
    shape: str = "get",
    select: set[str] | None = None,
    minimal: bool = False,
    deleted: bool = False,
) -> dict[str, Any]:
    row = contact.row
    data: dict[str, Any] = {
        "id": None if deleted else contact.id,
        "isPublished": bool(row["is_published"]),
        "dateAdded": iso(row["date_added"]),
        "dateModified": iso(row["date_modified"]),
        "createdBy": row["created_by"],
        "createdByUser": row["created_by_user"],
        "modifiedBy": row["modified_by"],
        "modifiedByUser": row["modified_by_user"],
        "points": int(row["points"]),
        "color": None if shape == "created" else "",
        "fields": _fields_json(reg, contact, shape, select),
    }
    if minimal:
        if select is None:
            return data
        minimal_data: dict[str, Any] = drop_nulls(data)
        return minimal_data
    data.update(
        {
            "lastActive": iso(row["last_active"]),
            "owner": owner_json(contact.owner, full=shape == "basic"),
            "ipAddresses": [
                {"id": ip["id"], "ipAddress": ip["ip_address"], "ipDetails": dict.fromkeys(_IP_DETAILS, "")}
                for ip in contact.ips
            ],
            "tags": [{"id": t["id"], "tag": t["tag"], "description": t["description"]} for t in contact.tags],
            "utmtags": [_utm_json(u) for u in contact.utm],
            "stage": stage_json(contact.stage),
            "dateIdentified": iso(row["date_identified"]),
            "preferredProfileImage": row["preferred_profile_image"],
            "doNotContact": [
                {
                    "id": d["id"],
                    "dateAdded": iso(d["date_added"]),
                    "reason": d["reason"],
                    "comments": d["comments"],
                    "channel": d["channel"],
                    "channelId": d["channel_id"],
                }
                for d in contact.dnc
            ],
            "frequencyRules": [
                {
                    "channel": r["channel"],
                    "frequencyNumber": r["frequency_number"],
                    "frequencyTime": r["frequency_time"],
                    "preferredChannel": bool(r["preferred_channel"]),
                    "pauseFromDate": iso(r["pause_from_date"]),
                    "pauseToDate": iso(r["pause_to_date"]),
                }
                for r in contact.frequency
            ],
        }
    )
    if shape == "basic":
        # Without serializer groups every mapped Lead property appears, including the core columns.
        for field in reg.lead:
            if field.id <= 28 and field.alias not in ("points", "last_active"):
                data[field.alias] = _typed(field, row.get(field.alias), shape, False)
    if shape == "basic" or select is not None:
        stripped: dict[str, Any] = drop_nulls(data)
        return stripped
    return data
