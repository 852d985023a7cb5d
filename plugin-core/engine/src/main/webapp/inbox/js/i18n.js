// Message bundles (../i18n/<lang>.json) and the page's language and direction. The language comes
// from ?lang= or the browser; Arabic turns the whole page right-to-left (dir="rtl" on <html>).
// Elements carry data-i18n="key" (their text) and data-i18n-attr="attribute:key,..." (attributes).

const SUPPORTED = ['en', 'ar'];
const RTL = new Set(['ar']);
let messages = {};
let fallback = {};
let current = 'en';

async function load(lang) {
  const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url), {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
  return response.json();
}

export function preferredLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  const wanted = (asked || navigator.language || 'en').slice(0, 2).toLowerCase();
  return SUPPORTED.includes(wanted) ? wanted : 'en';
}

export function language() {
  return current;
}

/**
 * t('key', {n: 3}) -> the message with {n} replaced; the English text, then the key, if missing.
 * With a number n, the plural form key.one / key.other (Intl.PluralRules) is used when it exists.
 */
export function t(key, params = {}) {
  const plural = typeof params.n === 'number' ? `${key}.${new Intl.PluralRules(current).select(params.n)}` : null;
  const template = (plural && (messages[plural] ?? fallback[plural])) ?? messages[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export async function setLanguage(lang) {
  const wanted = SUPPORTED.includes(lang) ? lang : 'en';
  fallback = await load('en');
  messages = wanted === 'en' ? fallback : await load(wanted);
  current = wanted;
  document.documentElement.lang = wanted;
  document.documentElement.dir = RTL.has(wanted) ? 'rtl' : 'ltr';
  translate(document);
}

export function translate(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(',')) {
      const [attribute, key] = pair.split(':').map((s) => s.trim());
      node.setAttribute(attribute, t(key));
    }
  }
}

function valid(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

export function formatDateTime(iso) {
  const date = valid(iso);
  return date ? new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : iso ?? '';
}

export function formatDate(iso) {
  const date = valid(iso);
  return date ? new Intl.DateTimeFormat(current, { dateStyle: 'medium' }).format(date) : iso ?? '';
}

/** The time of a message: hours and minutes today, else with the date. */
export function formatTime(iso) {
  const date = valid(iso);
  if (!date) return '';
  const today = new Date().toDateString() === date.toDateString();
  const options = today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' };
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** How long ago, in words: "12 min", "3 h", "2 d" (Intl.NumberFormat units, the page's language). */
export function formatDuration(fromIso, now = Date.now()) {
  const date = valid(fromIso);
  if (!date) return '';
  const minutes = Math.max(0, Math.floor((now - date.getTime()) / 60000));
  const [value, unit] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 2880 ? [Math.floor(minutes / 60), 'hour'] : [Math.floor(minutes / 1440), 'day'];
  return new Intl.NumberFormat(current, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

/** An amount (a decimal string) in its currency; the plain text when it is not a number or code. */
export function formatMoney(amount, currency) {
  const n = Number(amount);
  if (amount === null || amount === undefined || amount === '' || Number.isNaN(n)) return '';
  try {
    return currency
      ? new Intl.NumberFormat(current, { style: 'currency', currency }).format(n)
      : new Intl.NumberFormat(current, { maximumFractionDigits: 4 }).format(n);
  } catch {
    return `${amount} ${currency ?? ''}`.trim();
  }
}

export function formatBytes(size) {
  if (typeof size !== 'number' || size < 0) return '';
  const [value, unit] =
    size < 1024 ? [size, 'byte'] : size < 1048576 ? [size / 1024, 'kilobyte'] : [size / 1048576, 'megabyte'];
  return new Intl.NumberFormat(current, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** "A, B and C" in the page's language. */
export function formatList(items) {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(items);
}
