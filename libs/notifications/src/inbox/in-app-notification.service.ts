import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@rectiflow/common';
import type { InAppNotification, NotificationPage } from '@rectiflow/contracts';

// The inbox the web reads: declared once in libs/contracts.
export type { InAppNotification } from '@rectiflow/contracts';

/** A notification row as MySQL returns it. */
interface Row {
  id: string | number;
  event: string;
  level: number | string | null;
  title: string;
  body: string;
  link: string | null;
  rectificationId: string | null;
  evaluationId: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const COLUMNS = 'id, event, level, title, body, link, rectificationId, evaluationId, readAt, createdAt';

/** A user's own in-app messages. Every query is keyed by the caller's user id: nobody reads another's inbox. */
@Injectable()
export class InAppNotificationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Unread first, then newest first. */
  async list(
    userId: number,
    q: { page: number; pageSize: number; unreadOnly?: boolean },
  ): Promise<Omit<NotificationPage, 'page' | 'pageSize'>> {
    const unreadOnly = q.unreadOnly ? ' AND readAt IS NULL' : '';
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notification WHERE userId = ?${unreadOnly}
       ORDER BY readAt IS NULL DESC, id DESC LIMIT ? OFFSET ?`,
      [userId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const [{ total, unread }] = await this.db.query(
      `SELECT COUNT(*) AS total, COALESCE(SUM(readAt IS NULL), 0) AS unread FROM notification WHERE userId = ?${unreadOnly}`,
      [userId],
    );
    return { items: rows.map(toView), total: Number(total), unread: Number(unread) };
  }

  async unreadCount(userId: number): Promise<number> {
    const [{ n }] = await this.db.query(
      'SELECT COUNT(*) AS n FROM notification WHERE userId = ? AND readAt IS NULL',
      [userId],
    );
    return Number(n);
  }

  /** Idempotent; another user's message answers 404 like a missing one. */
  async markRead(userId: number, id: number): Promise<InAppNotification> {
    await this.db.query(
      'UPDATE notification SET readAt = COALESCE(readAt, CURRENT_TIMESTAMP(3)) WHERE id = ? AND userId = ?',
      [id, userId],
    );
    const [row]: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notification WHERE id = ? AND userId = ?`,
      [id, userId],
    );
    if (!row) throw new NotFoundError('通知', id);
    return toView(row);
  }

  async markAllRead(userId: number): Promise<number> {
    const result = await this.db.query(
      'UPDATE notification SET readAt = CURRENT_TIMESTAMP(3) WHERE userId = ? AND readAt IS NULL',
      [userId],
    );
    return Number((result as { affectedRows?: number }).affectedRows ?? 0);
  }
}

function toView(r: Row): InAppNotification {
  return {
    id: Number(r.id),
    event: r.event,
    level: r.level === null ? null : Number(r.level),
    title: r.title,
    body: r.body,
    link: r.link,
    rectificationId: r.rectificationId,
    evaluationId: r.evaluationId,
    read: r.readAt !== null,
    readAt: r.readAt === null ? null : new Date(r.readAt).toISOString(),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
