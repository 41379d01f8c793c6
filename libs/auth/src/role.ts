// The roles and what they may do are part of the API's contract (the web reads them): declared once in libs/contracts.
export {
  BUREAU_ROLES,
  DEPT_ROLES,
  hasPermission,
  PERMISSIONS,
  READ_ALL_ROLES,
  ROLES,
  type Permission,
  type Role,
} from '@rectiflow/contracts';
