/** Unit names for ids the API sends bare (rectification links, issue form, reassignment). */

import { listUnits } from '../api.js';
import { canListUnits } from '../rules.js';
import { session } from '../session.js';
import { label, UNIT_KIND_LABELS } from '../labels.js';

/** id → name; departments cannot list units, so they know their own unit only. */
export async function unitNames() {
  const names = new Map();
  const me = session.me;
  if (me?.unit) names.set(me.unit.id, me.unit.name);
  if (canListUnits(me?.role)) for (const u of await listUnits()) names.set(u.id, u.name);
  return (id) => names.get(id) ?? `单位 #${id}`;
}

/**
 * [value, text] options for a responsible unit: active departments, each followed by its project units
 * (indented), never the bureau — the server refuses it.
 */
export async function responsibleUnitOptions() {
  const units = (await listUnits()).filter((u) => u.active && u.kind !== 'bureau');
  const byParent = new Map();
  for (const u of units) {
    const key = u.kind === 'project_unit' ? u.parentId : null;
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key).push(u);
  }
  const out = [];
  const seen = new Set();
  const add = (u, depth) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push([String(u.id), `${depth ? '　└ ' : ''}${u.name}（${label(UNIT_KIND_LABELS, u.kind)}）`]);
    for (const child of byParent.get(u.id) ?? []) add(child, depth + 1);
  };
  for (const u of units.filter((x) => x.kind === 'department')) add(u, 0);
  for (const u of units) add(u, 0); // project units whose parent is inactive or not a department
  return out;
}
