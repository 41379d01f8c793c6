import type { Role } from '@rectiflow/auth';

/** Importing and correcting drafts is bureau staff's work; leaders and auditors only read. */
export const DRAFT_EDITOR_ROLES: Role[] = ['bureau_admin', 'bureau_reviewer'];
