/** BullMQ queue names. */
export const QUEUES = {
  maintenance: 'maintenance',
  callbacks: 'callbacks',
  exports: 'exports',
  events: 'events',
  integrations: 'integrations',
  previews: 'previews',
  retention: 'retention',
} as const;

export const JOBS = {
  expireIdleChats: 'expire-idle-chats',
  deliver: 'deliver',
  reconcileDeliveries: 'reconcile-deliveries',
  generatePreview: 'previews.generate',
  retentionSweep: 'retention.sweep',
} as const;
