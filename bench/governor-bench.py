#!/usr/bin/env python3
"""The measurements of bench/governor.sh: the engine's send governor against a plain paced client.

Called by governor.sh once the bridge and, per configured rate R, two WhatsApp sandboxes answer:
one the bridge's channel `wa-gov-<R>` sends to (its status webhooks go to the bridge), and one for
the baseline (its webhooks go to a closed port). Both play a number limited to R messages/s with
the pair limit set to the engine's (6 s, burst 2). Per rate:

  set-up    the channel (messagesPerSecond R), its templates synced from the sandbox, and N + 1 + W
            customers who each write once through the sandbox (a conversation each, window open)
  warm-up   W template replies to the last W customers, not measured
  baseline  this driver sends the same N template messages straight to the baseline sandbox's
            Graph API, paced by a token bucket of R/s (no burst) with the outbox's parallelism
  bridge    N template replies through POST /admin/conversations/{id}/template, one per customer;
            the engine's outbox and governor send them; timed by the sandbox's acceptance times
  pair      P replies to one more customer, queued back to back: the pair limit paces them

Rates are taken over the steady part (the 10th to the 90th percentile of the acceptance times).
Standard library only; every wait is bounded. Writes bench/results/governor-*.json.
"""
import json
import os
import platform
import re
import threading
import time

from benchlib import (Bridge, CpuMeter, Failed, Sandbox, call, instant, load_average, log, ms_summary,
                      percentile, pids_from_env, run_parallel, wait_until, write_result)

env = os.environ
ROOT = env["ROOT"]
RUN_DIR = env["RUN_DIR"]
RATES = [int(r) for r in env["RATES"].split()]
SANDBOX_PORTS = [int(p) for p in env["SANDBOX_PORTS"].split()]
BASELINE_PORTS = [int(p) for p in env["BASELINE_PORTS"].split()]
PHONE_IDS = env["PHONE_NUMBER_IDS"].split()
CUSTOMERS = int(env["CUSTOMERS"])
PAIR_REPLIES = int(env["PAIR_REPLIES"])
WARMUP_REPLIES = int(env.get("WARMUP_REPLIES", "0"))
PARALLELISM = int(env["PARALLELISM"])
API_CONCURRENCY = int(env["API_CONCURRENCY"])
PAIR_INTERVAL_MS = int(env["PAIR_INTERVAL_MS"])
PAIR_BURST = int(env["PAIR_BURST"])
TARGET_TOLERANCE = float(env.get("TARGET_TOLERANCE", "0.05"))
ACCESS_TOKEN = env["ACCESS_TOKEN"]
APP_SECRET = env["APP_SECRET"]
WABA_ID = env["WABA_ID"]
TEMPLATE = env.get("TEMPLATE", "welcome_back")
LANGUAGE = env.get("TEMPLATE_LANGUAGE", "en_US")
BRIDGE = Bridge(int(env["PORT"]), env["ADMIN_TOKEN"])
PHASE_LIMIT = 600


# --- set-up ----------------------------------------------------------------------------------------
def wire_channel(channel, sandbox, rate):
    BRIDGE.put_whatsapp_channel(channel, {
        "phoneNumberId": sandbox.phone_number_id, "accessToken": ACCESS_TOKEN, "appSecret": APP_SECRET,
        "verifyToken": "bench-verify", "graphApiBaseUrl": sandbox.graph_base,
        "whatsAppBusinessAccountId": WABA_ID, "messagesPerSecond": str(rate)})
    synced = BRIDGE.admin("POST", f"channels/{channel}/templates/sync")
    listed = BRIDGE.admin("GET", f"channels/{channel}/templates?status=APPROVED&language={LANGUAGE}")
    names = {t["name"] for t in listed.get("templates", [])}
    if TEMPLATE not in names:
        raise Failed(f"template {TEMPLATE} ({LANGUAGE}) not synced for {channel}: {synced}, listed {sorted(names)}")
    return synced


def create_conversations(channel, sandbox, phones):
    """One customer message each through the sandbox; returns {phone: conversation id}."""
    found, started = {}, time.monotonic()
    for i in range(0, len(phones), 400):  # the conversation list shows the newest 500
        batch = phones[i:i + 400]

        def write(phone):
            answer = sandbox.customer_message({"from": phone, "name": f"Bench {phone}", "text": "Hello"})
            if not answer.get("accepted"):
                raise Failed(f"the bridge did not accept the message of {phone}: {answer}")

        _, errors = run_parallel(batch, write, API_CONCURRENCY, PHASE_LIMIT)
        if errors:
            raise Failed(f"{len(errors)} customer messages failed, e.g. {errors[0]}")

        def all_there():
            seen = BRIDGE.conversations_by_user(channel)
            return seen if all(p in seen for p in batch) else None

        seen, _ = wait_until(f"conversations of {channel}", all_there, PHASE_LIMIT, 0.5)
        found.update({p: seen[p]["id"] for p in batch})
    log(f"{channel}: {len(found)} conversations after {time.monotonic() - started:.1f} s")
    return found


# --- measuring -------------------------------------------------------------------------------------
def template_body(phone):
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": phone, "type": "template",
            "template": {"name": TEMPLATE, "language": {"code": LANGUAGE}}}


def steady_rate(times):
    """Sends per second between the 10th and the 90th percentile of the acceptance times, and the
    most sends seen in any sliding 1 s window."""
    t = sorted(times)
    if len(t) < 10:
        return {"sends": len(t)}
    lo, hi = len(t) // 10, len(t) - 1 - len(t) // 10
    span = t[hi] - t[lo]
    most, j = 0, 0
    for i in range(len(t)):
        while t[i] - t[j] >= 1.0:
            j += 1
        most = max(most, i - j + 1)
    return {"sends": len(t), "first_to_last_seconds": round(t[-1] - t[0], 3),
            "steady_from_send": lo + 1, "steady_to_send": hi + 1, "steady_seconds": round(span, 3),
            "steady_rate": round((hi - lo) / span, 2) if span > 0 else None,
            "overall_rate": round((len(t) - 1) / (t[-1] - t[0]), 2) if t[-1] > t[0] else None,
            "max_in_any_1s_window": most}


def reply_times(sandbox, phones):
    """Acceptance time of every business message to these phones, from the sandbox's chats."""
    wanted = set(phones)
    per_phone, times = {}, []
    for chat in sandbox.chats():
        if chat["phone"] in wanted:
            per_phone[chat["phone"]] = chat["messageCount"]
            times.append(instant(chat["lastTimestamp"]))
    return per_phone, times


def limits_seen(stats):
    rejected = stats.get("rejectedByCode", {})
    return {"accepted": sum(stats.get("acceptedByNumber", {}).values()), "rejected_by_code": rejected,
            "failed_by_code": stats.get("failedByCode", {}),
            "over_limit_130429": int(rejected.get("130429", 0)),
            "pair_limit_131056": int(rejected.get("131056", 0)),
            "accepted_per_second": {k: v for k, v in stats.get("acceptedPerSecond", {}).items() if k != "histogram"},
            "histogram": [h["accepted"] for h in stats.get("acceptedPerSecond", {}).get("histogram", [])],
            "min_pair_interval_ms": stats.get("pairIntervals", {}).get("minIntervalMs")}


def baseline(sandbox, rate, phones):
    """The same N template sends straight to the sandbox, paced by a token bucket of `rate`/s
    (bucket size 1: a late send never earns a burst) on PARALLELISM threads."""
    sandbox.reset_stats()
    interval, lock, state = 1.0 / rate, threading.Lock(), {"next": time.monotonic()}
    latencies = []

    def send(phone):
        with lock:
            slot = max(state["next"], time.monotonic())
            state["next"] = slot + interval
        delay = slot - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        t = time.monotonic()
        status, data = sandbox.graph("POST", f"{sandbox.phone_number_id}/messages", template_body(phone))
        latencies.append(time.monotonic() - t)
        if status != 200:
            raise Failed(f"{status} {data[:200]!r}")

    cpu = CpuMeter({"sandbox": pids_from_env(f"BASELINE_PID_{rate}")})
    started = time.monotonic()
    _, errors = run_parallel(phones, send, PARALLELISM, PHASE_LIMIT)
    seconds = time.monotonic() - started
    cores = cpu.stop()
    counts, times = reply_times(sandbox, phones)
    result = {"what": f"POST /{sandbox.version}/<phone-number-id>/messages (template {TEMPLATE}) straight to a "
                      f"sandbox limited to {rate}/s, token bucket of {rate}/s without burst, {PARALLELISM} threads",
              "messages": len(phones), "seconds": round(seconds, 3), "errors": len(errors),
              "first_error": errors[0][1] if errors else None, "request_latency": ms_summary(latencies),
              "rate": steady_rate(times), "sandbox": limits_seen(sandbox.stats()), "cores_busy": cores}
    log(f"baseline {rate}/s: steady {result['rate'].get('steady_rate')}/s, errors {len(errors)}, "
        f"130429 {result['sandbox']['over_limit_130429']}")
    return result


def send_counters():
    """The governor's counters from /metrics: throttling answers and deferrals."""
    status, data = call(BRIDGE.port, "GET", "/metrics", headers={"Accept": "text/plain"})
    counts = {}
    for line in data.decode("utf-8", "replace").splitlines() if status == 200 else []:
        m = re.match(r'^(switchboard_send_(?:throttled|deferrals)\w*)(\{[^}]*\})?\s+([0-9.eE+]+)', line)
        if m:
            counts[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return counts


def post_template(conversation_id):
    t = time.monotonic()
    status, data = BRIDGE.admin_raw("POST", f"conversations/{conversation_id}/template",
                                    {"name": TEMPLATE, "language": LANGUAGE, "actor": "bench"})
    if status != 202:
        raise Failed(f"template on {conversation_id} answered {status}: {data[:300]!r}")
    return time.monotonic() - t, json.loads(data)["message"]


def bridge_phase(channel, sandbox, rate, conversations, sandbox_pid):
    sandbox.reset_stats()
    phones = list(conversations)
    before = send_counters()
    cpu = CpuMeter({"bridge": pids_from_env("MICRO_PID"), "sandbox": sandbox_pid})
    started = time.monotonic()
    answers, errors = run_parallel([conversations[p] for p in phones], post_template, API_CONCURRENCY, PHASE_LIMIT)
    queued = time.monotonic() - started
    if errors:
        raise Failed(f"{len(errors)} template requests failed, e.g. {errors[0]}")

    def all_accepted():
        n = sum(sandbox.stats().get("acceptedByNumber", {}).values())
        return n if n >= len(phones) else None

    wait_until(f"{len(phones)} sends of {channel}", all_accepted, len(phones) / rate * 3 + 120, 0.2)
    sent_after = time.monotonic() - started
    cores = cpu.stop()
    time.sleep(3)  # a duplicate send would arrive now
    stats = sandbox.stats()
    counts, times = reply_times(sandbox, phones)
    duplicates = sum(1 for p in phones if counts.get(p, 0) > 2)
    missing = sum(1 for p in phones if counts.get(p, 0) < 2)
    after = send_counters()
    result = {"what": f"POST /switchboard/api/admin/conversations/{{id}}/template ({TEMPLATE}), one per customer, "
                      f"{API_CONCURRENCY} requests in flight; sent by the outbox (parallelism {PARALLELISM}) "
                      f"through the governor at messagesPerSecond {rate}",
              "messages": len(phones), "queued_seconds": round(queued, 3),
              "queue_rate": round(len(phones) / queued, 2), "all_accepted_after_seconds": round(sent_after, 3),
              "template_request_latency": ms_summary([a[0] for a in answers]),
              "rate": steady_rate(times), "sandbox": limits_seen(stats),
              "sent_exactly_once": duplicates == 0 and missing == 0, "customers_with_duplicates": duplicates,
              "customers_without_reply": missing, "bridge_messages": bridge_messages(conversations, phones),
              "governor_counters": {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)},
              "cores_busy": cores}
    log(f"bridge {rate}/s: steady {result['rate'].get('steady_rate')}/s (queued at {result['queue_rate']}/s), "
        f"130429 {result['sandbox']['over_limit_130429']}, 131056 {result['sandbox']['pair_limit_131056']}, "
        f"exactly once {result['sent_exactly_once']}")
    return result


def released_phase(channel, sandbox, rate, conversations):
    """A second reply to every customer, queued while the number is paused (the sandbox refuses its
    token, code 190: the governor defers every send), then released at once by the admin entering
    the token again. Nothing else competes for the CPU while they go out, so this shows the
    governor's own pace; bridge_phase shows the pace while the replies are still being created."""
    phones = list(conversations)
    sandbox.api("POST", "faults", {"revokeToken": True})
    answers, errors = run_parallel([conversations[p] for p in phones], post_template, API_CONCURRENCY, PHASE_LIMIT)
    if errors:
        raise Failed(f"{len(errors)} template requests failed, e.g. {errors[0]}")
    time.sleep(5)  # every reply is created and deferred behind the token pause
    sandbox.reset_stats()
    sandbox.api("POST", "faults", {"revokeToken": False})
    started = time.monotonic()
    BRIDGE.put_whatsapp_channel(channel, {
        "phoneNumberId": sandbox.phone_number_id, "accessToken": ACCESS_TOKEN, "appSecret": APP_SECRET,
        "verifyToken": "bench-verify", "graphApiBaseUrl": sandbox.graph_base,
        "whatsAppBusinessAccountId": WABA_ID, "messagesPerSecond": str(rate)})

    def all_accepted():
        n = sum(sandbox.stats().get("acceptedByNumber", {}).values())
        return n if n >= len(phones) else None

    wait_until(f"{len(phones)} released sends of {channel}", all_accepted, len(phones) / rate * 3 + 120, 0.2)
    sent_after = time.monotonic() - started
    time.sleep(3)
    stats = sandbox.stats()
    counts, times = reply_times(sandbox, phones)
    duplicates = sum(1 for p in phones if counts.get(p, 0) > 3)
    missing = sum(1 for p in phones if counts.get(p, 0) < 3)
    result = {"what": "a second template reply to each customer, queued during a token pause (190), released by"
                      " the channel PUT; sent by the outbox through the governor",
              "messages": len(phones), "all_accepted_after_seconds": round(sent_after, 3),
              "rate": steady_rate(times), "sandbox": limits_seen(stats),
              "sent_exactly_once": duplicates == 0 and missing == 0, "customers_with_duplicates": duplicates,
              "customers_without_reply": missing}
    log(f"released {rate}/s: steady {result['rate'].get('steady_rate')}/s, "
        f"130429 {result['sandbox']['over_limit_130429']}, exactly once {result['sent_exactly_once']}")
    return result


def bridge_messages(conversations, phones):
    """The bridge's side of exactly once: outbound messages per conversation, and their statuses."""
    def outbound(phone):
        rows = BRIDGE.admin("GET", f"conversations/{conversations[phone]}/messages")
        return [(m["status"], bool(m.get("externalId"))) for m in rows if m.get("direction") == "OUT"]

    results, errors = run_parallel(phones, outbound, PARALLELISM, PHASE_LIMIT)
    statuses = {}
    for rows in results:
        for status, _ in rows or []:
            statuses[status] = statuses.get(status, 0) + 1
    return {"conversations_with_one_outbound": sum(1 for r in results if r is not None and len(r) == 1),
            "outbound_with_wamid": sum(1 for r in results for _, has in (r or []) if has),
            "outbound_by_status": statuses, "read_errors": len(errors)}


def warm_up(channel, sandbox, rate, conversation_ids):
    """Replies to other customers first, not measured: the send path's code gets compiled."""
    sandbox.reset_stats()
    started = time.monotonic()
    _, errors = run_parallel(conversation_ids, post_template, API_CONCURRENCY, PHASE_LIMIT)
    if errors:
        raise Failed(f"{len(errors)} warm-up template requests failed, e.g. {errors[0]}")
    wait_until(f"warm-up sends of {channel}", lambda: sum(sandbox.stats().get("acceptedByNumber", {}).values())
               >= len(conversation_ids), len(conversation_ids) / rate * 3 + 120, 0.2)
    log(f"warm-up: {len(conversation_ids)} replies sent in {time.monotonic() - started:.1f} s")


def gcra_violations(times, interval, burst):
    """Sends that break a pair limit of one per `interval` s with `burst` back to back."""
    tat, bad = None, 0
    for t in sorted(times):
        if tat is None:
            tat = t
        if tat - t > (burst - 1) * interval + 0.001:
            bad += 1
        tat = max(tat, t) + interval
    return bad


def pair_phase(channel, sandbox, phone, conversation_id):
    sandbox.reset_stats()
    started = time.monotonic()
    for _ in range(PAIR_REPLIES):
        post_template(conversation_id)
    expected = 1 + PAIR_REPLIES
    interval = PAIR_INTERVAL_MS / 1000
    limit = PAIR_REPLIES * interval + 60
    messages, _ = wait_until(f"{PAIR_REPLIES} replies to {phone}", lambda: (
        lambda m: m if len(m) >= expected else None)(sandbox.conversation(phone)["messages"]), limit, 0.2)
    time.sleep(2)
    messages = sandbox.conversation(phone)["messages"]
    times = [instant(m["timestamp"]) for m in messages if m.get("direction") == "business"]
    gaps = [round((b - a) * 1000) for a, b in zip(times, times[1:])]
    stats = limits_seen(sandbox.stats())
    result = {"what": f"{PAIR_REPLIES} template replies to one customer queued back to back; the pair limit "
                      f"({PAIR_INTERVAL_MS} ms, burst {PAIR_BURST}) paces them",
              "replies": PAIR_REPLIES, "received": len(times), "seconds": round(time.monotonic() - started, 3),
              "gaps_ms": gaps, "pair_limit_131056": stats["pair_limit_131056"],
              "over_limit_130429": stats["over_limit_130429"],
              "gaps_below_interval_after_burst": sum(1 for g in gaps[PAIR_BURST - 1:] if g < PAIR_INTERVAL_MS),
              "gcra_violations": gcra_violations(times, interval, PAIR_BURST)}
    log(f"pair {channel}: gaps {gaps} ms, 131056 {stats['pair_limit_131056']}, violations {result['gcra_violations']}")
    return result


# --- the run ---------------------------------------------------------------------------------------
def one_rate(index, rate):
    channel = f"wa-gov-{rate}"
    sandbox = Sandbox(SANDBOX_PORTS[index], ACCESS_TOKEN, PHONE_IDS[index])
    base_sandbox = Sandbox(BASELINE_PORTS[index], ACCESS_TOKEN, PHONE_IDS[index])
    synced = wire_channel(channel, sandbox, rate)
    phones = [f"49{index + 1}{k:08d}" for k in range(CUSTOMERS + 1 + WARMUP_REPLIES)]
    conversations = create_conversations(channel, sandbox, phones)
    warm, pair_phone = phones[CUSTOMERS + 1:], phones[CUSTOMERS]
    replies = {p: conversations[p] for p in phones[:CUSTOMERS]}
    if warm:
        warm_up(channel, sandbox, rate, [conversations[p] for p in warm])
    base = baseline(base_sandbox, rate, phones[:CUSTOMERS])
    time.sleep(2)  # the sandbox's 1 s window forgets the set-up traffic
    bridge = bridge_phase(channel, sandbox, rate, replies, pids_from_env(f"SANDBOX_PID_{rate}"))
    released = released_phase(channel, sandbox, rate, replies)
    pair = pair_phase(channel, sandbox, pair_phone, conversations[pair_phone])
    b_rate, base_rate = bridge["rate"].get("steady_rate"), base["rate"].get("steady_rate")
    achieved = b_rate / rate if b_rate else None
    r_rate = released["rate"].get("steady_rate")
    released_achieved = r_rate / rate if r_rate else None
    targets = {
        "rate_within_5_percent_of_limit": achieved is not None and abs(achieved - 1) <= TARGET_TOLERANCE,
        "no_130429": bridge["sandbox"]["over_limit_130429"] == 0 and pair["over_limit_130429"] == 0,
        "no_pair_violation": pair["pair_limit_131056"] == 0 and bridge["sandbox"]["pair_limit_131056"] == 0
        and pair["gcra_violations"] == 0,
        "sent_exactly_once": bridge["sent_exactly_once"] and released["sent_exactly_once"],
        "released_rate_within_5_percent_of_limit": released_achieved is not None
        and abs(released_achieved - 1) <= TARGET_TOLERANCE,
        "released_no_130429": released["sandbox"]["over_limit_130429"] == 0,
    }
    return {"rate_limit": rate, "channel": channel, "templates_synced": synced,
            "ratio_bridge_to_baseline": round(b_rate / base_rate, 3) if b_rate and base_rate else None,
            "bridge_rate_to_limit": round(achieved, 3) if achieved else None,
            "baseline_rate_to_limit": round(base_rate / rate, 3) if base_rate else None,
            "released_rate_to_limit": round(released_achieved, 3) if released_achieved else None,
            "targets": targets, "baseline": base, "bridge": bridge, "released": released, "pair": pair}


def main():
    started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load_start = load_average()
    runs = []
    for i, rate in enumerate(RATES):
        log(f"--- limit {rate} messages/s ---")
        runs.append(one_rate(i, rate))
    result = {
        "benchmark": "governor", "date": env["DATE"], "started_at": started_at,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "targets": {"rate": f"steady rate within {TARGET_TOLERANCE:.0%} of the limit", "130429": 0, "131056": 0,
                    "sends": "every reply exactly once"},
        "settings": {"customers": CUSTOMERS, "pair_replies": PAIR_REPLIES, "warmup_replies": WARMUP_REPLIES, "outbox_parallelism": PARALLELISM,
                     "admin_api_concurrency": API_CONCURRENCY, "pair_interval_ms": PAIR_INTERVAL_MS,
                     "pair_burst": PAIR_BURST, "template": f"{TEMPLATE} ({LANGUAGE})",
                     "sandbox_status_delay_ms": int(env.get("STATUS_DELAY_MS", "700")), "heap": env.get("HEAP"),
                     "db": "h2"},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average_start": load_start,
                    "load_average_end": load_average()},
        "build": {"git_commit": env.get("GIT_COMMIT"), "code_under_test_clean": env.get("GIT_CLEAN") == "1",
                  "switchboard_war_sha256": env.get("WAR_SHA256")},
        "runs": runs,
    }
    write_result(env["OUT"], result)
    for r in runs:
        log(f"{r['rate_limit']}/s: bridge {r['bridge']['rate'].get('steady_rate')}/s "
            f"({r['bridge_rate_to_limit']} of the limit; released queue {r['released_rate_to_limit']}), baseline {r['baseline']['rate'].get('steady_rate')}/s, "
            f"ratio {r['ratio_bridge_to_baseline']}, targets {r['targets']}")


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        log(f"FAILED: {e}")
        raise SystemExit(1)
