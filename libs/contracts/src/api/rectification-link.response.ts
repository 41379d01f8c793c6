/** The link from a finding to the rectification item it became. */
export interface RectificationLink {
  id: string;
  status: string;
  unitId: number;
  currentDeadline: string;
  overdue: boolean;
  escalationLevel: number;
  href: string;
}
