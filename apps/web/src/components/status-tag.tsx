import { Tag } from 'antd';
import { ESCALATION_COLORS, STATUS_COLORS } from '../labels';

export const StatusTag = ({ status, label }: { status: string; label: string }) => (
  <Tag color={STATUS_COLORS[status] ?? 'default'} className="status-tag">
    {label}
  </Tag>
);

export const RungTag = ({ level, label }: { level: number; label: string }) =>
  level > 0 ? <Tag color={ESCALATION_COLORS[level] ?? 'red'}>{label}</Tag> : <span>—</span>;
