/**
 * The ledger's filters, one shape for three places: the filter form, the page address (#/ledger?…, so a filtered
 * ledger can be bookmarked or linked) and the API query (GET /rectifications and /rectifications/export.xlsx).
 * The API rejects unknown parameters, so the export query must never carry page/pageSize.
 */

import { RECTIFICATION_STATUSES, RECTIFICATION_TYPES } from './codes.js';

export const LEDGER_SORTS = ['deadline', 'updatedAt', 'escalationLevel', 'status', 'findingSeq'];
export const LEDGER_ORDERS = ['asc', 'desc'];
export const DEFAULT_PAGE_SIZE = 20;
/** The API's own defaults: left out, so the plain ledger's address stays `#/ledger`. */
const DEFAULTS = { sort: 'deadline', order: 'asc' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEVEL = /^[0-4]$/;
const POSITIVE = /^[1-9]\d{0,8}$/;

/** Order of the parameters in every query string, so equal filters give equal strings. */
const KEYS = [
  'evaluationId',
  'unitId',
  'status',
  'type',
  'overdue',
  'escalationLevel',
  'minEscalationLevel',
  'deadlineFrom',
  'deadlineTo',
  'q',
  'sort',
  'order',
];

/**
 * Filters from any iterable of [name, value] pairs (URLSearchParams, FormData). Values the API would refuse are
 * dropped rather than sent. The form's single 督办级别 select is named `escalation`: '0'…'4' is an exact level,
 * 'any' means 提醒函 or above.
 */
export function parseLedgerFilters(entries) {
  const f = { status: [], type: [] };
  for (const [name, raw] of entries) {
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') continue;
    switch (name) {
      case 'status':
      case 'type': {
        const known = name === 'status' ? RECTIFICATION_STATUSES : RECTIFICATION_TYPES;
        for (const v of value.split(','))
          if (known.includes(v.trim()) && !f[name].includes(v.trim())) f[name].push(v.trim());
        break;
      }
      case 'evaluationId':
        if (UUID.test(value)) f.evaluationId = value.toLowerCase();
        break;
      case 'unitId':
      case 'page':
      case 'pageSize':
        if (POSITIVE.test(value)) f[name] = Number(value);
        break;
      case 'overdue':
        if (value === 'true' || value === 'false') f.overdue = value === 'true';
        break;
      case 'escalationLevel':
      case 'minEscalationLevel':
        if (LEVEL.test(value)) f[name] = Number(value);
        break;
      case 'escalation':
        if (LEVEL.test(value)) f.escalationLevel = Number(value);
        else if (value === 'any') f.minEscalationLevel = 1;
        break;
      case 'deadlineFrom':
      case 'deadlineTo':
        if (DATE.test(value)) f[name] = value;
        break;
      case 'q':
        f.q = value.slice(0, 100);
        break;
      case 'sort':
        if (LEDGER_SORTS.includes(value)) f.sort = value;
        break;
      case 'order':
        if (LEDGER_ORDERS.includes(value)) f.order = value;
        break;
      default:
        break;
    }
  }
  return f;
}

/** The value of the form's 督办级别 select for these filters. */
export function escalationChoice(f) {
  if (f.escalationLevel !== undefined) return String(f.escalationLevel);
  return f.minEscalationLevel === 1 ? 'any' : '';
}

/**
 * The query string (without '?') for the API or the page address. `paging: false` is for the export, which
 * takes the same filters but no page parameters.
 */
export function ledgerQuery(f, { paging = true } = {}) {
  const q = new URLSearchParams();
  for (const key of KEYS) {
    const v = f[key];
    if (v === undefined || v === null || v === '' || DEFAULTS[key] === v) continue;
    if (Array.isArray(v)) v.forEach((item) => q.append(key, item));
    else q.append(key, String(v));
  }
  if (paging) {
    if (f.page && f.page > 1) q.append('page', String(f.page));
    q.append('pageSize', String(f.pageSize || DEFAULT_PAGE_SIZE));
  }
  return q.toString();
}
