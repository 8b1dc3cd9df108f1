"""One hub, many schools: a bounded load test on loopback, beside the hub's own floor.

300 schools with three laptops each: every school registers and enrols its laptops with real
one-time codes, then each laptop syncs a few rounds (hello, push two sealed batches, pull),
32 requests at a time. The laptops are the real client and real sealing, without stores (a
store per laptop would measure SQLCipher, not the hub). Afterwards every laptop pulls its
school's whole history and opens each batch: nothing may be missing or altered.

Floor: the same number of `GET /v1/health` requests, equally concurrent, through the same
server process (the web stack and a one-row query, nothing of the hub's own work).

`python -m benchmarks.hub_load [--schools N] [--rounds R] [--db URL] [--json]`
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchmarks.hub_server import running_hub

CONCURRENCY = 32
LAPTOPS = 3
BATCHES_PER_ROUND = 2
TIME_LIMIT_S = 900.0
SCHEMA = "0830"
NOTE = "x" * 600  # a few hundred bytes of change, as a typical edit's batch


@dataclass
class Laptop:
    school: str
    device: str
    token: str = ""
    cursor: int = 0
    pushed: list[str] = field(default_factory=list)


@dataclass
class School:
    id: str
    key: bytes
    laptops: list[Laptop]


class Recorder:
    """Latency and status per request, by phase; thread-safe."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.statuses: Counter[str] = Counter()

    def call(self, phase: str, fn: Callable[[], Any]) -> Any:
        from apdesk.share.client import HubRefused, HubUnreachable

        started = time.perf_counter()
        status = "200"
        try:
            return fn()
        except HubRefused as exc:
            status = str(exc.status)
            raise
        except HubUnreachable as exc:
            status = "unreachable" if "busy" not in str(exc) else str(exc).rsplit(" ", 1)[-1][:-1]
            raise
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            with self.lock:
                self.times.setdefault(phase, []).append(elapsed)
                self.statuses[status] += 1


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


def set_up(url: str, http: httpx.Client, rec: Recorder, count: int) -> list[School]:
    from apdesk.share import crypto, wire
    from apdesk.share.client import HubClient

    def enrol(first: HubClient, device: str, card: bytes) -> Laptop:
        keys = crypto.keyring_bytes({0: first_key[first.school]})
        lookup, secret = crypto.parse_code(crypto.new_code())
        blob = crypto.seal(crypto.code_wrap_key(secret), keys, crypto.aad("enrol", lookup))
        verifier = crypto.code_verifier(secret)
        digest = crypto.verifier_hash(verifier)
        rec.call("setup", lambda: first.create_enrolment(lookup, digest, blob))
        joiner = HubClient(url, client=http)
        rec.call("setup", lambda: joiner.read_enrolment(lookup, verifier))
        token = rec.call(
            "setup", lambda: joiner.use_enrolment(lookup, verifier, device, card, 0, SCHEMA)
        )
        return Laptop(first.school, device, token)

    first_key: dict[str, bytes] = {}

    def one(n: int) -> School:
        school = School(str(uuid.uuid4()), crypto.new_key(), [])
        first_key[school.id] = school.key
        devices = [secrets.token_hex(8) for _ in range(LAPTOPS)]

        def card(device: str) -> bytes:
            public = crypto.public_b64(crypto.new_device_key())
            associated = crypto.aad("card", school.id, device, 0)
            data = {"name": f"laptop {device[:4]}", "public": public}
            return wire.seal_blob(school.key, associated, data)

        first = HubClient(url, school.id, client=http)
        token = rec.call(
            "setup", lambda: first.register_school(devices[0], card(devices[0]), SCHEMA)
        )
        first.token = token
        school.laptops.append(Laptop(school.id, devices[0], token))
        for device in devices[1:]:
            school.laptops.append(enrol(first, device, card(device)))
        return school

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        return list(pool.map(one, range(count)))


def sync_round(url: str, http: httpx.Client, rec: Recorder, school: School, laptop: Laptop,
               round_no: int) -> None:  # fmt: skip
    from apdesk.share import wire
    from apdesk.share.client import HubClient

    hub = HubClient(url, school.id, laptop.token, client=http)
    rec.call("hello", lambda: hub.hello(SCHEMA, laptop.cursor))
    batches, txns = [], []
    for n in range(BATCHES_PER_ROUND):
        txn = str(uuid.uuid4())
        change = {"t": "pupil", "g": txn, "o": "put", "s": f"{round_no}{n}", "f": {"note": NOTE}}
        log = wire.LogTxn(txn, round_no * 10 + n + 1, [json.dumps({"a": "bench", "c": [change]})])
        batches.append(wire.seal_batch(school.key, 0, school.id, laptop.device, SCHEMA, log))
        txns.append(txn)
    rec.call("push", lambda: hub.push(batches))
    laptop.pushed.extend(txns)  # only what the hub acknowledged: a failed push is retried
    while True:
        items, last = rec.call("pull", lambda: hub.pull(laptop.cursor))
        if items:
            laptop.cursor = int(items[-1]["seq"])
        if not items or laptop.cursor >= last:
            break


def verify(url: str, http: httpx.Client, schools: list[School]) -> dict[str, int]:
    """Every laptop reads its school's whole history and opens every batch."""
    from apdesk.share import wire
    from apdesk.share.client import HubClient

    lost = altered = read = 0
    for school in schools:
        expected = {txn for laptop in school.laptops for txn in laptop.pushed}
        for laptop in school.laptops:
            hub = HubClient(url, school.id, laptop.token, client=http)
            seen: set[str] = set()
            cursor = 0
            while True:
                items, last = hub.pull(cursor)
                for item in items:
                    try:
                        plain = wire.open_batch({0: school.key}, school.id, item)
                        seen.add(str(plain["txn"]))
                    except Exception:
                        altered += 1
                    read += 1
                if not items or int(items[-1]["seq"]) >= last:
                    break
                cursor = int(items[-1]["seq"])
            lost += len(expected - seen)
    return {"batches_read_back": read, "lost": lost, "altered": altered}


def floor(url: str, http: httpx.Client, count: int) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()

    def one(_n: int) -> None:
        started = time.perf_counter()
        http.get(f"{url}/v1/health")
        with lock:
            times.append((time.perf_counter() - started) * 1000)

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(one, range(count)))
    return times


def run(db: str, schools_n: int, rounds: int) -> dict[str, Any]:
    rec = Recorder()
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    with running_hub(db) as url, httpx.Client(timeout=120, limits=limits) as http:
        started = time.perf_counter()
        schools = set_up(url, http, rec, schools_n)
        setup_s = time.perf_counter() - started
        started = time.perf_counter()
        work = [(s, laptop, r) for r in range(rounds) for s in schools for laptop in s.laptops]
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            futures = [
                pool.submit(sync_round, url, http, rec, s, laptop, r) for s, laptop, r in work
            ]
            failures = 0
            for future in futures:
                remaining = max(1.0, TIME_LIMIT_S - (time.perf_counter() - started))
                try:
                    future.result(timeout=remaining)
                except Exception:
                    failures += 1
        sync_s = time.perf_counter() - started
        checked = verify(url, http, schools)
        synced = sum(len(v) for k, v in rec.times.items() if k != "setup")
        floor_times = floor(url, http, synced)
    sync_times = [t for k, v in rec.times.items() if k != "setup" for t in v]
    return {
        "schools": schools_n,
        "laptops": schools_n * LAPTOPS,
        "rounds": rounds,
        "concurrency": CONCURRENCY,
        "setup_requests": len(rec.times.get("setup", [])),
        "setup_s": round(setup_s, 1),
        "sync_requests": synced,
        "sync_s": round(sync_s, 1),
        "requests_per_s": round(synced / sync_s, 1) if sync_s else None,
        "statuses": dict(rec.statuses),
        "failed_rounds": failures,
        "p50_ms": pct(sync_times, 0.50),
        "p95_ms": pct(sync_times, 0.95),
        "p99_ms": pct(sync_times, 0.99),
        "p95_by_call_ms": {k: pct(v, 0.95) for k, v in sorted(rec.times.items())},
        "floor_p50_ms": pct(floor_times, 0.50),
        "floor_p95_ms": pct(floor_times, 0.95),
        "p95_ratio": round(pct(sync_times, 0.95) / max(0.1, pct(floor_times, 0.95)), 2),
        "mean_ms": round(statistics.fmean(sync_times), 1) if sync_times else None,
        **checked,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hub_load", description=__doc__)
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", default="", help="the hub's database URL (default: SQLite)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="apdesk-bench-load-"))
    try:
        result = run(args.db or str(work / "hub.db"), args.schools, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["db"] = "postgresql" if args.db.startswith("postgresql") else "sqlite"
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")
    return 0 if result["lost"] == 0 and result["altered"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
