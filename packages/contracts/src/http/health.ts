import { defineRoute } from './route';

export interface HealthReady {
  status: 'ok';
  database: 'ok';
  redis: 'ok' | 'not-configured';
}

export const healthRoutes = {
  live: defineRoute<{ status: 'ok' }>()({ method: 'GET', path: '/api/health/live', access: 'public' }),
  ready: defineRoute<HealthReady>()({ method: 'GET', path: '/api/health/ready', access: 'public' }),
} as const;
