import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import type Redis from 'ioredis';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { JSON_BODY_LIMIT, verifyJsonDepth } from './common/http/json-body';
import { RedisIoAdapter } from './common/http/redis-io.adapter';
import { securityHeaders } from './common/http/security-headers';
import type { AppConfig } from './config/app-config';
import { REDIS } from './modules/redis/redis.module';

/** Builds the HTTP + socket.io application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: config.env === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
  app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(...securityHeaders({ connectOrigins: [new URL(config.sfuPublicUrl).origin] }));
  app.use(cookieParser());
  // Requests are validated by route (@Endpoint + @Input against the schemas in @visite/contracts).
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: verifyJsonDepth });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const redis = app.get<Redis | null>(REDIS);
  if (redis) app.useWebSocketAdapter(new RedisIoAdapter(app, redis));
  if (config.webDistDir && existsSync(join(config.webDistDir, 'index.html'))) serveWeb(app, config.webDistDir);
  return app;
}

/** The built web client on /, with the single-page fallback for its routes. */
function serveWeb(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
