import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type { Paged } from './paging';
import { useSafeMutation } from './write-guard';

export const WEBHOOK_TRIGGERS = ['create', 'update', 'delete', 'click', 'delivery', 'open', 'bounce', 'failure'] as const;
export type WebhookTrigger = (typeof WEBHOOK_TRIGGERS)[number];
export type WebhookCaller = 'ms' | 'publisher';

/** GET webhook/$id (docs/api/databases.md §8). `database`/`collection` are not documented output: may be absent. */
export type Webhook = {
  ID: string;
  handler: string;
  trigger: WebhookTrigger | string;
  callers: WebhookCaller[];
  database?: string | null;
  collection?: string | null;
};
export type WebhookInput = { handler: string; trigger: string; callers?: WebhookCaller[]; database?: string; collection?: string };

/** What the listing call answered: the real API has none (the "listing gap"), the emulator has one. */
export type WebhookListing = { supported: true; items: Webhook[] } | { supported: false; reason: string };

export const webhookQueries = {
  all: () => ['webhooks'] as const,
  list: (databaseId: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'list', databaseId] as const,
      queryFn: async ({ signal }): Promise<WebhookListing> => {
        try {
          const page = await api.get<Paged<Webhook>>('webhooks', { database: databaseId, start: 0, limit: 1000 }, signal);
          return { supported: true, items: page.data };
        } catch (e) {
          // 400 "Invalid method" from api.copernica.com: no listing; fall back to IDs we know.
          if (e instanceof ApiError && e.status === 400) return { supported: false, reason: e.message };
          throw e;
        }
      },
      retry: false,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => api.get<Webhook>(`webhook/${encodeURIComponent(id)}`, undefined, signal),
      retry: false,
    }),
};

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: (input: WebhookInput) => api.post('webhooks', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}

export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useSafeMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<WebhookInput> }) => api.put(`webhook/${encodeURIComponent(id)}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`webhook/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}
