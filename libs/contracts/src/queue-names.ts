/** BullMQ queue names (prefixed per deployment by QUEUE_PREFIX). */
export const QUEUES = {
  probe: 'probe',
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
