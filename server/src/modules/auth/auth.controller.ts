import { Controller, Req, Res } from '@nestjs/common';
import { authRoutes, type CurrentUser, type RouteInput } from '@visite/contracts';
import type { Request, Response } from 'express';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { AppConfig } from '../../config/app-config';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { AuthService } from './auth.service';
import { Authenticated, AuthUser } from './authenticated.decorator';
import { SESSION_COOKIE } from './session-cookie';
import type { UserEntity } from './user.entity';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Endpoint(authRoutes.login)
  @RateLimit({ policy: 'login-address', by: 'address' }, { policy: 'login-account', by: 'account' })
  async login(@Input() { body }: RouteInput<typeof authRoutes.login>, @Res({ passthrough: true }) res: Response): Promise<CurrentUser> {
    const { user, token, expiresAt } = await this.auth.login(body.email, body.password);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, expires: expiresAt, path: '/' });
    return user;
  }

  @Endpoint(authRoutes.logout)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Endpoint(authRoutes.me)
  @Authenticated()
  me(@AuthUser() user: UserEntity): Promise<CurrentUser> {
    return this.auth.currentUser(user);
  }
}
