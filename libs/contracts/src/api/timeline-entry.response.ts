/** One event of an item's append-only timeline (rectification_event). */
export interface TimelineEntry {
  seq: number;
  action: string;
  actorId: number | null;
  actorName: string;
  payload: Record<string, unknown>;
  /** ISO 8601 */
  occurredAt: string;
}
