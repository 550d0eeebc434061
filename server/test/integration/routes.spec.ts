import { allRoutes } from '@visite/contracts';
import { startTestApp, type TestApp } from '../factories/test-app';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the API serves is one of the contracts' routes, bound with @Endpoint (so it is validated). */
describe('the API serves exactly the routes defined in @visite/contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no route outside the contracts and no contract route without a handler', () => {
    const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
    const stack = (express.router ?? express._router)!.stack;
    const served = stack
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${layer.route!.path}`))
      .filter((r) => r.includes(' /api/'))
      .sort();
    const defined = allRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(served).toEqual(defined);
    expect(new Set(defined).size).toBe(defined.length);
  });
});
