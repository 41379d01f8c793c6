// The roles are part of the API's contract (the web reads them): declared once in libs/contracts.
export { BUREAU_ROLES, READ_ALL_ROLES, ROLES, type Role } from '@rectiflow/contracts';
