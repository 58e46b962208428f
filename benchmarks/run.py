"""`make bench`: the site under gunicorn on PostgreSQL with scale data, measured by a load generator on loopback.

1. PostgreSQL on 127.0.0.1:5432 (the cluster is started when it does not answer) and the database `bss_bench`;
2. migrate, seed_demo (only when the site has no home page yet), seed_scale (tops up, never duplicates),
   collectstatic, all with benchmarks.settings;
3. gunicorn (website.wsgi, 2 workers with threads) on a free loopback port;
4. for each endpoint: a warm-up, then keep-alive connections from threads for --duration seconds (or
   --max-requests); requests/s, p50/p95/p99 latency, errors, and the ratio to the bare JSON view (the ceiling);
5. a table on the terminal and JSON in benchmarks/results/<timestamp>.json. gunicorn is stopped at the end,
   on errors and on Ctrl-C.

Run it with the project's virtualenv: `.venv/bin/python benchmarks/run.py --help`.
"""

import argparse
import contextlib
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "benchmarks" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bss_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"
SETTINGS = "benchmarks.settings"
CEILING = "ping"
VOLUMES = {"news": 17_000, "calls": 2_000, "guides": 1_000, "organizations": 10_000}
# Typical searches: a phrase without diacritics, an organization's name, a word form, a type filter, the
# directory's search, the suggestions of the header's box and the API. (name, path)
SEARCHES = [
    ("search", "/cautare/?q=economie+sociala"),
    ("search_name", "/cautare/?q=asociatia+zambet+ferentari"),
    ("search_forms", "/cautare/?q=finantarile+pentru+voluntari"),
    ("search_filtered", "/cautare/?q=bucuresti&tip=finantari&page=2"),
    ("search_directory", "/organizatii/?q=centru+de+zi&sector=sector-3"),
    ("search_suggest", "/cautare/sugestii/?q=asoc+zam"),
    ("api_search", "/api/v2/search/?q=consiliere+sociala&limit=20"),
]


@dataclass
class Endpoint:
    name: str
    path: str
    note: str = ""


@dataclass
class Result:
    name: str
    path: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    ratio_to_ceiling: float | None = None
    statuses: dict = field(default_factory=dict)


def main():
    options = parse_arguments()
    started = time.monotonic()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": options.database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", DEFAULT_REDIS_URL),
        "PYTHONUNBUFFERED": "1",
    }
    # Ctrl-C (even when started with SIGINT ignored, as in background jobs) and `kill` both go through the
    # `finally` below, which stops gunicorn.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    if ensure_postgres(options.database_url):
        # A new database reuses ids: the cache must not answer with the renditions of a dropped one.
        forget_cached(env["REDIS_URL"])
    prepare(env, options)
    server = None
    try:
        port = free_port()
        log_path = RESULTS_DIR / f"{stamp}-gunicorn.log"
        server = start_gunicorn(env, port, options, log_path)
        wait_until_ready(server, port, log_path)
        endpoints, skipped = resolve_endpoints(port, options.only)
        data = data_volumes(port)
        print(
            f"\nLoad: {options.concurrency} keep-alive connections, {options.warmup:g} s warm-up, then "
            f"{options.duration:g} s (at most {options.max_requests} requests) per endpoint.\n"
        )
        results = [measure(port, endpoint, options) for endpoint in endpoints]
    finally:
        if server is not None:
            stop(server)

    ceiling = next((result for result in results if result.name == CEILING), None)
    for result in results:
        if ceiling and ceiling.requests_per_second:
            result.ratio_to_ceiling = round(result.requests_per_second / ceiling.requests_per_second, 3)
    print_table(results, skipped)
    report = {
        "started_at": stamp,
        "git_commit": git_commit(),
        "settings": SETTINGS,
        "database": urlparse(options.database_url).path.lstrip("/"),
        "cache": "redis" if answers(env["REDIS_URL"]) else "locmem",
        "gunicorn": {"workers": options.workers, "threads": options.threads, "worker_class": "gthread"},
        "load": {
            "concurrency": options.concurrency,
            "warmup_seconds": options.warmup,
            "duration_seconds": options.duration,
            "max_requests": options.max_requests,
            "generator": "python threads + http.client keep-alive",
        },
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "data": data,
        "results": [asdict(result) for result in results],
        "skipped": skipped,
        "total_seconds": round(time.monotonic() - started, 1),
    }
    path = RESULTS_DIR / f"{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nResults: {path.relative_to(BASE_DIR)} (total {report['total_seconds']:g} s)")
    return 1 if any(result.errors for result in results) else 0


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10, help="seconds measured per endpoint (default 10)")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of warm-up per endpoint (default 2)")
    parser.add_argument("--concurrency", type=int, default=8, help="simultaneous connections (default 8)")
    parser.add_argument(
        "--max-requests", type=int, default=100_000, help="stop an endpoint after this many requests (default 100000)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    # 20,000 pages and 10,000 organizations: the volumes the search is measured with (DESIGN §14, issue #11).
    for name, default in VOLUMES.items():
        parser.add_argument(f"--{name}", type=int, default=default, help=f"seed_scale target (default {default})")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="measure only these endpoints (and the ceiling)")
    options = parser.parse_args()
    if options.duration <= 0 or options.concurrency < 1 or options.max_requests < 1:
        parser.error("--duration, --concurrency and --max-requests must be positive.")
    return options


# Preparing the database and the server


def ensure_postgres(database_url):
    """PostgreSQL answers (the local cluster is started if needed) and the benchmark database exists.

    Returns whether the database was created now.
    """
    import psycopg
    from psycopg import sql

    url = urlparse(database_url)
    if url.scheme not in ("postgres", "postgresql"):
        sys.exit(f"The benchmarks run on PostgreSQL; got {url.scheme}://")
    name = url.path.lstrip("/")
    admin_url = url._replace(path="/postgres").geturl()
    if not answers(database_url, default_port=5432):
        clusters = sorted(path.name for path in Path("/etc/postgresql").glob("*")) if url.hostname in LOOPBACK else []
        pg_ctlcluster = shutil.which("pg_ctlcluster")
        for version in clusters if pg_ctlcluster else []:
            step(f"Starting the PostgreSQL {version} cluster")
            command = [pg_ctlcluster, "--skip-systemctl-redirect", version, "main", "start"]
            subprocess.run(command, check=False)  # noqa: S603 - a fixed command
        deadline = time.monotonic() + 20
        while not answers(database_url, default_port=5432):
            if time.monotonic() > deadline:
                sys.exit(f"PostgreSQL does not answer at {url.hostname}:{url.port or 5432}.")
            time.sleep(0.5)
    # A cluster that has just started listens a moment before it accepts connections: retry briefly.
    deadline = time.monotonic() + 20
    while True:
        try:
            connection = psycopg.connect(admin_url, autocommit=True, connect_timeout=5)
            break
        except psycopg.OperationalError as error:
            if time.monotonic() > deadline:
                sys.exit(f"Cannot connect to PostgreSQL: {error}")
            time.sleep(0.5)
    with connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            step(f"Creating the database {name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    return False


def forget_cached(redis_url, prefix="bss-bench:"):
    """Delete the keys of benchmarks.settings' cache (its KEY_PREFIX) from Redis, when Redis answers."""
    if not answers(redis_url):
        return
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])


def prepare(env, options):
    manage(env, "migrate", "--noinput", "-v", "0", label="Migrating")
    has_home = manage(
        env,
        "shell",
        "-c",
        "import sys; from website.models import HomePage; sys.exit(0 if HomePage.objects.exists() else 3)",
        check=False,
        quiet=True,
    )
    if has_home == 0:
        step("Demo content already there (seed_demo skipped)")
    else:
        manage(env, "seed_demo", label="Seeding the demo content", quiet=True)
    manage(
        env,
        "seed_scale",
        f"--news={options.news}",
        f"--calls={options.calls}",
        f"--guides={options.guides}",
        f"--organizations={options.organizations}",
        label="Topping up the scale data",
    )
    manage(env, "collectstatic", "--noinput", "-v", "0", label="Collecting static files")


def manage(env, *args, label=None, check=True, quiet=False):
    if label:
        step(label)
    completed = subprocess.run(  # noqa: S603 - this interpreter and manage.py, with our arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE if quiet else None,
        stderr=subprocess.PIPE if quiet else None,
        text=True,
        check=False,
    )
    if check and completed.returncode:
        if quiet:
            print(completed.stdout[-3000:], completed.stderr[-3000:], sep="\n", file=sys.stderr)
        sys.exit(f"manage.py {args[0]} failed (exit code {completed.returncode}).")
    return completed.returncode


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env, port, options, log_path):
    step(f"Starting gunicorn on 127.0.0.1:{port} ({options.workers} workers × {options.threads} threads)")
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "website.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={options.workers}",
        f"--threads={options.threads}",
        "--worker-class=gthread",
        "--keep-alive=30",
        "--log-level=warning",
    ]
    # Its own process group, so that stopping it also stops its workers.
    with open(log_path, "ab") as log:  # the server's output (Django's warnings included) goes to the log
        return subprocess.Popen(  # noqa: S603 - this interpreter's gunicorn, with our arguments
            command, cwd=BASE_DIR, env=env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT
        )


def wait_until_ready(server, port, log_path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped (exit code {server.returncode}):\n{tail(log_path)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _ = get(port, "/_bench/ping/")
            if status == 200:
                return
        time.sleep(0.2)
    sys.exit(f"gunicorn did not answer within {timeout} s:\n{tail(log_path)}")


def stop(server):
    """SIGTERM to gunicorn's process group (graceful), SIGKILL if it is still there after 10 s."""
    if server.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    step("gunicorn stopped")


# What to measure


def resolve_endpoints(port, only):
    """The endpoints, with real URLs read from the API (a news article, its section), and the typical searches."""
    news = api(port, "/api/v2/pages/?type=news.NewsPage&limit=1")
    sections = api(port, "/api/v2/pages/?type=news.NewsIndexPage&limit=1")
    news_detail = urlparse(news["items"][0]["meta"]["html_url"]).path if news["items"] else None
    news_list = urlparse(sections["items"][0]["meta"]["html_url"]).path if sections["items"] else "/stiri/"
    candidates = [
        Endpoint(CEILING, "/_bench/ping/", "bare Django JSON view: the ceiling"),
        Endpoint("home", "/"),
        Endpoint("news_list", news_list),
        Endpoint("news_detail", news_detail) if news_detail else None,
        Endpoint("directory_filtered", "/organizatii/?sector=sector-3&tema=economie-sociala"),
        Endpoint("api_news", "/api/v2/pages/?type=news.NewsPage&fields=*"),
        Endpoint("api_organizations", "/api/v2/organizations/"),
        *(Endpoint(name, path) for name, path in SEARCHES),
    ]
    endpoints, skipped = [], []
    for endpoint in filter(None, candidates):
        if only and endpoint.name != CEILING and endpoint.name not in only:
            continue
        status, _ = get(port, endpoint.path)
        if status != 200:
            print(f"  warning: {endpoint.path} answers {status}; measured anyway (counted as errors)")
        endpoints.append(endpoint)
    return endpoints, skipped


def data_volumes(port):
    counts = {
        "pages": "/api/v2/pages/?limit=1",
        "news": "/api/v2/pages/?type=news.NewsPage&limit=1",
        "funding_calls": "/api/v2/pages/?type=funding.FundingCallPage&limit=1",
        "guides": "/api/v2/pages/?type=guides.LegislationGuidePage&limit=1",
        "organizations": "/api/v2/organizations/?limit=1",
    }
    data = {name: api(port, path)["meta"]["total_count"] for name, path in counts.items()}
    step("Published: " + ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in data.items()))
    return data


# The load generator


def measure(port, endpoint, options):
    print(f"  {endpoint.name:<20} {endpoint.path}", end="", flush=True)
    run_load(port, endpoint.path, options.concurrency, options.warmup, options.max_requests)
    latencies, statuses, errors, seconds = run_load(
        port, endpoint.path, options.concurrency, options.duration, options.max_requests
    )
    requests = len(latencies) + errors
    latencies.sort()
    result = Result(
        name=endpoint.name,
        path=endpoint.path,
        requests=requests,
        errors=errors + sum(count for status, count in statuses.items() if not 200 <= int(status) < 300),
        seconds=round(seconds, 2),
        requests_per_second=round(requests / seconds, 1) if seconds else 0.0,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
        statuses=statuses,
    )
    print(f"  {result.requests_per_second:>8.1f} req/s  p95 {result.p95_ms:.1f} ms  errors {result.errors}")
    return result


def run_load(port, path, concurrency, seconds, max_requests):
    """`concurrency` threads, each with one keep-alive connection, until `seconds` pass or `max_requests` are done.

    Returns the latencies (s) of the answered requests, the count per HTTP status, the failed connections and
    the measured time.
    """
    stop_at = time.perf_counter() + seconds
    budget = [
        max_requests // concurrency + (1 if index < max_requests % concurrency else 0) for index in range(concurrency)
    ]
    outcomes = [([], {}, [0]) for _ in range(concurrency)]

    def worker(index):
        latencies, statuses, failures = outcomes[index]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            for _ in range(budget[index]):
                if time.perf_counter() >= stop_at:
                    break
                begun = time.perf_counter()
                try:
                    connection.request("GET", path, headers={"Accept": "text/html,application/json"})
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    failures[0] += 1
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    continue
                latencies.append(time.perf_counter() - begun)
                statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
                if response.will_close:
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        finally:
            connection.close()

    begun = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(index,), daemon=True) for index in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - begun
    latencies = [latency for outcome in outcomes for latency in outcome[0]]
    statuses = {}
    for _, counts, _ in outcomes:
        for status, count in counts.items():
            statuses[status] = statuses.get(status, 0) + count
    return latencies, statuses, sum(outcome[2][0] for outcome in outcomes), elapsed


def percentile(sorted_values, rank):
    """The nearest-rank percentile, in milliseconds."""
    if not sorted_values:
        return 0.0
    index = max(0, min(len(sorted_values) - 1, round(rank / 100 * len(sorted_values) + 0.5) - 1))
    return round(sorted_values[index] * 1000, 1)


# Small helpers

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def api(port, path):
    status, body = get(port, path)
    if status != 200:
        sys.exit(f"{path} answered {status}: {body[:500]!r}")
    return json.loads(body)


def answers(url, default_port=6379, timeout=0.5):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=timeout):
            return True
    except OSError:
        return False


def git_commit():
    git = shutil.which("git")
    if not git:
        return None
    command = [git, "rev-parse", "--short", "HEAD"]
    completed = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True, check=False)  # noqa: S603
    return completed.stdout.strip() or None


def tail(path, lines=30):
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def step(message):
    print(f"==> {message}", flush=True)


def print_table(results, skipped):
    header = (
        f"{'endpoint':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'vs ceiling':>11}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for result in results:
        ratio = f"{result.ratio_to_ceiling:.1%}" if result.ratio_to_ceiling is not None else "-"
        print(
            f"{result.name:<20} {result.requests_per_second:>8.1f} {result.p50_ms:>8.1f} {result.p95_ms:>8.1f} "
            f"{result.p99_ms:>8.1f} {result.errors:>7} {ratio:>11}"
        )
    for item in skipped:
        print(f"{item['name']:<20} skipped: {item['reason']}")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("\nInterrupted (gunicorn stopped).")
