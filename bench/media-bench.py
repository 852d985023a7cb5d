#!/usr/bin/env python3
"""The measurements of bench/media.sh: inbound media fetched by the engine against a plain client.

Called by media.sh once the bridge and a WhatsApp sandbox (posting to the bridge's channel
`wa-media`) answer. It wires the channel, then:

  warm-up   W images, fetched by the bridge and by this driver, not measured
  bridge    N customer images of S bytes (real PNG files, random pixels, so every file differs and
            none compresses) sent through the sandbox (POST /sandbox/api/customer-messages, type
            image); the engine's FETCH_MEDIA outbox effects resolve and download them; per file the
            time from the media's createdAt to its fetchedAt (GET /admin/messages/{id}/media), and
            files/s and MB/s from the first createdAt to the last fetchedAt
  baseline  this driver resolves and downloads the same media ids from the sandbox's Graph API
            (GET /{v}/{media-id}, then the url, bearer token) on as many threads as the engine's
            outbox parallelism; files/s and MB/s from the first request to the last byte

Standard library only; every wait is bounded. Writes bench/results/media-*.json.
"""
import base64
import hashlib
import json
import os
import platform
import struct
import threading
import time
import urllib.parse
import zlib

from benchlib import (Bridge, CpuMeter, Failed, Sandbox, call, instant, load_average, log, ms_summary,
                      pids_from_env, run_parallel, wait_until, write_result)

env = os.environ
FILES = int(env["FILES"])
SIZE = int(env["SIZE"])
WARMUP = int(env["WARMUP"])
CUSTOMERS = int(env["CUSTOMERS"])
PARALLELISM = int(env["PARALLELISM"])
SEND_CONCURRENCY = int(env["SEND_CONCURRENCY"])
CHANNEL = env.get("CHANNEL_ID", "wa-media")
BRIDGE = Bridge(int(env["PORT"]), env["ADMIN_TOKEN"])
SANDBOX = Sandbox(int(env["SANDBOX_PORT"]), env["ACCESS_TOKEN"], env["PHONE_NUMBER_ID"])
PHASE_LIMIT = 900
MB = 1_000_000


def png(size):
    """A valid RGB PNG of about `size` bytes: random pixels (zlib cannot shrink them), so every file
    differs."""
    width = 256
    rows = max(1, round(size / (width * 3 + 1)))
    raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(rows))  # filter type None per row

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, rows, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 1))
            + chunk(b"IEND", b""))


def wire():
    BRIDGE.put_whatsapp_channel(CHANNEL, {
        "phoneNumberId": SANDBOX.phone_number_id, "accessToken": SANDBOX.token, "appSecret": env["APP_SECRET"],
        "verifyToken": "bench-verify", "graphApiBaseUrl": SANDBOX.graph_base})


def send_images(count, label):
    """`count` customer images through the sandbox; returns [(phone, wamid, bytes, sha256 hex)]."""
    phones = [f"4977{k:07d}" for k in range(CUSTOMERS)]
    files = [png(SIZE) for _ in range(count)]
    jobs = [(phones[i % len(phones)], i, files[i]) for i in range(count)]

    def send(job):
        phone, i, data = job
        answer = SANDBOX.customer_message({"from": phone, "name": f"Media {phone}", "type": "image", "media": {
            "base64": base64.b64encode(data).decode(), "mimeType": "image/png",
            "filename": f"{label}-{i:04d}.png", "caption": f"{label} {i}"}})
        if not answer.get("accepted"):
            raise Failed(f"the bridge did not accept image {i}: {answer}")
        return phone, answer["wamid"], len(data), hashlib.sha256(data).hexdigest()

    started = time.monotonic()
    sent, errors = run_parallel(jobs, send, SEND_CONCURRENCY, PHASE_LIMIT)
    if errors:
        raise Failed(f"{len(errors)} images not accepted, e.g. {errors[0]}")
    return sent, time.monotonic() - started


def media_ids(sent):
    """The sandbox's media id of every sent image (from its chat log)."""
    ids = {}
    for phone in sorted({s[0] for s in sent}):
        for m in SANDBOX.conversation(phone)["messages"]:
            if m.get("type") == "image" and isinstance(m.get("content"), dict):
                ids[m["wamid"]] = m["content"].get("id")
    missing = [s[1] for s in sent if not ids.get(s[1])]
    if missing:
        raise Failed(f"{len(missing)} images have no media id in the sandbox, e.g. {missing[0]}")
    return ids


def bridge_messages(sent):
    """Message id in the bridge of every sent wamid (waits until each is recorded)."""
    wanted = {s[1] for s in sent}

    def lookup():
        found = {}
        for c in BRIDGE.conversations_by_user(CHANNEL).values():
            for m in BRIDGE.admin("GET", f"conversations/{c['id']}/messages"):
                if m.get("externalId") in wanted:
                    found[m["externalId"]] = m["id"]
        return found if len(found) == len(wanted) else None

    found, _ = wait_until("the bridge's messages of the images", lookup, PHASE_LIMIT, 0.5)
    return found


def wait_fetched(message_ids):
    """GET /admin/messages/{id}/media until no file is pending; returns each file's view."""
    views, pending = {}, list(message_ids)
    deadline = time.monotonic() + PHASE_LIMIT
    while pending:
        def look(mid):
            files = BRIDGE.admin("GET", f"messages/{mid}/media")
            files = files.get("media", files) if isinstance(files, dict) else files
            return files[0] if files else None

        results, errors = run_parallel(pending, look, 4, PHASE_LIMIT)
        if errors:
            raise Failed(f"reading media views failed, e.g. {errors[0]}")
        still = []
        for mid, view in zip(pending, results):
            if view is None or view.get("status") == "pending":
                still.append(mid)
            else:
                views[mid] = view
        pending = still
        if pending:
            if time.monotonic() > deadline:
                raise Failed(f"{len(pending)} files still pending after {PHASE_LIMIT} s")
            time.sleep(0.5)
    return views


def bridge_phase(count, label):
    cpu = CpuMeter({"bridge": pids_from_env("MICRO_PID"), "sandbox": pids_from_env("SANDBOX_PID")})
    sent, send_seconds = send_images(count, label)
    by_wamid = bridge_messages(sent)
    views = wait_fetched([by_wamid[s[1]] for s in sent])
    cores = cpu.stop()
    rows = [views[by_wamid[s[1]]] for s in sent]
    stored = [v for v in rows if v.get("status") == "stored"]
    created = [instant(v["createdAt"]) for v in stored]
    fetched = [instant(v["fetchedAt"]) for v in stored]
    span = max(fetched) - min(created) if stored else 0
    total_bytes = sum(v.get("size") or 0 for v in stored)
    same = sum(1 for s, v in zip(sent, rows) if v.get("sha256") == s[3])
    result = {"files": count, "stored": len(stored),
              "by_status": {st: sum(1 for v in rows if v.get("status") == st) for st in {v.get("status") for v in rows}},
              "sha256_matches_sent_bytes": same, "bytes": total_bytes,
              "detected_types": sorted({v.get("detectedType") for v in stored}),
              "sent_through_sandbox_seconds": round(send_seconds, 3),
              "intake_files_per_second": round(count / send_seconds, 2),
              "first_created_to_last_fetched_seconds": round(span, 3),
              "files_per_second": round(len(stored) / span, 2) if span > 0 else None,
              "mb_per_second": round(total_bytes / MB / span, 2) if span > 0 else None,
              "created_to_fetched": ms_summary([f - c for c, f in zip(created, fetched)]),
              "attempts_above_one": sum(1 for v in stored if (v.get("attempts") or 1) > 1),
              "cores_busy": cores}
    return result, sent


def baseline_phase(ids, sizes):
    """Resolve + download every media id on PARALLELISM threads, as the connector does."""
    lock, latencies, done = threading.Lock(), [], []

    def fetch(media_id):
        t = time.monotonic()
        status, data = SANDBOX.graph("GET", f"{media_id}?phone_number_id={SANDBOX.phone_number_id}")
        if status != 200:
            raise Failed(f"GET {media_id}: {status} {data[:200]!r}")
        url = urllib.parse.urlsplit(json.loads(data)["url"])
        status, body = call(url.port, "GET", url.path + "?" + url.query, headers={"Authorization": "Bearer " + SANDBOX.token})
        if status != 200:
            raise Failed(f"download of {media_id}: {status}")
        with lock:
            latencies.append(time.monotonic() - t)
            done.append(len(body))
        return hashlib.sha256(body).hexdigest()

    cpu = CpuMeter({"sandbox": pids_from_env("SANDBOX_PID")})
    started = time.monotonic()
    hashes, errors = run_parallel(ids, fetch, PARALLELISM, PHASE_LIMIT)
    seconds = time.monotonic() - started
    cores = cpu.stop()
    total = sum(done)
    return {"what": f"GET /{SANDBOX.version}/<media-id> then GET <url> (bearer token) for the same media ids, "
                    f"{PARALLELISM} threads (the outbox's parallelism), a kept-alive connection per thread",
            "files": len(ids), "errors": len(errors), "first_error": errors[0][1] if errors else None,
            "bytes": total, "seconds": round(seconds, 3), "files_per_second": round(len(done) / seconds, 2),
            "mb_per_second": round(total / MB / seconds, 2), "per_file": ms_summary(latencies),
            "sha256": hashes, "cores_busy": cores}


def main():
    started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load_start = load_average()
    wire()
    if WARMUP:
        warm, warm_sent = bridge_phase(WARMUP, "warm")
        baseline_phase(list(media_ids(warm_sent).values()), None)
        log(f"warm-up: {WARMUP} images, bridge {warm['files_per_second']} files/s")
    SANDBOX.reset_stats()
    bridge, sent = bridge_phase(FILES, "bench")
    ids = media_ids(sent)
    log(f"bridge: {bridge['stored']}/{FILES} stored, {bridge['files_per_second']} files/s, "
        f"{bridge['mb_per_second']} MB/s, created->fetched {json.dumps(bridge['created_to_fetched'])}")
    base = baseline_phase([ids[s[1]] for s in sent], None)
    base["sha256_matches_sent_bytes"] = sum(1 for s, h in zip(sent, base.pop("sha256")) if h == s[3])
    log(f"baseline: {base['files_per_second']} files/s, {base['mb_per_second']} MB/s, errors {base['errors']}")
    stats = SANDBOX.stats()
    ratio = (round(bridge["files_per_second"] / base["files_per_second"], 3)
             if bridge["files_per_second"] and base["files_per_second"] else None)
    result = {
        "benchmark": "media", "date": env["DATE"], "started_at": started_at,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "ratio_bridge_to_baseline_files_per_second": ratio,
        "settings": {"files": FILES, "size_bytes": SIZE, "warmup_files": WARMUP, "customers": CUSTOMERS,
                     "outbox_parallelism": PARALLELISM, "send_concurrency": SEND_CONCURRENCY,
                     "media_store": env.get("MEDIA_STORE"), "heap": env.get("HEAP"), "db": "h2",
                     "file_kind": "PNG, 256 px wide, random pixels, image/png"},
        "bridge": bridge, "baseline": base, "sandbox_media_counters": stats.get("media"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average_start": load_start,
                    "load_average_end": load_average()},
        "build": {"git_commit": env.get("GIT_COMMIT"), "code_under_test_clean": env.get("GIT_CLEAN") == "1",
                  "switchboard_war_sha256": env.get("WAR_SHA256")},
    }
    write_result(env["OUT"], result)
    log(f"ratio bridge/baseline files/s: {ratio}")


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        log(f"FAILED: {e}")
        raise SystemExit(1)
