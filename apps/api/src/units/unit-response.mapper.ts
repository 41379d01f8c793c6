import type { UnitResponse } from '@rectiflow/contracts';
import type { UnitEntity } from '@rectiflow/persistence';

/** A unit row as the routes answer it: the contract's shape, field by field, so a new column is not leaked. */
export function toUnitResponse(u: UnitEntity): UnitResponse {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    contactEmails: u.contactEmails,
    webhookUrl: u.webhookUrl,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
