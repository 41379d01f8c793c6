/** BullMQ queue names (prefixed per deployment by QUEUE_PREFIX). */
export const QUEUES = {
  probe: 'probe',
  notifications: 'notifications',
  // One delivery queue per channel: each has its own rate limit, and a slow SMTP server never holds up webhooks.
  deliveriesInApp: 'deliveries-in-app',
  deliveriesEmail: 'deliveries-email',
  deliveriesWebhook: 'deliveries-webhook',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
