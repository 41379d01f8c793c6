import { UNIT_KIND_RANK, type UnitKind } from '@rectiflow/auth';

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/** Nests a flat list by parentId. A unit whose parent is not in the list becomes a root; order is kept. */
export function buildUnitTree<T extends { id: number; parentId: number | null }>(units: T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * Why `parentKind` cannot hold a unit of `kind`, or null if it can. The tree only goes down: bureau → department
 * → project unit; a project unit always has a parent (the department or project unit it belongs to).
 */
export function parentKindProblem(kind: UnitKind, parentKind: UnitKind | null): string | null {
  if (parentKind === null) return kind === 'project_unit' ? '项目单位必须指定上级单位' : null;
  if (UNIT_KIND_RANK[parentKind] > UNIT_KIND_RANK[kind])
    return `上级单位类型 (${parentKind}) 不能低于本单位类型 (${kind})`;
  return null;
}
