"""The installed package carries the exact spec it was generated from."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mautic_contacts import openapi_spec_path

ROOT = Path(__file__).resolve().parents[3]


def test_spec_path_points_at_the_shipped_copy_of_the_repo_spec() -> None:
    path = openapi_spec_path()
    assert path.name == "openapi.yaml"
    assert path.parent.name == "mautic_contacts_client"
    assert path.read_bytes() == (ROOT / "openapi.yaml").read_bytes()


def test_provenance_stamp_matches_the_shipped_spec() -> None:
    path = openapi_spec_path()
    stamp = json.loads((path.parent / "provenance.json").read_text())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest in json.dumps(stamp)
