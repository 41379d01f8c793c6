/**
 * The three kinds of unit in the tree: the finance bureau (财政局), the departments it evaluates (主管部门) and
 * their project units (项目单位). A unit's parent is never of a lower rank than the unit itself.
 */
export const UNIT_KINDS = ['bureau', 'department', 'project_unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_RANK: Readonly<Record<UnitKind, number>> = {
  bureau: 0,
  department: 1,
  project_unit: 2,
};
