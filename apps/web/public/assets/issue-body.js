/** The body of POST /evaluations/:id/issue from the 下发 form's values (strings, as forms give them). */

/** undefined when no rule is chosen (the server then uses the type's default). */
export function deadlineRule(kind, date, days) {
  if (!kind) return undefined;
  if (kind === 'date') return { kind, date };
  return { kind, days: Number(days) };
}

/**
 * v: { deliveryDate, unitId, type, ruleKind, ruleDate, ruleDays, requirePlanApproval,
 *      overrides: [{ seq, unitId, type, ruleKind, ruleDate, ruleDays }] }
 * An override is sent only when it changes something, so an untouched row means "as the default".
 */
export function buildIssueBody(v) {
  const body = { deliveryDate: v.deliveryDate, unitId: Number(v.unitId) };
  if (v.type) body.type = v.type;
  const rule = deadlineRule(v.ruleKind, v.ruleDate, v.ruleDays);
  if (rule) body.deadlineRule = rule;
  const overrides = [];
  for (const o of v.overrides ?? []) {
    const item = { seq: Number(o.seq) };
    if (o.unitId) item.unitId = Number(o.unitId);
    if (o.type) item.type = o.type;
    const r = deadlineRule(o.ruleKind, o.ruleDate, o.ruleDays);
    if (r) item.deadlineRule = r;
    if (Object.keys(item).length > 1) overrides.push(item);
  }
  if (overrides.length) body.overrides = overrides;
  if (v.requirePlanApproval !== undefined)
    body.policy = { requirePlanApproval: Boolean(v.requirePlanApproval) };
  return body;
}
