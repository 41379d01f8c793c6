import { ROLES } from '../../../libs/auth/src/role';
import { UNIT_KINDS } from '../../../libs/auth/src/unit-kind';
import {
  ESCALATION_LABELS as SERVER_ESCALATION,
  RECTIFICATION_STATUSES as SERVER_STATUSES,
  RECTIFICATION_TYPES as SERVER_TYPES,
  REVIEW_LABELS as SERVER_REVIEW,
  REVIEW_RESULTS as SERVER_REVIEW_RESULTS,
  STATUS_LABELS as SERVER_STATUS,
  TYPE_LABELS as SERVER_TYPE,
} from '../../../libs/contracts/src/rectification/rectification.types';
import { EVALUATION_STATUSES as SERVER_EVALUATION_STATUSES } from '../../../libs/persistence/src/entities/evaluation.entity';
import {
  EVALUATION_STATUSES,
  RECTIFICATION_STATUSES,
  RECTIFICATION_TYPES,
  REVIEW_RESULTS,
} from '../public/assets/codes.js';
import {
  ESCALATION_LABELS,
  EVALUATION_STATUS_LABELS,
  label,
  REVIEW_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  STEP_LABELS,
  TIMELINE_LABELS,
  TYPE_LABELS,
  UNIT_KIND_LABELS,
} from '../public/assets/labels.js';

describe('label maps', () => {
  it('say the same as the server for statuses, types, escalation levels and review results', () => {
    expect(STATUS_LABELS).toEqual(SERVER_STATUS);
    expect(TYPE_LABELS).toEqual(SERVER_TYPE);
    expect(REVIEW_LABELS).toEqual(SERVER_REVIEW);
    expect(ESCALATION_LABELS).toEqual(
      Object.fromEntries(Object.entries(SERVER_ESCALATION).map(([k, v]) => [k, v])),
    );
    expect(ESCALATION_LABELS[2]).toBe('督办');
  });

  it('know every code the server can send', () => {
    expect([...RECTIFICATION_STATUSES]).toEqual([...SERVER_STATUSES]);
    expect([...RECTIFICATION_TYPES]).toEqual([...SERVER_TYPES]);
    expect([...REVIEW_RESULTS]).toEqual([...SERVER_REVIEW_RESULTS]);
    expect([...EVALUATION_STATUSES]).toEqual([...SERVER_EVALUATION_STATUSES]);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(UNIT_KIND_LABELS).sort()).toEqual([...UNIT_KINDS].sort());
    expect(Object.keys(EVALUATION_STATUS_LABELS).sort()).toEqual([...SERVER_EVALUATION_STATUSES].sort());
  });

  it('give each role a Chinese name', () => {
    expect(ROLE_LABELS.bureau_reviewer).toBe('财政局审核人员');
    expect(ROLE_LABELS.dept_user).toBe('部门经办人');
    expect(Object.values(ROLE_LABELS).every((v) => /[\u4e00-\u9fff]/.test(v))).toBe(true);
  });

  it('name timeline actions: the steps and the timers', () => {
    expect(TIMELINE_LABELS.acknowledge).toBe(STEP_LABELS.acknowledge);
    expect(TIMELINE_LABELS.escalation).toBe('督办升级');
    expect(TIMELINE_LABELS.issued).toBe('下发');
  });

  it('fall back to the code, or a dash when there is none', () => {
    expect(label(STATUS_LABELS, 'closed')).toBe('已销号');
    expect(label(STATUS_LABELS, 'someday')).toBe('someday');
    expect(label(STATUS_LABELS, null)).toBe('—');
    expect(label(ESCALATION_LABELS, 0)).toBe('无');
    expect(label(STATUS_LABELS, 'toString')).toBe('toString');
  });
});
