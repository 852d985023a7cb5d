#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples: where the server spent its time.

usage: python3 bench/jfr-top-frames.py recording.jfr [top] [since]

since: UTC time of day (HH:MM:SS[.fff]); samples before it are left out (e.g. the server's start-up
and the warm-up, when the recording ran from the JVM's start). Assumes the recording does not cross
midnight.

Prints, from `jfr print --events jdk.ExecutionSample --stack-depth 200`: inclusive time per area
of the code (the share of samples whose stack contains a frame of that area), inclusive time per
application method (io.switchboard.*), and the hottest top frames (self time).
"""
import collections
import os
import re
import subprocess
import sys

AREAS = [
    ("switchboard engine (io.switchboard.engine)", "io.switchboard.engine."),
    ("whatsapp connector (io.switchboard.connector)", "io.switchboard.connector."),
    ("baseline app (io.switchboard.bench)", "io.switchboard.bench."),
    ("HMAC / crypto (javax.crypto, sun.security)", ("javax.crypto.", "com.sun.crypto.", "sun.security.")),
    ("JSON-P (org.eclipse.parsson, jakarta.json)", ("org.eclipse.parsson.", "jakarta.json.")),
    ("  of which JsonProvider.provider() lookups (ServiceLoader scan per call)", "jakarta.json.spi.JsonProvider.provider"),
    ("JPA (org.eclipse.persistence)", "org.eclipse.persistence."),
    ("JDBC driver: H2 (org.h2)", "org.h2."),
    ("JDBC driver: PostgreSQL (org.postgresql)", "org.postgresql."),
    ("connection pool / JTA (com.sun.enterprise.resource, com.sun.jts, transaction)",
     ("com.sun.enterprise.resource.", "com.sun.enterprise.transaction.", "com.sun.jts.", "org.glassfish.transaction.")),
    ("CDI (org.jboss.weld)", "org.jboss.weld."),
    ("JAX-RS (org.glassfish.jersey)", "org.glassfish.jersey."),
    ("MicroProfile Metrics (fish.payara.microprofile.metrics)", "fish.payara.microprofile.metrics."),
    ("HTTP server (org.glassfish.grizzly)", "org.glassfish.grizzly."),
    ("Liquibase / pipeline workers scheduler", ("liquibase.", "org.glassfish.enterprise.concurrent.")),
]


def samples(path, since):
    out = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
        capture_output=True, text=True, check=True, env={**os.environ, "TZ": "UTC"}).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        start = re.search(r"startTime = (\d\d:\d\d:\d\d(?:\.\d+)?)", block)
        if since and start and start.group(1) < since:
            continue
        frames = re.findall(r"^\s+([\w$.<>/]+)\(", block, re.M)
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        if frames:
            yield (thread.group(1) if thread else "?"), frames


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    since = sys.argv[3] if len(sys.argv) > 3 else None
    self_time = collections.Counter()
    inclusive = collections.Counter()
    app_methods = collections.Counter()
    threads = collections.Counter()
    total = 0
    for thread, frames in samples(path, since):
        total += 1
        self_time[frames[0]] += 1
        threads[re.sub(r"[-#]?\d+(\)|$)", r"\1", thread)] += 1
        # Weld's proxies and subclasses count as the bean's own method.
        app = {re.sub(r"\$Proxy\$_\$\$_Weld\w+|\$\$super$", "", f) for f in frames}
        for method in {f for f in app if f.startswith("io.switchboard.")}:
            app_methods[method] += 1
        for label, prefix in AREAS:
            if any(f.startswith(prefix) for f in frames):
                inclusive[label] += 1
    if total == 0:
        print("no execution samples in " + path)
        return
    print(f"{total} CPU samples in {path}" + (f" from {since} UTC" if since else ""))
    print("Inclusive share by area (a sample counts for every area on its stack):")
    for label, n in inclusive.most_common():
        print(f"  {100.0 * n / total:5.1f}%  {label}")
    print("Application methods, inclusive (share of samples with the method on the stack):")
    for method, n in app_methods.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {method}")
    print(f"Top {top} frames (self time):")
    for frame, n in self_time.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {frame}")
    print("Samples by thread group:")
    for name, n in threads.most_common(8):
        print(f"  {100.0 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
