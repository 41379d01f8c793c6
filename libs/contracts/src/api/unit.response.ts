import type { UnitKind } from '../accounts/unit-kind';

/** One unit (GET /units, /units/:id); times ISO 8601. */
export interface UnitResponse {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  contactEmails: string[];
  webhookUrl: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /units/tree: a unit with its child units. */
export interface UnitNode extends UnitResponse {
  children: UnitNode[];
}
