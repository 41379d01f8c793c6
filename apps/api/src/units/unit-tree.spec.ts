import { buildUnitTree, parentKindProblem } from './unit-tree';

describe('unit tree', () => {
  it('nests by parentId, keeps order, and makes orphans roots', () => {
    const tree = buildUnitTree([
      { id: 1, parentId: null, code: 'czj' },
      { id: 2, parentId: null, code: 'gxj' },
      { id: 3, parentId: 2, code: 'gxj-xm' },
      { id: 4, parentId: 3, code: 'gxj-xm-2' },
      { id: 5, parentId: 99, code: 'orphan' },
      { id: 6, parentId: 2, code: 'gxj-xm-b' },
    ]);
    expect(tree.map((n) => n.code)).toEqual(['czj', 'gxj', 'orphan']);
    expect(tree[1].children.map((n) => n.code)).toEqual(['gxj-xm', 'gxj-xm-b']);
    expect(tree[1].children[0].children.map((n) => n.code)).toEqual(['gxj-xm-2']);
    expect(tree[0].children).toEqual([]);
  });

  it('does not loop on a unit that names itself as parent', () => {
    expect(buildUnitTree([{ id: 1, parentId: 1 }]).map((n) => n.id)).toEqual([1]);
  });

  it('lets the tree only go down: bureau → department → project unit', () => {
    expect(parentKindProblem('bureau', null)).toBeNull();
    expect(parentKindProblem('department', null)).toBeNull();
    expect(parentKindProblem('department', 'bureau')).toBeNull();
    expect(parentKindProblem('project_unit', 'department')).toBeNull();
    expect(parentKindProblem('project_unit', 'project_unit')).toBeNull();
    expect(parentKindProblem('project_unit', null)).toMatch(/必须指定上级单位/);
    expect(parentKindProblem('department', 'project_unit')).toMatch(/不能低于/);
    expect(parentKindProblem('bureau', 'department')).toMatch(/不能低于/);
  });
});
