/** The `webhook-id` of a delivery: the same on every attempt, so receivers can drop duplicates. */
export function webhookId(deliveryId: string): string {
  return `msg_${deliveryId.replace(/-/g, '')}`;
}
