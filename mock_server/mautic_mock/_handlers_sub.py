"""Controllers of a contact's sub-resources (DNC, UTM, points, activity, notes ...) and the lookup lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._activity import activity
from ._changes import (
    add_utm,
    adjust_group_points,
    adjust_points,
    group_score_json,
    parse_int_segment,
    remove_utm,
)
from ._dnc import add_dnc, remove_dnc
from ._handlers import NOT_FOUND, Ctx, serialize_one
from ._http import ApiError, ApiRequest, ApiResponse, controller_json
from ._php import html_sanitize_special_chars, php_intval
from ._related import (
    contact_campaigns,
    contact_companies,
    contact_devices,
    contact_notes,
    contact_segments,
    field_list,
    owner_list,
    segment_list,
)
from ._values import format_dt, now_utc

__all__ = ["SUB_HANDLERS"]

CONTACT_MISSING = "Contact not found."
GROUP_CONTACT_MISSING = "Contact could not be found."
GROUP_MISSING = "The specified point group was not found."


def _existing(ctx: Ctx, req: ApiRequest, conn: Any, name: str = "id", message: str = NOT_FOUND) -> int:
    contact_id = int(req.path_params[name])
    if not ctx.store.contact_exists(conn, contact_id):
        raise ApiError(404, message)
    return contact_id


def add_contact_dnc(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn)
        channel = req.path_params["channel"]
        raw_channel_id = req.param("channelId")
        channel_id = php_intval(raw_channel_id) if not isinstance(raw_channel_id, (dict, list)) else 1
        raw_reason = req.param("reason", 3)
        reason = php_intval(raw_reason) if not isinstance(raw_reason, (dict, list)) else 1
        if reason == 0:
            raise ApiError(
                400,
                "Invalid reason code given",
                details=["Reason code needs to be an integer and higher than 0."],
            )
        raw_comments = req.param("comments")
        comments = (
            html_sanitize_special_chars(str(raw_comments))
            if isinstance(raw_comments, (str, int, float))
            else ""
        )
        changed = add_dnc(
            conn, contact_id, channel, reason, comments, channel_id or None, format_dt(now_utc())
        )
        # addDncForContact saves the contact even when nothing changed.
        ctx.store.mark_saved(conn, contact_id, req.user_id, changed=changed)
        return controller_json({"contact": serialize_one(ctx, conn, contact_id, "basic")})


def remove_contact_dnc(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn)
        found = remove_dnc(conn, contact_id, req.path_params["channel"])
        if found:
            ctx.store.mark_saved(conn, contact_id, req.user_id, changed=True)
        return controller_json(
            {"recordFound": found, "contact": serialize_one(ctx, conn, contact_id, "basic")}
        )


def add_contact_utm(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn)
        changed = add_utm(conn, contact_id, req.body)
        ctx.store.mark_saved(conn, contact_id, req.user_id, changed=changed)
        return controller_json({"contact": serialize_one(ctx, conn, contact_id, "basic")})


def remove_contact_utm(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn)
        remove_utm(conn, contact_id, php_intval(req.path_params["utmid"]))
        ctx.store.mark_saved(conn, contact_id, req.user_id, changed=True)
        return controller_json(
            {"recordFound": True, "contact": serialize_one(ctx, conn, contact_id, "basic")}
        )


def adjust_contact_points(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    delta = parse_int_segment(req.path_params["delta"])
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn, "leadId", CONTACT_MISSING)
        changed = adjust_points(conn, contact_id, req.path_params["operator"], delta, req.body)
        ctx.store.mark_saved(conn, contact_id, req.user_id, changed=changed)
    return controller_json({"success": 1})


def _group(conn: Any, req: ApiRequest) -> int:
    group_id = int(req.path_params["groupId"])
    if (
        group_id > 2**63 - 1
        or not conn.execute("SELECT 1 FROM point_groups WHERE id = ?", (group_id,)).fetchone()
    ):
        raise ApiError(404, GROUP_MISSING)
    return group_id


def get_contact_point_groups(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn, "contactId", GROUP_CONTACT_MISSING)
        group_ids = [
            r["group_id"]
            for r in conn.execute(
                "SELECT group_id FROM point_group_contact_score WHERE contact_id = ? ORDER BY group_id",
                (contact_id,),
            )
        ]
        scores = [s for s in (group_score_json(conn, contact_id, g) for g in group_ids) if s is not None]
    return controller_json({"total": len(scores), "groupScores": scores})


def get_contact_point_group(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn, "contactId", GROUP_CONTACT_MISSING)
        group_id = _group(conn, req)
        score = group_score_json(conn, contact_id, group_id)
    # A null groupScore is not serialized here, so the body degenerates to an empty PHP array.
    return controller_json({"groupScore": score} if score is not None else [])


def adjust_contact_point_group(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    value = parse_int_segment(req.path_params["value"])
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn, "contactId", GROUP_CONTACT_MISSING)
        group_id = _group(conn, req)
        score = adjust_group_points(conn, contact_id, group_id, req.path_params["operator"], value, req.body)
        # The controller saves the contact, but a group score is no change the contact records.
        ctx.store.mark_saved(conn, contact_id, req.user_id, changed=False)
    return controller_json({"groupScore": score})


def get_contact_activity(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        contact_id = _existing(ctx, req, conn)
        return controller_json(activity(conn, req.query, req.body, contact_id))


def get_all_activity(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        return controller_json(activity(conn, req.query, req.body, None))


def _sub(fetch: Callable[[Any, int, ApiRequest], Any]) -> Callable[[Ctx, ApiRequest], ApiResponse]:
    def handler(ctx: Ctx, req: ApiRequest) -> ApiResponse:
        with ctx.store.db.transaction() as conn:
            contact_id = _existing(ctx, req, conn)
            return controller_json(fetch(conn, contact_id, req))

    return handler


def list_owners(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        return controller_json(owner_list(conn, req))


def list_fields(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    return controller_json(field_list(ctx.store.fields))


def list_segments(ctx: Ctx, req: ApiRequest) -> ApiResponse:
    with ctx.store.db.transaction() as conn:
        return controller_json(segment_list(conn))


SUB_HANDLERS: dict[str, Callable[[Ctx, ApiRequest], ApiResponse]] = {
    "addContactDnc": add_contact_dnc,
    "removeContactDnc": remove_contact_dnc,
    "addContactUtm": add_contact_utm,
    "removeContactUtm": remove_contact_utm,
    "adjustContactPoints": adjust_contact_points,
    "getContactPointGroups": get_contact_point_groups,
    "getContactPointGroup": get_contact_point_group,
    "adjustContactPointGroup": adjust_contact_point_group,
    "getContactActivity": get_contact_activity,
    "getAllContactsActivity": get_all_activity,
    "getContactNotes": _sub(contact_notes),
    "getContactDevices": _sub(contact_devices),
    "getContactCampaigns": _sub(lambda conn, cid, req: contact_campaigns(conn, cid)),
    "getContactSegments": _sub(lambda conn, cid, req: contact_segments(conn, cid)),
    "getContactCompanies": _sub(lambda conn, cid, req: contact_companies(conn, cid)),
    "listContactOwners": list_owners,
    "listContactFields": list_fields,
    "listSegments": list_segments,
}
