import { ApiError, describeError, fieldLabel, NetworkError } from '../public/assets/errors.js';

describe('errors as the user reads them', () => {
  it('shows the workflow’s 409 reason as it is', () => {
    const err = new ApiError(409, {
      error: {
        code: 'TRANSITION_NOT_ALLOWED',
        message: '当前状态为「待签收」，不能提交整改情况',
        details: { step: 'submit' },
      },
    });
    expect(describeError(err)).toEqual({
      message: '当前状态为「待签收」，不能提交整改情况',
      fields: [],
      duplicateOf: null,
    });
  });

  it('lists the field messages of a 400 under Chinese field names', () => {
    const err = new ApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '请求参数无效 — deliveryDate: deliveryDate 须为 YYYY-MM-DD; measures.0.targetDate: …',
        details: {
          fields: {
            deliveryDate: ['deliveryDate 须为 YYYY-MM-DD'],
            'measures.0.targetDate': ['targetDate 须为 YYYY-MM-DD'],
          },
        },
      },
    });
    expect(describeError(err)).toEqual({
      message: '请检查以下填写内容：',
      fields: [
        { label: '送达日', messages: ['deliveryDate 须为 YYYY-MM-DD'] },
        { label: '整改措施 第 1 项 · 完成时限', messages: ['targetDate 须为 YYYY-MM-DD'] },
      ],
      duplicateOf: null,
    });
    expect(fieldLabel('overrides.2.deadlineRule.days')).toBe('单项设置 第 3 项 · 时限规则 · 天数');
    expect(fieldLabel('mystery')).toBe('mystery');
  });

  it('keeps a service’s own message when it comes with fields', () => {
    const err = new ApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '责任单位 9 不存在、已停用或不是部门/项目单位',
        details: { fields: { unitId: ['无效的责任单位'] } },
      },
    });
    expect(describeError(err).message).toBe('责任单位 9 不存在、已停用或不是部门/项目单位');
  });

  it('links a duplicate import to the evaluation that has it, and carries the errorId of a 500', () => {
    const dup = new ApiError(409, {
      error: { code: 'DUPLICATE', message: '该文件已导入过，请勿重复导入', details: { evaluationId: 'e-1' } },
    });
    expect(describeError(dup).duplicateOf).toBe('e-1');
    const boom = new ApiError(500, {
      error: { code: 'INTERNAL', message: '服务器内部错误', errorId: 'abc' },
    });
    expect(describeError(boom).message).toBe('服务器内部错误（错误编号 abc）');
  });

  it('explains network errors and bodies that are not the API’s', () => {
    expect(describeError(new NetworkError()).message).toContain('网络连接失败');
    expect(new ApiError(502, null).message).toContain('HTTP 502');
    expect(new ApiError(404, '<html>').message).toBe('不存在或无权查看');
    expect(describeError(new Error('x')).message).toBe('出错了：x');
  });
});
