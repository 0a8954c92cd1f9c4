/**
 * What a call can fail with. `ApiError`: the API answered with an error status (Copernica's message, or
 * the gateway's). `NetworkError`: no answer at all (offline, reset, timed out). `UnexpectedShapeError`: an
 * answer that is not the JSON the documentation promises (HTML from a proxy, truncated, wrong shape).
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export class NetworkError extends Error {
  /** The browser knew it was offline: the query layer waits for the connection instead of failing. */
  readonly offline: boolean;
  readonly timedOut: boolean;
  constructor({ offline = false, timedOut = false }: { offline?: boolean; timedOut?: boolean } = {}) {
    super(offline ? 'Offline' : timedOut ? 'The API did not answer in time' : 'The API could not be reached');
    this.name = 'NetworkError';
    this.offline = offline;
    this.timedOut = timedOut;
  }
}

export class UnexpectedShapeError extends Error {
  readonly path: string;
  constructor(path: string, detail: string) {
    super(`The API answered in an unexpected shape (${path}: ${detail})`);
    this.name = 'UnexpectedShapeError';
    this.path = path;
  }
}

/** Copernica's 404 is a 400 "No <entity> with supplied ID" (docs/api/conventions.md §5). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && /^No [\w ]+ with (supplied|given) ID\b/i.test(error.message);
}
