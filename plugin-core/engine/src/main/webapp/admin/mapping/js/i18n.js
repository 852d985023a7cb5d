// Message bundles (i18n/<lang>.json next to the page) and the page's language and direction.
// Elements carry data-i18n="key" (their text) and data-i18n-attr="attribute:key,..." (attributes).

const SUPPORTED = ['en', 'ar'];
const RTL = new Set(['ar']);
const STORE_KEY = 'switchboard.language';
let messages = {};
let fallback = {};
let current = 'en';
const listeners = [];

async function load(lang) {
  const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url), {
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
  return response.json();
}

export function preferredLanguage() {
  const stored = localStorage.getItem(STORE_KEY);
  if (SUPPORTED.includes(stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return SUPPORTED.includes(browser) ? browser : 'en';
}

export function language() {
  return current;
}

export function has(key) {
  return key in messages || key in fallback;
}

/**
 * t('key', {n: 3}) -> the message with {n} replaced; the English text, then the key, if missing.
 * With a number n, the plural form key.one / key.other (Intl.PluralRules) is used when it exists.
 */
export function t(key, params = {}) {
  const plural = typeof params.n === 'number' ? `${key}.${new Intl.PluralRules(current).select(params.n)}` : null;
  const template = (plural && messages[plural]) ?? messages[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? String(params[name]) : whole,
  );
}

export async function setLanguage(lang) {
  const wanted = SUPPORTED.includes(lang) ? lang : 'en';
  if (Object.keys(fallback).length === 0) fallback = await load('en');
  messages = wanted === 'en' ? fallback : await load(wanted);
  current = wanted;
  localStorage.setItem(STORE_KEY, wanted);
  document.documentElement.lang = wanted;
  document.documentElement.dir = RTL.has(wanted) ? 'rtl' : 'ltr';
  translate(document);
  listeners.forEach((listener) => listener(wanted));
}

/** Calls back after every language change (to re-render text built in code). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function translate(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(',')) {
      const [attribute, key] = pair.split(':').map((s) => s.trim());
      node.setAttribute(attribute, t(key));
    }
  }
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}
