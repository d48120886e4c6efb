"""Write-mode hooks of live contract runs: make every generated request touch only the run's contacts.

Installed by ``contract_hooks.py`` inside the schemathesis CLI when the driver starts a guarded write
run. A ``before_call`` hook rewrites each writing request just before it is sent, so that reports and
``st replay`` show what was really sent:

* contact ids in the path (``id``, ``leadId``, ``contactId``) that Mautic's router would read as ids
  (digits) and that the run did not create become one of the run's own contacts (a fresh one for
  deletes); other values stay, since they match no route;
* batch deletes name only the run's contacts; batch edit items carry the run's ids;
* unique-identifier fields get reserved values (``ct-...@contract-test.invalid``) so that Mautic's
  dedupe never matches an existing contact; ``company``, ``companies``, ``tags`` and ``ipAddress``
  are left out because they create or link records shared with real contacts;
* every body that can create a contact or replace its fields (``/contacts/new``, batch new, PUT and
  batch PUT, which create a contact when the id is missing) gets a reserved ``email`` even when it
  sent none or a blank one, and so does every PATCH body that sends an ``email``: every contact the run
  creates stays findable by its domain (the guard's sweep), even one whose id never reached the guard.

Ids of the run's contacts come from the guard (``contract_guard``), which also refuses whatever
this module missed.
"""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from typing import Any

from contract_wire import body_items

__all__ = ["SafetyRewriter", "install"]

CONTACT_ID_PARAMETERS = ("id", "leadId", "contactId")
SHARED_RECORD_KEYS = ("company", "companies", "tags", "ipAddress")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_BODY_OPERATIONS = frozenset({"createContact", "replaceContact", "updateContact"})
# Operations whose bodies can create a contact (PUT creates one when the id matches none, §4.4, §4.5).
_CREATING_OPERATIONS = frozenset(
    {"createContact", "replaceContact", "createContactsBatch", "replaceContactsBatch"}
)
_DIGITS = re.compile(r"\d")


class SafetyRewriter:
    """Rewrites schemathesis cases in place; asks the guard at ``control_url`` for owned contacts."""

    def __init__(self, control_url: str) -> None:
        self.control_url = control_url.rstrip("/")
        policy = self._get("/policy")
        self.unique = frozenset(policy["unique"])
        self.domain = str(policy["domain"])
        self.prefix = str(policy["prefix"])

    def _get(self, path: str) -> Any:
        with urllib.request.urlopen(self.control_url + path, timeout=30) as response:  # noqa: S310 - loopback guard
            return json.loads(response.read())

    def owned(self) -> set[int]:
        return set(self._get("/policy")["owned"])

    def contact(self, *, fresh: bool = False) -> int:
        return int(self._get("/contact?fresh=1" if fresh else "/contact")["id"])

    def _fresh_value(self, alias: str) -> str:
        token = uuid.uuid4().hex[:16]
        if alias == "email":
            return f"ct-{token}@{self.domain}"
        return f"{self.prefix}{token}"

    def make_safe(self, case: Any) -> None:
        method = str(case.method).upper()
        if method in SAFE_METHODS:
            return
        operation_id = str(case.operation.definition.raw.get("operationId", ""))
        owned = self.owned()
        self._path_ids(case, method, owned)
        if operation_id == "deleteContactsBatch" or case.operation.path == "/contacts/batch/delete":
            self._batch_delete(case, owned)
        body = case.body
        creating = operation_id in _CREATING_OPERATIONS
        if operation_id in _BODY_OPERATIONS:
            self._contact_body(body, creating=creating)
        elif operation_id == "createContactsBatch":
            for item in body_items(body):
                self._contact_body(item, creating=True)
        elif operation_id in ("replaceContactsBatch", "updateContactsBatch"):
            case.body = self._batch_edit(body, owned, creating=creating)

    def _path_ids(self, case: Any, method: str, owned: set[int]) -> None:
        params = case.path_parameters or {}
        for name in CONTACT_ID_PARAMETERS:
            if name not in params:
                continue
            text = str(params[name])
            if re.fullmatch(r"\d+", text) and int(text) in owned:
                continue
            if re.fullmatch(r"\d+", text) or "/" in text or "%" in text:
                # Digits are an id to the router; a slash (or an encoded one) can make another route match.
                params[name] = self.contact(fresh=method == "DELETE")
        case.path_parameters = params

    def _batch_delete(self, case: Any, owned: set[int]) -> None:
        query = case.query or {}
        ids = query.get("ids")
        # Without `ids` Mautic reads the ids from every other parameter (§4.7): keep only `ids`.
        safe: dict[str, Any] = {}
        if ids is not None:
            text = ids if isinstance(ids, str) else json.dumps(ids)
            if _DIGITS.search(text):
                wanted = max(1, min(3, len(re.findall(r"\d+", text))))
                safe["ids"] = ",".join(str(self.contact(fresh=True)) for _ in range(wanted))
            else:
                safe["ids"] = ids
        case.query = safe

    def _contact_body(self, body: Any, *, creating: bool) -> None:
        if not isinstance(body, dict):
            return
        for key in SHARED_RECORD_KEYS:
            body.pop(key, None)
        for alias in self.unique:
            if alias in body and body[alias] not in (None, ""):
                body[alias] = self._fresh_value(alias)
        if creating or "email" in body:
            # Blank or missing, the email would leave a created (or PUT-cleared) contact unfindable.
            body["email"] = self._fresh_value("email")

    def _batch_edit(self, body: Any, owned: set[int], *, creating: bool) -> Any:
        if isinstance(body, dict):
            body.pop("ids", None)
            keys: list[Any] = list(body)
        elif isinstance(body, list):
            keys = list(range(len(body)))
        else:
            return body
        for key in keys:
            item = body[key]
            if not isinstance(item, dict):
                if _DIGITS.search(json.dumps(item)):
                    body[key] = {"id": self.contact()}
                    self._contact_body(body[key], creating=creating)
                continue
            identifier = item.get("id")
            if identifier is None or not _is_owned(identifier, owned):
                item["id"] = self.contact()
            self._contact_body(item, creating=creating)
        return body


def _is_owned(value: Any, owned: set[int]) -> bool:
    digits = re.findall(r"\d+", str(value))
    if isinstance(value, bool):
        return False
    return not digits or all(int(d) in owned for d in digits)


def install(control_url: str) -> SafetyRewriter:
    """Register the rewriting as a global ``before_call`` hook (the CLI's hooks file calls this)."""
    import schemathesis

    rewriter = SafetyRewriter(control_url)

    @schemathesis.hook
    def before_call(context: Any, case: Any, kwargs: Any) -> None:
        rewriter.make_safe(case)

    return rewriter
