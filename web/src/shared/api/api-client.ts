import { parseRouteInput, routePath, type HttpMethod, type RouteDefinition, type RouteRequest, type RouteResponse } from '@visite/contracts';
import { currentLanguage } from '../i18n/i18n';
import { ApiError, toApiError } from './api-error';

/**
 * Calls the Visite API (same origin, session cookie). Resolves with the JSON body (undefined for 204);
 * throws an ApiError for HTTP errors and network failures.
 */
async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // The server answers errors (and, later, other texts) in the language the person chose.
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toApiError(0, { code: 'NETWORK_ERROR' });
  }
  const text = response.status === 204 ? '' : await response.text().catch(() => '');
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

/**
 * Calls one route of `@visite/contracts`: the request is checked against the route's own schemas
 * first (the server refuses the same inputs with the same codes), then sent.
 */
export function callApi<R extends RouteDefinition>(route: R, request: RouteRequest<R>, signal?: AbortSignal): Promise<RouteResponse<R>> {
  const req = request as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const parsed = parseRouteInput(route, { params: req.params ?? {}, query: req.query ?? {}, body: req.body });
  if (!parsed.ok) return Promise.reject(new ApiError(400, parsed.code, parsed.message));
  const body = route.body ? parsed.input.body : route.method === 'GET' ? undefined : {};
  return apiRequest<RouteResponse<R>>(route.method, routeUrl(route, request), body, signal);
}

/** The URL of a route with its params and query filled in (for plain links, such as downloads). */
export function routeUrl<R extends RouteDefinition>(route: R, request: RouteRequest<R>): string {
  const req = request as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query ?? {})) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const qs = query.toString();
  return `${routePath(route, req.params)}${qs ? `?${qs}` : ''}`;
}

export { ApiError };
