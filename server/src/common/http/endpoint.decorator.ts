import {
  applyDecorators, CallHandler, createParamDecorator, Delete, ExecutionContext, Get, HttpCode, Injectable, NestInterceptor, Patch, Post, Put,
  SetMetadata, UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parseRouteInput, type HttpMethod, type RouteDefinition, type RouteInput } from '@visite/contracts';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { InputException } from '../errors/input.exception';

const ROUTE_KEY = 'visite:route';

const METHODS: Record<HttpMethod, (path: string) => MethodDecorator> = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

type RequestWithInput = Request & { visiteInput?: RouteInput<RouteDefinition> };

/**
 * Validates every request of an `@Endpoint` against its route's schemas, after the guards (so an
 * unauthenticated caller gets 401, not a hint about the body) and before the handler runs.
 */
@Injectable()
class RouteInputInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<RouteDefinition>(ROUTE_KEY, ctx.getHandler());
    const req = ctx.switchToHttp().getRequest<RequestWithInput>();
    const parsed = parseRouteInput(route, { params: req.params, query: req.query, body: req.body });
    if (!parsed.ok) throw new InputException(parsed.code, parsed.message, parsed.issues);
    req.visiteInput = parsed.input;
    return next.handle();
  }
}

/**
 * Binds a handler to its route from `@visite/contracts`: method, path and success status come from
 * the definition, and every request is validated against its schemas before the handler runs
 * (`@Input()` hands the parsed `{ params, query, body }` to it). Controllers live under the global
 * `api` prefix, so the definition's `/api` is dropped here.
 */
export function Endpoint(route: RouteDefinition): MethodDecorator {
  if (!route.path.startsWith('/api/')) throw new Error(`route path must start with /api/: ${route.path}`);
  return applyDecorators(
    METHODS[route.method](route.path.slice('/api/'.length)),
    HttpCode(route.status),
    SetMetadata(ROUTE_KEY, route),
    UseInterceptors(RouteInputInterceptor),
  );
}

/** The validated `{ params, query, body }` of an `@Endpoint` handler. */
export const Input = createParamDecorator((_: unknown, ctx: ExecutionContext): RouteInput<RouteDefinition> => {
  const input = ctx.switchToHttp().getRequest<RequestWithInput>().visiteInput;
  if (!input) throw new Error(`@Input() on ${ctx.getClass().name}.${ctx.getHandler().name}, which has no @Endpoint()`);
  return input;
});

/** The route a handler is bound to, for tests that compare the app's routes with the contracts. */
export function routeOf(handler: object): RouteDefinition | undefined {
  return Reflect.getMetadata(ROUTE_KEY, handler) as RouteDefinition | undefined;
}
