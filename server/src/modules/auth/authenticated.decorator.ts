import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import type { UserRole } from '@visite/contracts';
import type { Request } from 'express';
import { SessionGuard } from './session.guard';
import type { UserEntity } from './user.entity';

export const ROLES_KEY = 'visite:roles';

/** A route for signed-in practice users with one of these roles. */
export function Authenticated(...roles: UserRole[]) {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(SessionGuard));
}

export type AuthedRequest = Request & { user: UserEntity };

/** The signed-in user of an @Authenticated route. */
export const AuthUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().user);
