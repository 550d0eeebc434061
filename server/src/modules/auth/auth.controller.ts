import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { CurrentUser } from '@visite/contracts';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { AuthService } from './auth.service';
import { Authenticated, AuthUser } from './authenticated.decorator';
import { LoginDto } from './login.dto';
import { SESSION_COOKIE } from './session-cookie';
import type { UserEntity } from './user.entity';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response): Promise<CurrentUser> {
    const { user, token, expiresAt } = await this.auth.login(dto.email, dto.password);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, expires: expiresAt, path: '/' });
    return user;
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authenticated()
  me(@AuthUser() user: UserEntity): Promise<CurrentUser> {
    return this.auth.currentUser(user);
  }
}
