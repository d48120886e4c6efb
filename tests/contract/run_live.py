"""Run the schemathesis CLI against a live Mautic (or Prism, or a throwaway fake) through the safety guard.

    make contract                       # read-only operations of $MAUTIC_URL
    WRITE=1 make contract               # also write operations, on contacts the run creates itself
    make contract-prism                 # Prism serving openapi.yaml (started and stopped here)
    make contract-deep                  # a throwaway fake over loopback, many more examples

Environment: MAUTIC_URL (site URL; the API is MAUTIC_URL/api unless MAUTIC_API_URL says otherwise),
MAUTIC_USERNAME + MAUTIC_PASSWORD (Basic auth) or MAUTIC_CLIENT_ID + MAUTIC_CLIENT_SECRET (a token is
fetched from MAUTIC_URL/oauth/v2/token). WRITE=1 enables write operations. CONTRACT_MAX_EXAMPLES sets
the examples per operation; CONTRACT_UNIQUE_FIELDS lists unique-identifier aliases when the server's
field definitions cannot be read.

Credentials never reach the command line, a file or the output: the CLI's configuration refers to
environment variables of its own process. Writes a JUnit report and a readable summary to reports/.
Exit status: 0 clean, 1 contract failures, 2 usage or connection error, 3 a safety problem (a request
refused by the guard, a contact the run did not create answered a write, or a contact left behind).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
from contract_guard import Guard, GuardReport  # noqa: E402

ROOT = HERE.parents[1]
SPEC = ROOT / "openapi.yaml"
CONFIG = HERE / "contract.toml"
HOOKS = HERE / "contract_hooks.py"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
TOKEN_ENV = "CONTRACT_ACCESS_TOKEN"


class UsageError(Exception):
    """A problem with the environment or the target, reported without a traceback."""


@dataclass
class Target:
    label: str
    site_url: str
    api_url: str
    mode: str
    auth_kind: str  # "basic" | "oauth2"
    cli_env: dict[str, str] = field(default_factory=dict)
    own_auth: httpx.Auth | None = None
    own_headers: dict[str, str] = field(default_factory=dict)


# -- servers the driver starts itself ------------------------------------------------------------
class Server:
    """A subprocess started in its own process group and stopped by that group's id."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
        self.process = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def start_fake(env: dict[str, str]) -> tuple[Server, str]:
    server = Server([sys.executable, "-m", "mautic_mock", "--host", "127.0.0.1", "--port", "0"], env=env)
    assert server.process.stdout is not None
    line = server.process.stdout.readline()
    found = re.search(r"listening on (http://\S+)", line)
    if not found:
        server.stop()
        raise UsageError(f"the fake did not start: {line.strip()!r}")
    return server, found.group(1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_prism() -> tuple[Server, str]:
    port = _free_port()
    argv = ["npx", "--no-install", "prism", "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port)]
    server = Server(argv)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise UsageError("prism exited before listening (is node_modules installed? run `make install`)")
        try:
            httpx.get(url + "/contacts/list/fields", auth=("prism", "prism"), timeout=2)
            return server, url
        except httpx.TransportError:
            time.sleep(0.3)
    server.stop()
    raise UsageError("prism did not start listening within 60 s")


# -- credentials ---------------------------------------------------------------------------------
def resolve_target(args: argparse.Namespace, env: dict[str, str]) -> Target:
    site = env.get("MAUTIC_URL", "").rstrip("/")
    if not site:
        raise UsageError("MAUTIC_URL is not set (the site URL, e.g. https://mautic.example.com)")
    api = env.get("MAUTIC_API_URL", "").rstrip("/") or f"{site}/api"
    if args.disposable:
        mode = "disposable"
    elif env.get("WRITE", "") not in ("", "0"):
        mode = "write"
    else:
        mode = "read-only"
    user, password = env.get("MAUTIC_USERNAME"), env.get("MAUTIC_PASSWORD")
    client_id, secret = env.get("MAUTIC_CLIENT_ID"), env.get("MAUTIC_CLIENT_SECRET")
    target = Target(args.label, site, api, mode, "basic")
    if user and password:
        target.cli_env = {"MAUTIC_USERNAME": user, "MAUTIC_PASSWORD": password}
        target.own_auth = httpx.BasicAuth(user, password)
    elif client_id and secret:
        token = fetch_token(site, client_id, secret)
        target.auth_kind = "oauth2"
        target.cli_env = {TOKEN_ENV: token}
        target.own_headers = {"Authorization": f"Bearer {token}"}
    else:
        raise UsageError(
            "credentials missing: set MAUTIC_USERNAME and MAUTIC_PASSWORD, "
            "or MAUTIC_CLIENT_ID and MAUTIC_CLIENT_SECRET"
        )
    return target


def fetch_token(site: str, client_id: str, secret: str) -> str:
    """A client-credentials access token from Mautic's token endpoint (outside /api, §1.2)."""
    url = f"{site}/oauth/v2/token"
    try:
        response = httpx.post(
            url,
            data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
            timeout=30,
        )
    except httpx.HTTPError as exc:
        raise UsageError(f"cannot reach {url}: {type(exc).__name__}") from None
    try:
        body = response.json()
    except ValueError:
        body = None
    token = body.get("access_token") if isinstance(body, dict) else None
    if response.status_code != 200 or not isinstance(token, str) or not token:
        message = ""
        if isinstance(body, dict) and isinstance(body.get("errors"), list) and body["errors"]:
            message = f": {body['errors'][0].get('message', '')}"
        raise UsageError(f"no access token from {url} (HTTP {response.status_code}{message})")
    return token


def preflight(target: Target) -> None:
    """Fail early, with the server's own words, when the API cannot be used at all."""
    url = f"{target.api_url}/contacts"
    try:
        with httpx.Client(auth=target.own_auth, headers=target.own_headers, timeout=30) as client:
            response = client.get(url, params={"limit": 1, "minimal": 1})
    except httpx.HTTPError as exc:
        raise UsageError(f"cannot reach {url}: {type(exc).__name__}") from None
    if response.status_code in (401, 403):
        try:
            message = response.json()["errors"][0]["message"]
        except (ValueError, KeyError, IndexError, TypeError):
            message = response.reason_phrase
        raise UsageError(f"{url} answered {response.status_code}: {message}")


# -- unique identifiers --------------------------------------------------------------------------
def unique_fields(target: Target, env: dict[str, str]) -> tuple[set[str], str]:
    """Aliases Mautic dedupes contacts by (OR-ed, §4.2), and where that knowledge came from."""
    explicit = env.get("CONTRACT_UNIQUE_FIELDS", "").strip()
    if explicit:
        return {a.strip() for a in explicit.split(",") if a.strip()} | {
            "email"
        }, "from CONTRACT_UNIQUE_FIELDS"
    with httpx.Client(auth=target.own_auth, headers=target.own_headers, timeout=30) as client:
        response = client.get(f"{target.api_url}/fields/contact", params={"limit": 1000})
    if response.status_code == 404:
        # Every Mautic has /api/fields/contact; a server without it has the default identifier.
        return {"email"}, "Mautic's default (no /fields/contact here; CONTRACT_UNIQUE_FIELDS overrides)"
    if response.status_code != 200:
        raise UsageError(
            f"cannot read the contact field definitions (HTTP {response.status_code} from /fields/contact), "
            "so unique identifiers are unknown and writes could edit existing contacts; give them in "
            "CONTRACT_UNIQUE_FIELDS (e.g. email,member_no) or run without WRITE=1"
        )
    fields = response.json().get("fields", [])
    entries = fields.values() if isinstance(fields, dict) else fields
    found = {
        str(f["alias"])
        for f in entries
        if isinstance(f, dict) and (f.get("isUniqueIdentifier") or f.get("isUniqueIdentifer"))
    }
    return found | {"email"}, "from the server's field definitions"


# -- the schemathesis run ------------------------------------------------------------------------
def cli_config(target: Target) -> str:
    """contract.toml plus authentication by environment reference (no secret is written)."""
    text = CONFIG.read_text(encoding="utf-8")
    if target.auth_kind == "basic":
        text += '\n[auth.basic]\nusername = "${MAUTIC_USERNAME}"\npassword = "${MAUTIC_PASSWORD}"\n'
    else:
        text += f'\n[auth.openapi.oauth2]\nbearer = "${{{TOKEN_ENV}}}"\n'
    if target.mode == "read-only":
        # Unexpected-method probes that cannot change anything.
        text += '\n[phases.coverage]\nunexpected-methods = ["options", "trace"]\n'
    return text


def run_schemathesis(
    target: Target, guard: Guard, args: argparse.Namespace, reports: Path, accepted_file: Path
) -> tuple[int, str]:
    junit = reports / f"{args.label}-junit.xml"
    with tempfile.TemporaryDirectory(prefix="contract-") as tmp:
        config_path = Path(tmp) / "contract.toml"
        config_path.write_text(cli_config(target), encoding="utf-8")
        config_path.chmod(0o600)
        argv = [
            str(SCHEMATHESIS),
            "--config-file",
            str(config_path),
            "run",
            str(SPEC),
            "--url",
            guard.api_url,
            "--report",
            "junit",
            "--report-junit-path",
            str(junit),
            "--max-failures",
            "100000",
        ]
        if args.max_examples:
            argv += ["--max-examples", str(args.max_examples)]
        if args.phases:
            argv += ["--phases", args.phases]
        if target.mode == "read-only":
            argv += ["--include-method", "GET"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAUTIC_") and k != "WRITE"}
        env.update(target.cli_env)
        env["SCHEMATHESIS_HOOKS"] = str(HOOKS)
        env["CONTRACT_ACCEPTED_FILE"] = str(accepted_file)
        env["NO_COLOR"] = "1"
        if target.mode == "write":
            env["CONTRACT_WRITE_GUARD"] = guard.control_url
        process = subprocess.Popen(
            argv, cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if not args.quiet:
                sys.stdout.write(line)
        return process.wait(), "".join(lines)


# -- reporting -----------------------------------------------------------------------------------
@dataclass
class Outcome:
    operations: list[str]
    failing: dict[str, list[str]]
    cases_line: str
    accepted: dict[str, int]

    @property
    def failure_codes(self) -> Counter[str]:
        return Counter(code for codes in self.failing.values() for code in codes)


def read_outcome(junit: Path, output: str, accepted_file: Path) -> Outcome:
    operations: list[str] = []
    failing: dict[str, list[str]] = {}
    if junit.exists():
        for case in ET.parse(junit).getroot().iter("testcase"):  # noqa: S314 - our own report
            name = case.get("name", "")
            if re.match(r"^[A-Z]+ /", name):
                operations.append(name)
            codes = []
            for failure in [*case.iter("failure"), *case.iter("error")]:
                text = f"{failure.get('message', '')} {failure.text or ''}"
                codes.extend(sorted(set(re.findall(r"\bST\d{3}\b", text))) or [failure.tag])
            if codes:
                failing[name] = codes
    found = re.search(r"^\s*(\d+ generated.*)$", output, re.MULTILINE)
    accepted = json.loads(accepted_file.read_text()) if accepted_file.exists() else {}
    return Outcome(operations, failing, found.group(1).strip() if found else "", accepted)


def summary(target: Target, outcome: Outcome, report: GuardReport, seconds: float, extra: list[str]) -> str:
    lines = [
        f"# Contract run `{target.label}`",
        "",
        f"- Target: {target.api_url} ({target.mode})",
        f"- Operations tested: {len(outcome.operations)} (and the stateful phase)"
        + (f"; failures in {len(outcome.failing)}" if outcome.failing else "; no failures"),
        f"- Test cases: {outcome.cases_line or 'n/a'}",
        f"- Requests sent: {report.requests} ("
        + ", ".join(f"{m} {n}" for m, n in sorted(report.by_method.items()))
        + ")",
        f"- Failures: {sum(outcome.failure_codes.values())}"
        + (
            " (" + ", ".join(f"{c} {n}" for c, n in sorted(outcome.failure_codes.items())) + ")"
            if outcome.failing
            else ""
        ),
    ]
    if outcome.accepted:
        accepted = ", ".join(f"{name} {count}" for name, count in sorted(outcome.accepted.items()))
        lines.append(f"- Accepted as documented Mautic behaviour (contract_rules.py): {accepted}")
    lines.extend(extra)
    if target.mode == "write":
        deleted = len(report.deleted & report.created)
        lines.append(
            f"- Safety: {len(report.created)} contacts created and {deleted} deleted ({report.cleaned} in "
            f"the final cleanup, {report.swept} reserved-domain leftovers swept); {len(report.blocked)} "
            f"requests refused; {len(report.foreign)} answers about contacts the run did not create; "
            f"{len(report.left_over)} contacts left behind"
        )
    elif target.mode == "read-only":
        lines.append(f"- Safety: read-only, {len(report.blocked)} writing requests refused")
    lines.append(f"- Duration: {seconds:.0f} s")
    for name, codes in sorted(outcome.failing.items()):
        lines.append(f"  - failing: {name}: {', '.join(codes)}")
    for item in report.blocked[:20] + report.foreign[:20]:
        lines.append(f"  - safety: {item}")
    return "\n".join(lines) + "\n"


# -- main ----------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="run_live.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="contract", help="name of the run and its report files")
    parser.add_argument(
        "--start", choices=("fake", "prism"), help="start this server for the run and stop it"
    )
    parser.add_argument(
        "--disposable",
        action="store_true",
        help="the server is a throwaway (started fake, Prism): every operation, no write guard",
    )
    parser.add_argument("--max-examples", type=int, default=None, help="examples per operation")
    parser.add_argument("--phases", help="schemathesis phases, e.g. examples,fuzzing (default: all)")
    parser.add_argument("--reports", default=str(ROOT / "reports"), help="report directory")
    parser.add_argument("--quiet", action="store_true", help="do not echo the schemathesis output")
    args = parser.parse_args(argv)
    if args.max_examples is None and os.environ.get("CONTRACT_MAX_EXAMPLES"):
        args.max_examples = int(os.environ["CONTRACT_MAX_EXAMPLES"])
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    env = dict(os.environ)
    server: Server | None = None
    started = time.monotonic()
    reports = Path(args.reports)
    reports.mkdir(parents=True, exist_ok=True)
    try:
        if args.start == "fake":
            env.setdefault("MAUTIC_USERNAME", "admin")
            env.setdefault("MAUTIC_PASSWORD", "mautic")
            server, env["MAUTIC_URL"] = start_fake(env)
        elif args.start == "prism":
            server, url = start_prism()
            # Prism serves the paths without the servers' /api base path, and accepts any credentials.
            env.update(MAUTIC_URL=url, MAUTIC_API_URL=url, MAUTIC_USERNAME="prism", MAUTIC_PASSWORD="prism")
        target = resolve_target(args, env)
        preflight(target)
        extra: list[str] = []
        unique = {"email"}
        if target.mode == "write":
            unique, source = unique_fields(target, env)
            extra.append(f"- Unique identifiers protected: {', '.join(sorted(unique))}: {source}")
        guard = Guard(
            target.api_url,
            mode=target.mode,
            auth=target.own_auth,
            headers=target.own_headers,
            unique_fields=unique,
        )
        accepted_file = reports / f"{args.label}-accepted.json"
        accepted_file.unlink(missing_ok=True)
        with guard:
            rc, output = run_schemathesis(target, guard, args, reports, accepted_file)
            report = guard.cleanup()
    except UsageError as exc:
        print(f"contract: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.stop()
    (reports / f"{args.label}-output.txt").write_text(output, encoding="utf-8")
    outcome = read_outcome(reports / f"{args.label}-junit.xml", output, accepted_file)
    extra.append(f"- schemathesis exit status: {rc}")
    text = summary(target, outcome, report, time.monotonic() - started, extra)
    (reports / f"{args.label}-summary.md").write_text(text, encoding="utf-8")
    (reports / f"{args.label}-guard.json").write_text(
        json.dumps(
            {
                "requests": report.requests,
                "by_method": dict(report.by_method),
                "created": sorted(report.created),
                "deleted": sorted(report.deleted),
                "blocked": report.blocked,
                "foreign": report.foreign,
                "left_over": report.left_over,
                "swept": report.swept,
                "cleaned": report.cleaned,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print("\n" + text)
    if target.mode == "write" and not report.safe:
        return 3
    if rc not in (0, 1):
        return 2
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
