import type { ChannelName, DeliveryJobData } from './delivery.types';

/**
 * One way of reaching people. `send` either delivers or throws: a PermanentDeliveryError when retrying cannot
 * help, any other error to be retried with backoff. Sending must tolerate being called again for the same
 * delivery after a crash (in-app inserts by delivery key; email and webhooks carry the key for the receiver).
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  /** False when the deployment has no such channel (no SMTP_URL): no delivery is planned for it. */
  readonly enabled: boolean;
  send(delivery: DeliveryJobData): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
