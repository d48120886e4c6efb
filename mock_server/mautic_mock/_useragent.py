"""A tiny user-agent parser giving the device fields Mautic's DeviceDetector would fill."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["parse_user_agent"]

_OS = [
    (r"Windows NT ([\d.]+)", "Windows", "WIN"),
    (r"iPhone OS ([\d_]+)|iPad.*OS ([\d_]+)", "iOS", "IOS"),
    (r"Android ([\d.]+)", "Android", "AND"),
    (r"Mac OS X ([\d_.]+)", "Mac", "MAC"),
    (r"Ubuntu", "Ubuntu", "UBT"),
    (r"CrOS", "Chrome OS", "COS"),
    (r"Linux", "GNU/Linux", "LIN"),
]
_BROWSERS = [
    (r"Edg(?:e|A|iOS)?/([\d.]+)", "Microsoft Edge", "PS", "Blink"),
    (r"OPR/([\d.]+)", "Opera", "OP", "Blink"),
    (r"Firefox/([\d.]+)", "Firefox", "FF", "Gecko"),
    (r"Chrome/([\d.]+)", "Chrome", "CH", "Blink"),
    (r"Version/([\d.]+).*Safari", "Safari", "SF", "WebKit"),
    (r"curl/([\d.]+)", "curl", "CL", ""),
]


def parse_user_agent(agent: str) -> dict[str, Any]:
    """Device columns (``device``, ``device_os_*``, ``client_info``...) for a user-agent string."""
    os_name = os_short = os_version = None
    for pattern, name, short in _OS:
        match = re.search(pattern, agent)
        if match:
            os_name, os_short = name, short
            groups = [g for g in match.groups() if g]
            os_version = groups[0].replace("_", ".") if groups else ""
            break
    client: dict[str, Any] = {}
    for pattern, name, short, engine in _BROWSERS:
        match = re.search(pattern, agent)
        if match:
            version = ".".join(match.group(1).split(".")[:2])
            client = {
                "type": "browser",
                "name": name,
                "short_name": short,
                "version": version,
                "engine": engine,
                "engine_version": "",
            }
            break
    if re.search(r"iPad|Tablet", agent):
        device = "tablet"
    elif re.search(r"Mobile|iPhone|Android", agent):
        device = "smartphone"
    elif os_name or client:
        device = "desktop"
    else:
        device = None
    brand = "Apple" if re.search(r"iPhone|iPad|Macintosh", agent) else ""
    model = "iPhone" if "iPhone" in agent else ("iPad" if "iPad" in agent else "")
    return {
        "client_info": client or None,
        "device": device,
        "device_os_name": os_name,
        "device_os_shortname": os_short,
        "device_os_version": os_version,
        "device_os_platform": "x64"
        if re.search(r"x86_64|Win64|x64|amd64", agent)
        else ("" if os_name else None),
        "device_brand": brand,
        "device_model": model,
    }
