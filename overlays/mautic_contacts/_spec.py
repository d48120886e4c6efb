"""Where the OpenAPI document that the generated client was made from lives, once installed."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["openapi_spec_path"]


def openapi_spec_path() -> Path:
    """Path of the `openapi.yaml` this client was generated from (shipped inside the package).

    `make generate` copies the spec into `mautic_contacts_client/` next to `provenance.json`, so the
    file is the exact contract of the installed client, whether installed from a wheel or editable.
    """
    path = Path(str(resources.files("mautic_contacts_client") / "openapi.yaml"))
    if not path.is_file():  # pragma: no cover - only for a broken install
        raise FileNotFoundError(f"openapi.yaml is missing from the installed package: {path}")
    return path
