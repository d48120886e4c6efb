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

Interrupting a run (Ctrl-C, SIGTERM) stops schemathesis, deletes the contacts the run created and
writes the reports of what ran; a second interrupt during that cleanup only warns, a third abandons it
(the summary then lists the contacts left behind).

Exit status: 0 clean (against Prism: no failure other than Prism's own, listed in the summary),
1 contract failures, 2 usage or connection error, 3 a safety problem (a request refused by the guard,
a contact the run did not create answered a write, or a contact left behind), 130/143 interrupted by
SIGINT/SIGTERM (and cleaned up).
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
from contract_guard import RESERVED_DOMAIN, Guard, GuardReport  # noqa: E402

ROOT = HERE.parents[1]
SPEC = ROOT / "openapi.yaml"
CONFIG = HERE / "contract.toml"
HOOKS = HERE / "contract_hooks.py"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
TOKEN_ENV = "CONTRACT_ACCESS_TOKEN"


class UsageError(Exception):
    """A problem with the environment or the target, reported without a traceback."""


class Interrupted(Exception):
    """SIGINT or SIGTERM arrived: stop the run, delete its contacts, report."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Signals:
    """SIGINT and SIGTERM become ``Interrupted`` in the main thread while a run is active.

    Once ``protect()`` is called (stopping schemathesis, deleting the run's contacts) the next signal
    only prints a warning and the one after raises, which abandons the cleanup.
    """

    HANDLED = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.protected = False
        self._warned = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in self.HANDLED:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            # None: a handler not installed from Python, which cannot be put back; the default then.
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)

    def protect(self) -> None:
        self.protected = True

    def _handle(self, signum: int, frame: object) -> None:
        if self.protected and not self._warned:
            self._warned = True
            print(
                "contract: stopping and deleting the contacts this run created; interrupt again to "
                "abandon the cleanup (they would be left behind)",
                file=sys.stderr,
                flush=True,
            )
            return
        raise Interrupted(signum)


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


@dataclass
class RunResult:
    rc: int
    output: str
    # The signal that stopped the run early, if one did.
    interrupted: int | None = None


def run_schemathesis(
    target: Target,
    guard: Guard,
    args: argparse.Namespace,
    reports: Path,
    accepted_file: Path,
    signals: Signals,
) -> RunResult:
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
        # Same process group: a Ctrl-C in the terminal reaches schemathesis too.
        process = subprocess.Popen(
            argv, cwd=tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        lines: list[str] = []
        assert process.stdout is not None
        # The output is read by a thread, so that the main thread can take signals at any moment and
        # schemathesis never blocks on a full pipe while it is being stopped.
        reader = threading.Thread(target=_pump, args=(process.stdout, lines, args.quiet), daemon=True)
        reader.start()
        try:
            rc = wait_interruptibly(process)
            reader.join()
            return RunResult(rc, "".join(lines))
        except Interrupted as exc:
            signals.protect()
            print(f"\ncontract: {exc}: stopping schemathesis", file=sys.stderr, flush=True)
            _stop(process, grace=3.0 if exc.signum == signal.SIGINT else 0.0)
            reader.join(timeout=5)
            return RunResult(process.returncode, "".join(lines), exc.signum)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def wait_interruptibly(process: subprocess.Popen[str], step: float = 0.1) -> int:
    """Wait for ``process`` in short steps, so that SIGINT or SIGTERM interrupts the wait at once.

    The kernel may hand a signal to any thread (the output reader, the guard's); Python then runs the
    handler only when the main thread next runs bytecode, which a plain blocking ``wait()`` never
    lets it do until schemathesis ends on its own.
    """
    while True:
        try:
            return process.wait(timeout=step)
        except subprocess.TimeoutExpired:
            continue


def _pump(stream: IO[str], lines: list[str], quiet: bool) -> None:
    for line in stream:
        lines.append(line)
        if not quiet:
            sys.stdout.write(line)
            sys.stdout.flush()


def _stop(process: subprocess.Popen[str], *, grace: float) -> None:
    """End schemathesis: SIGINT first (it writes its reports), then SIGTERM, then SIGKILL.

    After a Ctrl-C in the terminal it got the SIGINT itself: ``grace`` gives it time to finish first.
    """
    steps: list[tuple[signal.Signals | None, float]] = [
        (None, grace),
        (signal.SIGINT, 10.0),
        (signal.SIGTERM, 5.0),
    ]
    for signum, wait in steps:
        if process.poll() is not None:
            return
        if signum is not None:
            process.send_signal(signum)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
    process.kill()
    process.wait()


# -- reporting -----------------------------------------------------------------------------------
@dataclass
class Failure:
    """One failure of the JUnit report: the test case, the check's code and its text."""

    case: str
    code: str
    text: str


@dataclass
class Outcome:
    operations: list[str]
    failures: list[Failure]
    cases_line: str
    accepted: dict[str, int]

    @property
    def failing(self) -> dict[str, list[str]]:
        return _by_case(self.failures)

    @property
    def failure_codes(self) -> Counter[str]:
        return Counter(failure.code for failure in self.failures)


def _by_case(failures: list[Failure]) -> dict[str, list[str]]:
    """The failing test cases, each with its checks' codes (once each, in report order)."""
    by_case: dict[str, list[str]] = {}
    for failure in failures:
        codes = by_case.setdefault(failure.case, [])
        if failure.code not in codes:
            codes.append(failure.code)
    return by_case


def read_outcome(junit: Path, output: str, accepted_file: Path) -> Outcome:
    operations: list[str] = []
    failures: list[Failure] = []
    root = None
    if junit.exists():
        try:
            root = ET.parse(junit).getroot()  # noqa: S314 - our own report
        except ET.ParseError:
            root = None  # an interrupted run may leave it unfinished
    for case in root.iter("testcase") if root is not None else []:
        name = case.get("name", "")
        if re.match(r"^[A-Z]+ /", name):
            operations.append(name)
        for element in [*case.iter("failure"), *case.iter("error")]:
            message = element.get("message", "")
            text = f"{message} {element.text or ''}"
            if re.fullmatch(r"ST\d{3}", message):
                codes = [message]  # schemathesis: one element per failure, its code as the message
            else:
                codes = sorted(set(re.findall(r"\bST\d{3}\b", text))) or [element.tag]
            failures.extend(Failure(name, code, text) for code in codes)
    found = re.search(r"^\s*(\d+ generated.*)$", output, re.MULTILINE)
    try:
        accepted = json.loads(accepted_file.read_text()) if accepted_file.exists() else {}
    except ValueError:
        accepted = {}
    return Outcome(operations, failures, found.group(1).strip() if found else "", accepted)


# Prism (`make contract-prism`) is a mock generated from openapi.yaml, not Mautic: these failures are its
# own behaviour and say nothing about the spec (tests/contract/README.md, "Prism").
PRISM_ERROR = "stoplight.io/prism/errors#"
PRISM_REASONS = {
    "auth": "Prism checks that credentials are present, not that they are valid (ST401)",
    "allow": "Prism's 405 answers to undeclared methods carry no Allow header (ST204)",
    "validation": (
        "Prism's own request validation, stricter than Mautic's coercing reads (§1.4): it answers the "
        "operation's documented 400 example, or its own 422 when none is documented (ST202, ST103)"
    ),
}


def prism_deviation(failure: Failure) -> str | None:
    """Which documented Prism behaviour explains a failure of a run against Prism, if one does."""
    if failure.code == "ST401":
        return "auth"
    if failure.code == "ST204" and "without required `Allow` header" in failure.text:
        return "allow"
    if failure.code == "ST202" or (PRISM_ERROR in failure.text and "UNPROCESSABLE_ENTITY" in failure.text):
        # A schema-valid request refused: Prism refuses only what its validator refuses.
        return "validation"
    return None


def _refused_request(failure: Failure) -> str:
    """What Prism refused: its own message, else the request (method, path and query) that failed."""
    found = re.findall(r'"message":"((?:[^"\\]|\\.)*)"', failure.text) if PRISM_ERROR in failure.text else []
    if found:
        return f"{found[-1]} ({failure.code})"
    requests = re.findall(r"curl -X (\w+) .*?https?://[^/\s']+([^\s']*)", failure.text)
    return f"{' '.join(requests[-1])} ({failure.code})" if requests else failure.code


def _prism_lines(outcome: Outcome) -> tuple[list[str], list[Failure]]:
    """Summary lines for Prism's own failures, and the failures they do not explain."""
    explained: dict[str, Counter[str]] = {}
    messages: Counter[str] = Counter()
    others: list[Failure] = []
    for failure in outcome.failures:
        reason = prism_deviation(failure)
        if reason is None:
            others.append(failure)
            continue
        explained.setdefault(reason, Counter())[failure.code] += 1
        if reason == "validation":
            messages[_refused_request(failure)] += 1
    lines = []
    if explained:
        lines.append("- Prism's own behaviour, not the spec's (expected; tests/contract/README.md):")
        for reason, codes in sorted(explained.items()):
            counts = ", ".join(f"{code} {n}" for code, n in sorted(codes.items()))
            lines.append(f"  - {PRISM_REASONS[reason]}: {counts}")
        for message, count in messages.most_common(10):
            lines.append(f"    - Prism refused: {message}" + (f" x{count}" if count > 1 else ""))
    lines.append(f"- Failures Prism's behaviour does not explain: {len(others)}")
    return lines, others


def summary(
    target: Target,
    outcome: Outcome,
    report: GuardReport,
    seconds: float,
    extra: list[str],
    *,
    prism: bool = False,
    interrupted: int | None = None,
) -> str:
    lines = [
        f"# Contract run `{target.label}`",
        "",
        f"- Target: {target.api_url} ({target.mode})",
    ]
    if interrupted is not None:
        lines.append(
            f"- INTERRUPTED by {signal.Signals(interrupted).name}: the run is incomplete; the contacts "
            "it created were deleted (see Safety)"
            if target.mode == "write"
            else f"- INTERRUPTED by {signal.Signals(interrupted).name}: the run is incomplete"
        )
    lines += [
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
    listed = outcome.failures
    if prism:
        prism_lines, listed = _prism_lines(outcome)
        lines.extend(prism_lines)
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
            f"{len(report.left_over)} contacts left behind; {report.marked} created without an email and "
            f"given a reserved one, {len(report.unmarked)} that could not be (tracked by id only)"
        )
        if report.abandoned:
            lines.append(
                "- SAFETY: the cleanup was abandoned; delete the contacts left behind (ids in the guard "
                "report), or run again with WRITE=1: its sweep deletes every contact with an email in "
                f"@{RESERVED_DOMAIN}"
            )
        if report.gate_timeout:
            lines.append("- SAFETY: requests were still in flight when the cleanup started")
        if report.sweep_error:
            lines.append(f"- Sweep of reserved-domain contacts incomplete: {report.sweep_error}")
    elif target.mode == "read-only":
        lines.append(f"- Safety: read-only, {len(report.blocked)} writing requests refused")
    lines.append(f"- Duration: {seconds:.0f} s")
    for name, codes in sorted(_by_case(listed).items()):
        lines.append(f"  - failing: {name}: {', '.join(codes)}")
    for item in report.blocked[:20] + report.foreign[:20]:
        lines.append(f"  - safety: {item}")
    if report.left_over:
        lines.append(f"  - left behind: {', '.join(str(i) for i in report.left_over[:50])}")
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
    with Signals() as signals:
        try:
            return _main(args, signals)
        except Interrupted as exc:
            # Before the guard existed (nothing written) or after its report was written.
            print(f"contract: interrupted ({exc})", file=sys.stderr)
            return 128 + exc.signum


def _main(args: argparse.Namespace, signals: Signals) -> int:
    env = dict(os.environ)
    server: Server | None = None
    started = time.monotonic()
    reports = Path(args.reports)
    reports.mkdir(parents=True, exist_ok=True)
    try:
        if args.start == "fake":
            # Our own disposable fake: its default credentials, whatever MAUTIC_* the shell exports for
            # a real server (the fake ignores those variables, so they would only cause a 401).
            for name in ("MAUTIC_CLIENT_ID", "MAUTIC_CLIENT_SECRET", "MAUTIC_API_URL"):
                env.pop(name, None)
            env["MAUTIC_USERNAME"], env["MAUTIC_PASSWORD"] = "admin", "mautic"
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
            try:
                result = run_schemathesis(target, guard, args, reports, accepted_file, signals)
            except Interrupted as exc:  # interrupted again while schemathesis was being stopped
                result = RunResult(2, "", exc.signum)
            # From here on an interrupt first warns: the run's contacts must be deleted.
            signals.protect()
            try:
                report = guard.cleanup()
            except Interrupted:
                report = guard.abandon()
    except UsageError as exc:
        print(f"contract: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.stop()
    output = result.output
    (reports / f"{args.label}-output.txt").write_text(output, encoding="utf-8")
    outcome = read_outcome(reports / f"{args.label}-junit.xml", output, accepted_file)
    extra.append(f"- schemathesis exit status: {result.rc}")
    prism = args.start == "prism"
    text = summary(
        target,
        outcome,
        report,
        time.monotonic() - started,
        extra,
        prism=prism,
        interrupted=result.interrupted,
    )
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
                "marked": report.marked,
                "unmarked": report.unmarked,
                "swept": report.swept,
                "cleaned": report.cleaned,
                "abandoned": report.abandoned,
                "gate_timeout": report.gate_timeout,
                "sweep_error": report.sweep_error,
                "interrupted": signal.Signals(result.interrupted).name if result.interrupted else None,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print("\n" + text)
    return exit_status(target, report, result, outcome, prism=prism)


def exit_status(
    target: Target, report: GuardReport, result: RunResult, outcome: Outcome, *, prism: bool
) -> int:
    if target.mode == "write" and not report.safe:
        return 3
    if result.interrupted is not None:
        return 128 + result.interrupted
    if prism and result.rc == 1 and outcome.failures and not _prism_lines(outcome)[1]:
        return 0  # every failure is Prism's own behaviour
    if result.rc not in (0, 1):
        return 2
    return result.rc


if __name__ == "__main__":
    # `kill -USR1 <pid>` prints every thread's stack to stderr: where a stuck run is waiting.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    raise SystemExit(main())
