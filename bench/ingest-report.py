#!/usr/bin/env python3
"""Writes bench/results/ingest-<date>.json from one bench/ingest.sh run and prints a summary.

Called by ingest.sh with the run's settings in environment variables; reads each side's
loadgen.json (LoadGen's result), rows.txt (row counts from the database after the server stopped)
and, for the processing run, metrics.txt (Prometheus text sampled right after the load).
"""
import hashlib
import json
import os
import platform
import re
import subprocess
import sys

env = os.environ
run_dir = env["RUN_DIR"]
root = env["ROOT"]


def read_json(path):
    with open(path) as f:
        return json.load(f)


def rows(name):
    """{'rows': n, 'status_DONE': n, ...} parsed from the H2 Shell or psql output."""
    counts = {}
    try:
        with open(os.path.join(run_dir, name, "rows.txt")) as f:
            for line in f:
                m = re.match(r"^\s*'?(\w+)'?\s*[| ]\s*(\d+)\s*$", line)
                if m:
                    counts[m.group(1)] = int(m.group(2))
    except FileNotFoundError:
        pass
    return counts


def processed_by_metrics(name):
    """Inbound events processed while the load ran (switchboard_inbound_events, by outcome)."""
    outcomes = {}
    try:
        with open(os.path.join(run_dir, name, "metrics.txt")) as f:
            for line in f:
                m = re.match(r'^switchboard_inbound_events_total\{[^}]*outcome="([^"]+)"[^}]*\}\s+([0-9.eE+]+)', line)
                if m:
                    outcomes[m.group(1)] = outcomes.get(m.group(1), 0) + int(float(m.group(2)))
    except FileNotFoundError:
        pass
    return outcomes


def side(name, what):
    lg = read_json(os.path.join(run_dir, name, "loadgen.json"))
    result = {
        "what": what,
        "throughput_rps": lg["throughput_rps"],
        "p50_ms": lg["p50_ms"],
        "p90_ms": lg["p90_ms"],
        "p99_ms": lg["p99_ms"],
        "max_ms": lg["max_ms"],
        "errors": lg["errors"],
        "requests_measured": lg["requests"],
        "requests_ok": lg["ok"],
        "requests_warmup": lg["warmup_requests"],
        "non_2xx": lg["non_2xx"],
        "io_errors": lg["io_errors"],
        "unexpected_body": lg["unexpected_body"],
        "capped": lg["capped"],
        "warmup_seconds": lg["warmup_seconds"],
        "warmup_levelled_off": lg["warmup_levelled_off"],
        "warmup_windows_rps": lg["warmup_windows_rps"],
        "cpu_cores_busy_while_measured": lg["cpu_cores_busy"],
    }
    if lg.get("first_problem"):
        result["first_problem"] = lg["first_problem"]
    counted = rows(name)
    if counted:
        result["rows_after_run"] = counted
        # Every request sent (warm-up included) must have left exactly one row.
        sent = lg["warmup_requests"] + lg["requests"]
        result["rows_match_requests"] = counted.get("rows") == sent
    return result


def machine():
    mem_kib = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    java_version = re.search(r'version "([^"]+)"', java)
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "java": java_version.group(1) if java_version else java.splitlines()[0],
        "os": f"{platform.system()} {platform.release()}",
        "load_average_at_start": env["LOAD_START"],
        "load_average_at_end": " ".join(open("/proc/loadavg").read().split()[:3]),
    }


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def git(*args):
    return subprocess.run(["git", "-C", root, *args], capture_output=True, text=True).stdout.strip()


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


baseline = side("baseline", "bench/baseline: JAX-RS POST, JSON-P parse, one JPA insert (no signature check, no dedupe)")
bridge = side("bridge", "switchboard.war POST /switchboard/api/channels/{id}/webhook: HMAC check, connector parse, "
              "deduplicating ledger insert; SWITCHBOARD_PROCESSING_ENABLED=false (ingest only)")
target = float(env["TARGET"])
throughput_ratio = ratio(bridge["throughput_rps"], baseline["throughput_rps"])
result = {
    "benchmark": "ingest",
    "date": env["DATE"],
    "started_at": env["STARTED_AT"],
    "machine": machine(),
    "build": {
        "git_commit": git("rev-parse", "HEAD"),
        # Uncommitted changes in the code under test (others may be editing other paths).
        "code_under_test_clean": git("status", "--porcelain", "--untracked-files=no", "--",
                                     "plugin-core", "connectors", "crm-adapters", "ear", "bench") == "",
        "switchboard_war_sha256": sha256(os.path.join(run_dir, "switchboard.war")),
        "payara_micro": "6.2025.10",
    },
    "db": env["DB"],
    "server_jvm": " ".join(filter(None, [f"-Xmx{env['HEAP']}", env.get("JVM_OPTS", "")])),
    "concurrency": int(env["CONCURRENCY"]),
    "warmup": {
        "min_seconds": int(env["WARMUP_MIN"]),
        "max_seconds": int(env["WARMUP"]),
        "rule": "discarded; equal for both sides when min_seconds = max_seconds; otherwise ends after min_seconds once throughput is flat (last four 5 s windows "
                "within 5 % of each other), at the latest after max_seconds",
    },
    "duration_seconds": int(env["DURATION"]),
    "body_bytes": read_json(os.path.join(run_dir, "bridge", "loadgen.json"))["body_bytes"],
    "profiled_with_jfr": env["PROFILE"] == "1",
    "baseline": baseline,
    "bridge": bridge,
    "ratio_bridge_to_baseline": {
        "throughput": throughput_ratio,
        "p50": ratio(bridge["p50_ms"], baseline["p50_ms"]),
        "p99": ratio(bridge["p99_ms"], baseline["p99_ms"]),
    },
    "target": {
        "throughput_ratio_at_least": target,
        "met": throughput_ratio is not None and throughput_ratio >= target
        and bridge["errors"] == 0 and baseline["errors"] == 0,
    },
}
if env["PROCESSING_RUN"] == "1":
    processing = side("bridge-processing", "as bridge, with SWITCHBOARD_PROCESSING_ENABLED=true: workers also resolve "
                      "identity and write conversation and message rows (no CRM connection configured)")
    processing["processed_while_loaded"] = processed_by_metrics("bridge-processing")
    processing["ratio_to_baseline_throughput"] = ratio(processing["throughput_rps"], baseline["throughput_rps"])
    result["bridge_with_processing"] = processing

def others(s):
    cpu = s.get("cpu_cores_busy_while_measured") or {}
    return cpu.get("others")


sides = [baseline, bridge] + ([result["bridge_with_processing"]] if "bridge_with_processing" in result else [])
noise = [o for o in (others(s) for s in sides) if o is not None]
result["noise"] = {
    "max_other_processes_cores": max(noise) if noise else None,
    "note": "CPU (in cores, of " + str(os.cpu_count()) + ") used by processes other than the server "
            "and the load generator during each measured phase; above ~0.2 the numbers are disturbed "
            "by other work on the machine",
}

with open(env["OUT"], "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")


def line(label, s):
    cpu = s.get("cpu_cores_busy_while_measured") or {}
    return (f"  {label:<24} {s['throughput_rps']:>7.1f} req/s  p50 {s['p50_ms']:>6} ms  "
            f"p99 {s['p99_ms']:>6} ms  errors {s['errors']}  warm-up {s['warmup_seconds']:.0f} s"
            + ("" if s["warmup_levelled_off"] else " (not levelled off)")
            + f"  cores: server {cpu.get('server')} (JIT {cpu.get('server_jit_compilers')}),"
            f" loadgen {cpu.get('loadgen')}, others {cpu.get('others')}"
            + ("   CAPPED" if s["capped"] else "")
            + ("" if s.get("rows_match_requests", True) else "   ROWS != REQUESTS"))


print()
print(f"Ingest benchmark {result['date']}: db={result['db']} concurrency={result['concurrency']} "
      f"warm-up {env['WARMUP_MIN']}-{env['WARMUP']} s, measured {result['duration_seconds']} s "
      f"({result['machine']['nproc']} CPUs, load at start {env['LOAD_START']})")
print(line("baseline", baseline))
print(line("bridge (ingest only)", bridge))
if "bridge_with_processing" in result:
    print(line("bridge (processing on)", result["bridge_with_processing"]))
r = result["ratio_bridge_to_baseline"]
print(f"  bridge/baseline: throughput {r['throughput']}  p50 {r['p50']}  p99 {r['p99']}  "
      f"-> target >= {target}: {'MET' if result['target']['met'] else 'NOT MET'}")
print(f"  written: {os.path.relpath(env['OUT'], root)}")
sys.exit(0)
