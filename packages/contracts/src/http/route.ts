import { z } from 'zod';
import { findUnsafeInput } from '../input/safe-input';

/**
 * Every HTTP route of the API, defined once: method, path, the zod schemas of its params, query and
 * body, the success status and who may call it. The server validates each request against these
 * schemas at its edge (the `@Endpoint` decorator) and the web builds and checks its requests with the
 * same definitions (`callApi`), so both sides refuse the same inputs with the same codes.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: `staff` needs a session cookie, `join` a patient's join token in the path,
 * `public` nobody in particular (login, health).
 */
export type RouteAccess = 'staff' | 'join' | 'public';

declare const RESPONSE: unique symbol;

export interface RouteDefinition<Params = unknown, Query = unknown, Body = unknown, Res = unknown> {
  readonly method: HttpMethod;
  /** Full path as the browser requests it, with `:name` parameters: `/api/visits/:id/admit`. */
  readonly path: string;
  readonly params: z.ZodType<Params> | null;
  readonly query: z.ZodType<Query> | null;
  readonly body: z.ZodType<Body> | null;
  /** Status of a successful answer. */
  readonly status: 200 | 201 | 204;
  readonly access: RouteAccess;
  /** The response body is not JSON (a file download); `callApi` does not parse it. */
  readonly file?: boolean;
  /** Phantom: the type of the JSON response. */
  readonly [RESPONSE]?: Res;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/**
 * Defines a route. Curried so the response type is named and the schemas are inferred:
 * `defineRoute<VisitView>()({ method: 'POST', path: '/api/visits/:id/admit', params: visitIdParams, ... })`.
 */
export function defineRoute<Res>() {
  return <P extends z.ZodType | null = null, Q extends z.ZodType | null = null, B extends z.ZodType | null = null>(def: {
    method: HttpMethod;
    path: string;
    params?: P;
    query?: Q;
    body?: B;
    status?: 200 | 201 | 204;
    access: RouteAccess;
    file?: boolean;
  }): RouteDefinition<Out<P>, Out<Q>, Out<B>, Res> & { readonly schemas: { params: P; query: Q; body: B } } => {
    const params = (def.params ?? null) as P;
    const query = (def.query ?? null) as Q;
    const body = (def.body ?? null) as B;
    return {
      method: def.method,
      path: def.path,
      params: params as never,
      query: query as never,
      body: body as never,
      status: def.status ?? 200,
      access: def.access,
      file: def.file,
      schemas: { params, query, body },
    };
  };
}

/** What a route's handler receives once the request is validated. */
export interface RouteInput<R> {
  params: R extends RouteDefinition<infer P, unknown, unknown, unknown> ? P : never;
  query: R extends RouteDefinition<unknown, infer Q, unknown, unknown> ? Q : never;
  body: R extends RouteDefinition<unknown, unknown, infer B, unknown> ? B : never;
}

/** What a client passes to call a route (before parsing: e.g. a query number may be a string). */
export type RouteRequest<R> = R extends { schemas: { params: infer P; query: infer Q; body: infer B } }
  ? (P extends z.ZodType ? { params: In<P> } : { params?: undefined }) &
      (Q extends z.ZodType ? { query?: In<Q> } : { query?: undefined }) &
      (B extends z.ZodType ? { body: In<B> } : { body?: undefined })
  : never;

export type RouteResponse<R> = R extends RouteDefinition<unknown, unknown, unknown, infer Res> ? Res : never;

/** The code of every refusal of an input that does not match its route's schemas. */
export const VALIDATION_FAILED = 'VALIDATION_FAILED';

export interface InputIssue {
  /** Where: `body.patient.birthDate`, `params.id`, `query.limit`. */
  path: string;
  message: string;
}

export type ParsedInput<R> = { ok: true; input: RouteInput<R> } | { ok: false; code: string; message: string; issues: InputIssue[] };

function issuesOf(part: string, error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: [part, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/**
 * Validates one message (a socket payload) against its schema, unsafe text and depth first.
 * The socket twin of `parseRouteInput`.
 */
export function parseMessage<S extends z.ZodType>(schema: S, payload: unknown): { ok: true; data: z.output<S> } | { ok: false; code: string; message: string; issues: InputIssue[] } {
  const unsafe = findUnsafeInput(payload);
  if (unsafe) return { ok: false, code: unsafe.code, message: `${unsafe.path || 'payload'}: ${unsafe.message}`, issues: [{ path: unsafe.path, message: unsafe.message }] };
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { ok: false, code: VALIDATION_FAILED, message: issues.map((i) => `${i.path || 'payload'}: ${i.message}`).join('; '), issues };
}

const noFields = z.union([z.undefined(), z.null(), z.object({}).strict()]);

/**
 * Validates a request against its route: unsafe text (NUL, lone surrogates) and excessive nesting
 * anywhere first, then each part against its schema. A route without a body schema accepts no body
 * fields. Used by the server's edge and by the web before it sends.
 */
export function parseRouteInput<R extends RouteDefinition>(route: R, raw: { params?: unknown; query?: unknown; body?: unknown }): ParsedInput<R> {
  const parts = { params: route.params, query: route.query, body: route.body } as const;
  const input: Record<string, unknown> = {};
  const issues: InputIssue[] = [];
  for (const part of ['params', 'query', 'body'] as const) {
    const value = raw[part];
    const unsafe = findUnsafeInput(value);
    if (unsafe) return { ok: false, code: unsafe.code, message: `${part}${unsafe.path ? `.${unsafe.path}` : ''}: ${unsafe.message}`, issues: [{ path: [part, unsafe.path].filter(Boolean).join('.'), message: unsafe.message }] };
    const schema = parts[part];
    if (!schema) {
      // Params and query of a route without schemas are ignored (Express fills them); a body is not.
      if (part === 'body' && route.method !== 'GET' && !noFields.safeParse(value).success) {
        issues.push({ path: 'body', message: 'this request takes no fields' });
      }
      input[part] = undefined;
      continue;
    }
    const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
    if (parsed.success) input[part] = parsed.data;
    else issues.push(...issuesOf(part, parsed.error));
  }
  if (issues.length) return { ok: false, code: VALIDATION_FAILED, message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
  return { ok: true, input: input as unknown as RouteInput<R> };
}

/** The path of a route with its parameters filled in (each one URI-encoded). */
export function routePath(route: RouteDefinition, params: Record<string, unknown> | undefined): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${route.path}: missing parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
