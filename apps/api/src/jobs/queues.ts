/** BullMQ queue names. */
export const QUEUES = {
  maintenance: 'maintenance',
  callbacks: 'callbacks',
  exports: 'exports',
  events: 'events',
  integrations: 'integrations',
  previews: 'previews',
  mail: 'mail',
  retention: 'retention',
  texts: 'texts',
  scans: 'scans',
} as const;

export const JOBS = {
  expireIdleChats: 'expire-idle-chats',
  deliver: 'deliver',
  reconcileDeliveries: 'reconcile-deliveries',
  generatePreview: 'previews.generate',
  backfillPreviews: 'previews.backfill',
  sendMail: 'mail.send',
  notifyOperator: 'mail.notify-operator',
  retentionSweep: 'retention.sweep',
  extractText: 'texts.extract',
  reindexTexts: 'texts.reindex',
  scanUpload: 'scans.upload',
} as const;
