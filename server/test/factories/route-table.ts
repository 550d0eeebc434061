import type { INestApplication } from '@nestjs/common';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every HTTP route the running application serves, read from its router (so a new route is in it). */
export function routeTable(app: INestApplication): Route[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  return stack
    .filter((l) => l.route)
    .flatMap((l) =>
      Object.keys(l.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => ({ method: m.toUpperCase() as Route['method'], path: l.route!.path })),
    );
}

/** Socket events a gateway answers (its @SubscribeMessage handlers). */
export function socketEvents(gateway: object): string[] {
  const proto = Object.getPrototypeOf(gateway) as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .map((name) => (typeof proto[name] === 'function' ? (Reflect.getMetadata('message', proto[name] as object) as string | undefined) : undefined))
    .filter((m): m is string => typeof m === 'string');
}
