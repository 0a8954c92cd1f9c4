// Placeholder replaced in milestone B.
export interface WebhookEvent {
  trigger: 'create' | 'update' | 'delete';
}
export class WebhookDispatcher {
  emit(_event: WebhookEvent): void {}
}
