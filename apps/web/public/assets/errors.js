/**
 * Errors as the user sees them. The server's messages are already Chinese (409 reasons come from the workflow);
 * 400 VALIDATION_FAILED also lists each field, whose path (e.g. measures.0.targetDate) is given a Chinese name.
 */

export class ApiError extends Error {
  constructor(status, body) {
    const e = body && typeof body === 'object' && body.error ? body.error : {};
    super(e.message || fallbackMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = e.code || `HTTP_${status}`;
    this.details = e.details || {};
    this.errorId = e.errorId;
  }
}

export class NetworkError extends Error {
  constructor(cause) {
    super('网络连接失败，请检查网络后重试');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

function fallbackMessage(status) {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '不存在或无权查看';
  if (status === 413) return '文件或请求过大';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务暂时不可用（HTTP ${status}），请稍后重试`;
  return `请求失败（HTTP ${status}）`;
}

export const FIELD_LABELS = Object.freeze({
  username: '用户名',
  password: '密码',
  text: '文本',
  file: '文件',
  files: '文件',
  deliveryDate: '送达日',
  unitId: '责任单位',
  type: '整改类型',
  deadlineRule: '时限规则',
  kind: '规则',
  date: '日期',
  days: '天数',
  overrides: '单项设置',
  seq: '问题序号',
  policy: '规则',
  responsiblePerson: '责任人',
  contact: '联系方式',
  measures: '整改措施',
  content: '内容',
  targetDate: '完成时限',
  account: '整改完成情况',
  result: '认定结果',
  comment: '意见',
  reason: '理由',
  newDeadline: '申请延至',
  approve: '审批结果',
  description: '说明',
  effectiveDate: '生效日期',
  deadlineFrom: '时限起',
  deadlineTo: '时限止',
  q: '关键词',
});

/** 'measures.0.targetDate' → '整改措施 第 1 项 · 完成时限'. */
export function fieldLabel(path) {
  const out = [];
  for (const part of String(path).split('.')) {
    if (/^\d+$/.test(part)) out[out.length - 1] = `${out[out.length - 1] ?? ''} 第 ${Number(part) + 1} 项`;
    else out.push(FIELD_LABELS[part] ?? part);
  }
  return out.join(' · ');
}

/**
 * { message, fields: [{ label, messages }], duplicateOf } for any error thrown by the api module.
 */
export function describeError(err) {
  if (err instanceof NetworkError || err?.name === 'NetworkError')
    return { message: `${err.message}（重试不会重复办理）`, fields: [] };
  if (!(err instanceof ApiError) && err?.name !== 'ApiError')
    return { message: err?.message ? `出错了：${err.message}` : '出错了', fields: [] };
  const fieldMap = err.details?.fields && typeof err.details.fields === 'object' ? err.details.fields : {};
  const fields = Object.entries(fieldMap).map(([path, messages]) => ({
    label: fieldLabel(path),
    messages: Array.isArray(messages) ? messages.map(String) : [String(messages)],
  }));
  // The pipe's own message repeats every field in one line; a service's message (with fields) says more.
  let message =
    fields.length && err.message.startsWith('请求参数无效') ? '请检查以下填写内容：' : err.message;
  if (err.errorId) message += `（错误编号 ${err.errorId}）`;
  const duplicateOf =
    err.code === 'DUPLICATE' && typeof err.details?.evaluationId === 'string'
      ? err.details.evaluationId
      : null;
  return { message, fields, duplicateOf };
}
