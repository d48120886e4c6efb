"""Cross-check the PHP ports against a real `php` binary (skipped where PHP is not installed)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest
from mautic_contacts._php import php_html_entity_decode, php_trim
from mautic_contacts._where import encode_in_list

from .php_csv import str_getcsv

PHP = shutil.which("php")
pytestmark = pytest.mark.skipif(PHP is None, reason="php binary not installed")

_SCRIPT = r"""
$in = json_decode(file_get_contents("php://stdin"), true);
$out = ["raw" => [], "lists" => [], "entities" => [], "trim" => []];
foreach ($in["raw"] as $s) { $out["raw"][] = str_getcsv($s, ",", "\"", "\\"); }
foreach ($in["lists"] as $s) { $out["lists"][] = str_getcsv(html_entity_decode($s), ",", "\"", "\\"); }
foreach ($in["entities"] as $s) { $out["entities"][] = html_entity_decode($s); }
foreach ($in["trim"] as $s) { $out["trim"][] = trim($s); }
echo json_encode($out);
"""


def test_ports_match_php() -> None:
    assert PHP is not None
    rng = random.Random(20240601)
    alphabet = ["a", "b", ",", '"', "\\", " ", "\n", "\r", "\t", "é", "&", ";", "#", "\x0b"]
    raw = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    lists = [
        [
            "".join(rng.choice(alphabet[:10]) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 4))
        ]
        for _ in range(1500)
    ]
    entities = [
        "&amp;",
        "&#39;",
        "&#x27;",
        "&apos;",
        "&#1;",
        "&#10;",
        "&#0;",
        "&nbsp;",
        "&NBSP;",
        "&amp",
        "&#128512;",
        "&#xD800;",
        "&#65535;",
        "&euro;",
        "a&lt;b&gt;",
        "&#9;",
        "&#x110000;",
        "&#99999999999;",
        "&lang;",
    ]
    payload = {"raw": raw, "lists": [encode_in_list(v) for v in lists], "entities": entities, "trim": raw}
    result = subprocess.run(
        [PHP, "-r", _SCRIPT],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    php = json.loads(result.stdout)
    assert [str_getcsv(s) for s in raw] == php["raw"]
    assert lists == php["lists"]
    assert [php_html_entity_decode(s) for s in entities] == php["entities"]
    assert [php_trim(s) for s in raw] == php["trim"]
