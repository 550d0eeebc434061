import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor';

export type ActorRequest = Request & { actor: Actor };

/** The actor of an @Authenticated route (built by the session guard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<ActorRequest>().actor);
