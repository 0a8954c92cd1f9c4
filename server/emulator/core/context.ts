import type Database from 'better-sqlite3';
import type { Hono } from 'hono';
import type { CopyResult } from './copy.ts';
import type { Query } from './http.ts';
import type { CollectionRow, DatabaseRow } from './model.ts';
import type { WebhookDispatcher } from './webhook-dispatch.ts';

/** An application registered for the OAuth authorization-code flow (restv3/rest-oauth.md). */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  name: string;
}

/** Everything a route needs; one per running emulator. */
export interface EmulatorContext {
  db: Database.Database;
  /** Tokens accepted besides those stored in the `access_tokens` table (e.g. the demo token). */
  tokens: string[];
  /** The clock. Injectable so tests can move time (OAuth code expiry, `modified` stamps). */
  now(): Date;
  oauthClients: OAuthClient[];
  /** Public origin used in X-location/Location headers, e.g. `http://127.0.0.1:8787`. Falls back to the request origin. */
  baseUrl?: string;
  webhooks: WebhookDispatcher;
  log: boolean;
  /** Modules' `copyDatabase` hooks, run inside the copy transaction (views/miniviews of the selections module). */
  copyHooks: ((ctx: EmulatorContext, copy: CopyResult) => void)[];
}

/** Hono environment shared by every route module (core and plugged-in modules). */
export type EmulatorEnv = {
  Variables: {
    ctx: EmulatorContext;
    query: Query;
    database: DatabaseRow;
    collection: CollectionRow;
    profileId: number;
    subprofileId: number;
  };
};

export type EmulatorApp = Hono<EmulatorEnv>;
