// The phone page: vanilla JS, no build step. State lives in the sandbox; this page renders it and
// refreshes on every server-sent event.
"use strict";

const el = (id) => document.getElementById(id);
const API = "/sandbox/api";
let currentPhone = "";
let refreshing = false;
let refreshAgain = false;

function digits(phone) {
  return phone.trim().replace(/^\+/, "").replace(/[\s\-().]/g, "");
}

async function json(method, path, body) {
  const response = await fetch(API + path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: "HTTP " + response.status }; }
  return { status: response.status, data };
}

function ticksFor(message) {
  const span = document.createElement("span");
  span.className = "ticks";
  switch (message.status) {
    case "pending": span.textContent = "\u{1F552}"; span.title = "waiting for the bridge"; break;
    case "accepted": span.textContent = "\u{1F552}"; span.title = "accepted by the Graph API"; break;
    case "sent": span.textContent = "\u2713"; span.title = "sent"; break;
    case "delivered": span.textContent = "\u2713\u2713"; span.title = "delivered"; break;
    case "read": span.textContent = "\u2713\u2713"; span.className += " read"; span.title = "read"; break;
    case "failed": span.textContent = "!"; span.className += " failed"; span.title = "failed"; break;
    default: span.textContent = message.status;
  }
  return span;
}

function renderMessage(message) {
  const li = document.createElement("li");
  li.className = "bubble " + message.direction;
  li.dataset.wamid = message.wamid;
  li.appendChild(document.createTextNode(message.text));
  const meta = document.createElement("span");
  meta.className = "meta";
  const time = new Date(message.timestamp);
  meta.textContent = time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  meta.appendChild(ticksFor(message));
  li.appendChild(meta);
  if (message.webhookNote) {
    const note = document.createElement("span");
    note.className = "note" + (message.webhookFailed ? " failed" : "");
    note.textContent = message.webhookNote;
    li.appendChild(note);
  }
  return li;
}

async function refreshConversation() {
  if (refreshing) { refreshAgain = true; return; }
  refreshing = true;
  try {
    const phone = digits(el("phone").value);
    if (!/^[0-9]{7,15}$/.test(phone)) {
      el("messages").replaceChildren();
      return;
    }
    currentPhone = phone;
    const { status, data } = await json("GET", "/conversation?phone=" + encodeURIComponent(phone));
    if (status !== 200) return;
    const list = el("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren(...data.messages.map(renderMessage));
    if (atBottom) list.scrollTop = list.scrollHeight;
    reportSeen(data.messages);
  } finally {
    refreshing = false;
    if (refreshAgain) { refreshAgain = false; refreshConversation(); }
  }
}

// The customer "reads" business messages when this page shows them while visible.
function reportSeen(messages) {
  const unread = messages.some((m) => m.direction === "business" && m.status !== "read");
  if (unread && document.visibilityState === "visible") {
    json("POST", "/read-receipts", { phone: currentPhone });
  }
}

async function refreshChats() {
  const { status, data } = await json("GET", "/conversations");
  if (status !== 200) return;
  const items = data.conversations.map((chat) => {
    const li = document.createElement("li");
    if (chat.phone === currentPhone) li.className = "current";
    const who = document.createElement("div");
    who.textContent = chat.name + " (+" + chat.phone + ")";
    const last = document.createElement("div");
    last.className = "last";
    last.textContent = chat.lastText;
    li.append(who, last);
    li.addEventListener("click", () => {
      el("phone").value = "+" + chat.phone;
      el("name").value = chat.name;
      refreshAll();
    });
    return li;
  });
  el("chats").replaceChildren(...items);
}

function refreshAll() {
  refreshConversation();
  refreshChats();
}

async function loadConfig() {
  const { data } = await json("GET", "/config");
  el("business-number").textContent = "+" + data.displayPhoneNumber;
  const rows = [
    ["webhook URL", data.webhookUrl],
    ["phone number id", data.phoneNumberId],
    ["Graph API", location.origin + "/v23.0/" + data.phoneNumberId + "/messages"],
    ["read receipts", data.readReceipts],
    ["webhook attempts", String(data.webhookAttempts)],
  ];
  if (data.demoSecrets) rows.push(["secrets", "demo values (see README)"]);
  el("config").replaceChildren(...rows.flatMap(([k, v]) => {
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = v;
    return [dt, dd];
  }));
}

async function send(event) {
  event.preventDefault();
  const text = el("text").value;
  if (!text.trim()) return;
  const outcome = el("outcome");
  el("send").disabled = true;
  outcome.className = "outcome";
  outcome.textContent = "Sending webhook to the bridge...";
  try {
    const { status, data } = await json("POST", "/customer-messages",
      { from: el("phone").value, name: el("name").value, text });
    if (status === 200) {
      el("text").value = "";
      outcome.textContent = "Bridge answered 200 after " + data.attempts + " attempt(s).";
    } else if (status === 502) {
      el("text").value = "";
      outcome.className = "outcome failed";
      outcome.textContent = "Bridge did not accept the webhook after " + data.attempts +
        " attempt(s): " + data.error;
    } else {
      outcome.className = "outcome failed";
      outcome.textContent = data.error || ("HTTP " + status);
    }
  } catch (e) {
    outcome.className = "outcome failed";
    outcome.textContent = "The sandbox itself is unreachable: " + e;
  } finally {
    el("send").disabled = false;
    refreshAll();
  }
}

function connect() {
  const source = new EventSource(API + "/events");
  source.onopen = () => {
    el("connection").className = "connection";
    el("connection").textContent = "live updates connected";
    refreshAll();
  };
  source.addEventListener("message", refreshAll);
  source.onerror = () => {
    el("connection").className = "connection down";
    el("connection").textContent = "live updates lost: is the sandbox still running? retrying...";
  };
}

el("composer").addEventListener("submit", send);
el("phone").addEventListener("change", refreshAll);
document.addEventListener("visibilitychange", refreshConversation);
loadConfig();
refreshAll();
connect();
