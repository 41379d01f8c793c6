// Unit kinds are part of the API's contract (the web reads them): declared once in libs/contracts.
export { UNIT_KIND_RANK, UNIT_KINDS, type UnitKind } from '@rectiflow/contracts';
