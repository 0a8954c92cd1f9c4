// Every error the gateway itself produces uses Copernica's error shape, so the SPA has one code path.
export type ErrorBody = { error: { message: string } };

export function errorBody(message: string): ErrorBody {
  return { error: { message } };
}

export function jsonError(status: number, message: string, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(errorBody(message)), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}
