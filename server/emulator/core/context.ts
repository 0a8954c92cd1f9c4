// The types every part of the emulator shares. This file imports no core module that imports it, so the
// core's modules (http, model, records, copy) can all depend on it without an import cycle.
import type Database from 'better-sqlite3';
import type { Hono } from 'hono';
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

/** A parsed query string (parseQuery in http.ts), as routes read it from `c.get('query')`. */
export interface Query {
  /** Last scalar value of `name` (not the array form). */
  get(name: string): string | undefined;
  /** Values of `name[]` / `name[n]`, or undefined when no array form was given. */
  list(name: string): string[] | undefined;
  has(name: string): boolean;
}

/** What POST database/$id/copy copies (copy.ts). */
export interface CopyOptions {
  views: boolean;
  collections: boolean;
  miniviews: boolean;
  profiles: boolean;
  subprofiles: boolean;
}

/** A finished database copy: old → new IDs, handed to the modules' `copyHooks` (copy.ts). */
export interface CopyResult {
  from: number;
  to: number;
  options: CopyOptions;
  fields: Map<number, number>;
  interests: Map<number, number>;
  collections: Map<number, number>;
  profiles: Map<number, number>;
  subprofiles: Map<number, number>;
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
