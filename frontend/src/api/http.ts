import type { ApiErrorBody } from './types';

/** A refused or failed REST call: the HTTP status plus the protocol's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Calls the same-origin REST API with JSON in and out. The session cookie rides along
 * (credentials 'same-origin'); no Authorization header is set in the browser.
 * Resolves undefined for 204; throws ApiError for any other non-2xx and for network failures.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'SERVICE_UNAVAILABLE', `Cannot reach the server (${String(error)})`);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) throw toError(response.status, json);
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toError(status: number, json: unknown): ApiError {
  const body = json as Partial<ApiErrorBody> | undefined;
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(status, body.code, body.message, body.details);
  }
  return new ApiError(status, status >= 500 ? 'SERVER_ERROR' : 'INVALID_MESSAGE', `HTTP ${status}`);
}

/** Percent-encodes one path segment. */
export const segment = (value: string) => encodeURIComponent(value);
