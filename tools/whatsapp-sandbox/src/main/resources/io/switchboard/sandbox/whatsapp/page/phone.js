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

const EMOJIS = ["\u{1F44D}", "\u2764\uFE0F", "\u{1F602}", "\u{1F62E}", "\u{1F622}", "\u{1F64F}"];
let replyTo = null;
let shownMessages = [];

function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

// Only http(s) links become anchors: a javascript: URL from the bridge must never run here.
function safeLink(url) {
  let parsed;
  try { parsed = new URL(url); } catch (e) { return node("span", null, url); }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return node("span", null, url);
  const a = node("a", null, url);
  a.href = parsed.href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

function mediaUrl(id) {
  return API + "/media/" + encodeURIComponent(id);
}

function renderMedia(type, content) {
  const box = node("span");
  if (!content.id) {
    box.append(node("span", null, "[" + type + " by link] "), safeLink(content.link || ""));
  } else if (type === "image" || type === "sticker") {
    const img = node("img");
    img.src = mediaUrl(content.id);
    img.alt = content.caption || type;
    box.appendChild(img);
  } else if (type === "video" || type === "audio") {
    const player = node(type);
    player.controls = true;
    player.src = mediaUrl(content.id);
    box.appendChild(player);
    if (content.voice) box.appendChild(node("span", "tpl-footer", "voice note"));
  } else {
    const a = node("a", null, "\u{1F4C4} " + (content.filename || "document " + content.id));
    a.href = mediaUrl(content.id);
    a.download = content.filename || "document";
    box.appendChild(a);
  }
  if (content.caption) box.appendChild(node("span", null, content.caption));
  return box;
}

function renderOrder(order) {
  const box = node("span");
  const table = node("table", "order-table");
  let total = 0;
  let currency = "";
  for (const item of order.product_items || []) {
    const row = node("tr");
    row.append(node("td", null, item.quantity + " \u00D7"), node("td", null, item.product_retailer_id),
      node("td", null, item.item_price + " " + item.currency));
    table.appendChild(row);
    total += Number(item.quantity) * Number(item.item_price);
    currency = item.currency;
  }
  box.append(node("span", "tpl-header", "\u{1F6D2} Order"), table,
    node("span", null, "Total: " + total.toFixed(2) + " " + currency));
  if (order.text) box.appendChild(node("span", "tpl-footer", order.text));
  return box;
}

function renderTemplate(content) {
  const box = node("span");
  const rendered = content.sandbox_rendered || {};
  if (rendered.header) box.appendChild(node("span", "tpl-header", rendered.header));
  box.appendChild(node("span", null, rendered.body || ""));
  if (rendered.footer) box.appendChild(node("span", "tpl-footer", rendered.footer));
  const choices = node("span", "choices");
  for (const button of rendered.buttons || []) choices.appendChild(node("span", "choice", button));
  box.appendChild(choices);
  box.appendChild(node("span", "tpl-footer", "template " + content.name));
  return box;
}

function renderInteractive(content) {
  const box = node("span");
  if (content.header && content.header.text) box.appendChild(node("span", "tpl-header", content.header.text));
  box.appendChild(node("span", null, (content.body && content.body.text) || ""));
  if (content.footer) box.appendChild(node("span", "tpl-footer", content.footer.text));
  const choices = node("span", "choices");
  const action = content.action || {};
  for (const button of action.buttons || []) choices.appendChild(node("span", "choice", button.reply && button.reply.title));
  for (const section of action.sections || []) {
    for (const row of section.rows || []) choices.appendChild(node("span", "choice", row.title));
  }
  if (action.parameters) choices.appendChild(safeLink(action.parameters.url || ""));
  box.appendChild(choices);
  return box;
}

function renderBody(message) {
  const content = message.content || {};
  switch (message.type) {
    case "image": case "video": case "audio": case "document": case "sticker":
      return renderMedia(message.type, content);
    case "location": {
      const box = node("span", null, "\u{1F4CD} " + [content.name, content.address].filter(Boolean).join(", ") +
        " (" + content.latitude + ", " + content.longitude + ")");
      return box;
    }
    case "contacts":
      return node("span", null, "\u{1F464} " + (content.contacts || []).map((c) => c.name && c.name.formatted_name).join(", "));
    case "order": return renderOrder(content);
    case "template": return renderTemplate(content);
    case "interactive": return renderInteractive(content);
    default: return node("span", null, message.text);
  }
}

function renderActions(message) {
  const actions = node("span", "actions");
  const reply = node("button", null, "reply");
  reply.type = "button";
  reply.addEventListener("click", () => {
    replyTo = message.wamid;
    el("reply-text").textContent = "Replying to: " + message.text;
    el("reply-bar").hidden = false;
    el("text").focus();
  });
  actions.appendChild(reply);
  if (message.direction === "business") {
    const react = node("button", null, "react");
    react.type = "button";
    const row = node("span", "emoji-row");
    row.hidden = true;
    for (const emoji of EMOJIS.concat([""])) {
      const pick = node("button", null, emoji || "remove");
      pick.type = "button";
      pick.addEventListener("click", () => sendCustomer({ type: "reaction", reaction: { messageId: message.wamid, emoji } }));
      row.appendChild(pick);
    }
    react.addEventListener("click", () => { row.hidden = !row.hidden; });
    actions.append(react, row);
  }
  return actions;
}

function renderMessage(message) {
  const li = node("li", "bubble " + message.direction);
  li.dataset.wamid = message.wamid;
  if (message.replyTo) {
    const quoted = shownMessages.find((m) => m.wamid === message.replyTo);
    li.appendChild(node("span", "quote", quoted ? quoted.text : "quoted message " + message.replyTo));
  }
  if (message.origin === "business-app") li.appendChild(node("span", "tpl-footer", "from the WhatsApp Business app"));
  li.appendChild(renderBody(message));
  const meta = node("span", "meta");
  const time = new Date(message.timestamp);
  meta.textContent = time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const reactions = Object.values(message.reactions || {});
  if (reactions.length) meta.prepend(node("span", "reactions", reactions.join(" ")));
  meta.appendChild(ticksFor(message));
  li.appendChild(meta);
  if (message.error) li.appendChild(node("span", "error", message.error.code + " " + message.error.title));
  if (message.webhookNote) {
    li.appendChild(node("span", "note" + (message.webhookFailed ? " failed" : ""), message.webhookNote));
  }
  li.appendChild(renderActions(message));
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
    shownMessages = data.messages;
    // A reaction shows on the message it reacts to, not as a bubble of its own.
    list.replaceChildren(...data.messages.filter((m) => m.type !== "reaction").map(renderMessage));
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

function outcomeText(status, data) {
  const outcome = el("outcome");
  if (status === 200) {
    outcome.className = "outcome";
    outcome.textContent = "Bridge answered 200 after " + data.attempts + " attempt(s).";
  } else if (status === 502) {
    outcome.className = "outcome failed";
    outcome.textContent = "Bridge did not accept the webhook after " + data.attempts + " attempt(s): " + data.error;
  } else {
    outcome.className = "outcome failed";
    outcome.textContent = data.error || ("HTTP " + status);
  }
}

// Sends one customer message of any type; answers whether the sandbox took it (200 or 502).
async function sendCustomer(fields) {
  const outcome = el("outcome");
  el("send").disabled = true;
  outcome.className = "outcome";
  outcome.textContent = "Sending webhook to the bridge...";
  const body = Object.assign({ from: el("phone").value, name: el("name").value }, fields);
  if (replyTo && fields.type !== "reaction") body.replyTo = replyTo;
  if (el("ad-referral").checked) body.adReferral = true;
  try {
    const { status, data } = await json("POST", "/customer-messages", body);
    outcomeText(status, data);
    if (status === 200 || status === 502) {
      clearReply();
      el("ad-referral").checked = false;
      return true;
    }
  } catch (e) {
    outcome.className = "outcome failed";
    outcome.textContent = "The sandbox itself is unreachable: " + e;
  } finally {
    el("send").disabled = false;
    refreshAll();
  }
  return false;
}

function clearReply() {
  replyTo = null;
  el("reply-bar").hidden = true;
}

async function send(event) {
  event.preventDefault();
  const text = el("text").value;
  if (!text.trim()) return;
  if (await sendCustomer({ text })) el("text").value = "";
}

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function typeOf(file, chosen) {
  if (chosen === "voice") return "audio";
  if (chosen !== "auto") return chosen;
  if (file.type === "image/webp") return "sticker";
  if (/^image\/(jpeg|png)$/.test(file.type)) return "image";
  if (/^video\//.test(file.type)) return "video";
  if (/^audio\//.test(file.type)) return "audio";
  return "document";
}

async function sendFile(event) {
  event.preventDefault();
  const file = el("file").files[0];
  if (!file) return;
  const chosen = el("file-type").value;
  const media = { base64: await readBase64(file), filename: file.name,
    mimeType: file.type || "application/octet-stream", voice: chosen === "voice" };
  if (el("file-caption").value) media.caption = el("file-caption").value;
  if (await sendCustomer({ type: typeOf(file, chosen), media })) {
    el("panel-file").reset();
    el("panel-file").hidden = true;
  }
}

async function sendLocation(event) {
  event.preventDefault();
  const location = { latitude: Number(el("loc-lat").value), longitude: Number(el("loc-long").value),
    name: el("loc-name").value, address: el("loc-address").value };
  if (await sendCustomer({ type: "location", location })) el("panel-location").hidden = true;
}

async function sendContact(event) {
  event.preventDefault();
  const name = el("contact-name").value.trim();
  const parts = name.split(/\s+/);
  const contact = { name: { formatted_name: name, first_name: parts[0], last_name: parts.slice(1).join(" ") } };
  if (el("contact-phone").value) contact.phones = [{ phone: el("contact-phone").value, type: "MOBILE" }];
  if (el("contact-email").value) contact.emails = [{ email: el("contact-email").value, type: "WORK" }];
  if (await sendCustomer({ type: "contacts", contacts: [contact] })) el("panel-contact").hidden = true;
}

async function loadCatalog() {
  const { status, data } = await json("GET", "/catalog");
  if (status !== 200) return;
  el("catalog").replaceChildren(...data.products.map((product) => {
    const li = node("li");
    const quantity = node("input");
    quantity.type = "number";
    quantity.min = "0";
    quantity.value = "0";
    quantity.dataset.id = product.productRetailerId;
    quantity.setAttribute("aria-label", "Quantity of " + product.name);
    li.append(node("span", null, product.name + " - " + product.price + " " + product.currency), quantity);
    return li;
  }));
}

async function sendOrder(event) {
  event.preventDefault();
  const items = Array.from(el("catalog").querySelectorAll("input"))
    .filter((input) => Number(input.value) > 0)
    .map((input) => ({ productRetailerId: input.dataset.id, quantity: Number(input.value) }));
  if (!items.length) return;
  if (await sendCustomer({ type: "order", order: { items, text: el("order-note").value } })) {
    el("panel-order").reset();
    el("panel-order").hidden = true;
  }
}

function togglePanel(id) {
  for (const panel of document.querySelectorAll(".panel")) panel.hidden = panel.id !== id || !panel.hidden;
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
el("panel-file").addEventListener("submit", sendFile);
el("panel-location").addEventListener("submit", sendLocation);
el("panel-contact").addEventListener("submit", sendContact);
el("panel-order").addEventListener("submit", sendOrder);
el("reply-cancel").addEventListener("click", clearReply);
for (const button of document.querySelectorAll(".attach")) {
  button.addEventListener("click", () => togglePanel(button.dataset.panel));
}
loadCatalog();
el("phone").addEventListener("change", refreshAll);
document.addEventListener("visibilitychange", refreshConversation);
loadConfig();
refreshAll();
connect();
