import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@visite/contracts';
import type { Request } from 'express';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { AuthService } from './auth.service';
import { ROLES_KEY } from './authenticated.decorator';
import { SESSION_COOKIE } from './session-cookie';

@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { user?: unknown; actor?: Actor }>();
    const user = await this.auth.authenticate(req.cookies?.[SESSION_COOKIE]);
    const roles = this.reflector.get<UserRole[] | undefined>(ROLES_KEY, ctx.getHandler()) ?? [];
    if (roles.length) this.auth.requireRole(user, roles);
    req.user = user;
    req.actor = await this.access.actorOf(user);
    return true;
  }
}
