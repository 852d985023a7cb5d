"""Shared parts of the Python drivers of bench/governor.sh and bench/media.sh (standard library only).

HTTP on keep-alive connections (one per thread and host), the bridge's admin API, the WhatsApp
sandbox's API, bounded waits, percentiles and a CPU meter for the processes of a run. Everything
talks to 127.0.0.1 only.
"""
import http.client
import json
import os
import statistics
import sys
import threading
import time
from datetime import datetime

HOST = "127.0.0.1"


def log(*parts):
    print("  " + " ".join(str(p) for p in parts), file=sys.stderr, flush=True)


class Failed(Exception):
    """The run cannot go on; the message says why."""


_local = threading.local()


def call(port, method, path, body=None, headers=None, timeout=60):
    """One request on this thread's kept-alive connection to 127.0.0.1:port; (status, bytes)."""
    conns = getattr(_local, "conns", None)
    if conns is None:
        conns = _local.conns = {}
    h = dict(headers or {})
    data = body
    if body is not None and not isinstance(body, (bytes, str)):
        data = json.dumps(body)
        h.setdefault("Content-Type", "application/json")
    if isinstance(data, str):
        data = data.encode()
    for attempt in (1, 2):
        conn = conns.get(port)
        if conn is None:
            conn = conns[port] = http.client.HTTPConnection(HOST, port, timeout=timeout)
        try:
            conn.request(method, path, body=data, headers=h)
            r = conn.getresponse()
            return r.status, r.read()
        except (http.client.HTTPException, OSError):
            conn.close()
            conns.pop(port, None)
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def call_json(port, method, path, body=None, headers=None, ok=(200, 201, 202), timeout=60):
    status, data = call(port, method, path, body, headers, timeout)
    if status not in ok:
        raise Failed(f"{method} 127.0.0.1:{port}{path} answered {status}: {data[:500].decode('utf-8', 'replace')}")
    return json.loads(data) if data.strip() else None


class Bridge:
    """The bridge's admin API (bearer token) on 127.0.0.1:port."""

    def __init__(self, port, admin_token):
        self.port = port
        self.auth = {"Authorization": "Bearer " + admin_token}

    def admin(self, method, path, body=None, ok=(200, 201, 202)):
        return call_json(self.port, method, "/switchboard/api/admin/" + path, body, self.auth, ok)

    def admin_raw(self, method, path, body=None):
        return call(self.port, method, "/switchboard/api/admin/" + path, body, self.auth)

    def put_whatsapp_channel(self, channel_id, config):
        return self.admin("PUT", f"channels/{channel_id}", {"plugin": "whatsapp-cloud", "config": config})

    def conversations_by_user(self, channel_id):
        """The newest 500 conversations of a channel, by the customer's WhatsApp id."""
        rows = self.admin("GET", "conversations?limit=500")
        return {c["channelUserId"]: c for c in rows if c.get("channel") == channel_id}


class Sandbox:
    """One WhatsApp sandbox on 127.0.0.1:port: its own API and the Graph API it plays."""

    def __init__(self, port, access_token, phone_number_id, version="v23.0"):
        self.port = port
        self.token = access_token
        self.phone_number_id = phone_number_id
        self.graph_base = f"http://{HOST}:{port}/{version}"
        self.version = version

    def api(self, method, path, body=None, ok=(200,)):
        return call_json(self.port, method, "/sandbox/api/" + path, body, ok=ok)

    def customer_message(self, body):
        """POST /sandbox/api/customer-messages: answered once the bridge answered (or gave up)."""
        return self.api("POST", "customer-messages", body)

    def stats(self):
        return self.api("GET", "stats")

    def reset_stats(self):
        return self.api("POST", "stats/reset")

    def chats(self):
        return self.api("GET", "conversations")["conversations"]

    def conversation(self, phone):
        return self.api("GET", "conversation?phone=" + phone)

    def graph(self, method, path, body=None):
        """(status, bytes) of a Graph API call with the bearer token; path after the version."""
        return call(self.port, method, f"/{self.version}/{path}", body, {"Authorization": "Bearer " + self.token})


def wait_until(what, check, limit, every=0.1):
    """Calls check() until it returns something truthy; returns (value, seconds waited)."""
    started = time.monotonic()
    while True:
        value = check()
        if value:
            return value, time.monotonic() - started
        if time.monotonic() - started > limit:
            raise Failed(f"{what}: not done after {limit:.0f} s")
        time.sleep(every)


def run_parallel(items, work, concurrency, limit):
    """work(item) for every item on `concurrency` threads taking the next item from a shared
    queue; returns (results in item order, exceptions); raises Failed after `limit` seconds."""
    results = [None] * len(items)
    errors = []
    next_index = [0]
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= len(items):
                return
            try:
                results[i] = work(items[i])
            except Exception as e:  # noqa: BLE001 - counted and reported by the caller
                with lock:
                    errors.append((i, repr(e)))

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + limit
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() for t in threads):
        raise Failed(f"work still running after {limit} s")
    return results, errors


def instant(text):
    """Seconds since the epoch of an ISO-8601 instant as Java's Instant.toString writes it."""
    if text is None:
        return None
    t = text.rstrip("Z")
    if "." in t:
        head, frac = t.split(".", 1)
        t = head + "." + (frac + "000000")[:6]
    return datetime.fromisoformat(t + "+00:00").timestamp()


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def ms_summary(seconds):
    if not seconds:
        return {"count": 0}
    ms = [x * 1000 for x in seconds]
    return {"count": len(ms), "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
            "p99_ms": round(percentile(ms, 99), 1), "max_ms": round(max(ms), 1),
            "mean_ms": round(statistics.fmean(ms), 1)}


def _cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    except (OSError, IndexError, ValueError):
        return 0


def _machine_ticks():
    with open("/proc/stat") as f:
        values = [int(x) for x in f.readline().split()[1:]]
    return sum(values) - values[3] - values[4]  # busy = all but idle and iowait


class CpuMeter:
    """Cores busy during a phase, per named group of PIDs, the client and everything else."""

    def __init__(self, groups):
        self.hz = os.sysconf("SC_CLK_TCK")
        self.pids = dict(groups)
        self.pids["client"] = [os.getpid()]
        self.start = self._sample()
        self.t0 = time.monotonic()

    def _sample(self):
        return {"machine": _machine_ticks(), **{k: sum(_cpu_ticks(p) for p in v) for k, v in self.pids.items()}}

    def stop(self):
        end = self._sample()
        seconds = max(time.monotonic() - self.t0, 1e-6)
        used = {k: (end[k] - self.start[k]) / self.hz / seconds for k in end}
        used["others"] = used["machine"] - sum(used[k] for k in self.pids)
        return {k: round(v, 2) for k, v in used.items()}


def pids_from_env(name):
    return [int(p) for p in os.environ.get(name, "").split() if p]


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def write_result(path, result):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    log(f"wrote {path}")
