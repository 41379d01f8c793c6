import type { Role } from '../accounts/role';
import type { UnitKind } from '../accounts/unit-kind';

/** The signed-in account's unit. */
export interface MeUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

/** GET /auth/me: the signed-in account, its unit and the units it may see. */
export interface MeResponse {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  email: string | null;
  phone: string | null;
  /** 单位负责人 (first responsible person) */
  isUnitHead: boolean;
  unit: MeUnit;
  /** units this account may see; absent for read-all roles */
  visibleUnitIds?: number[];
  seesAllUnits: boolean;
}
