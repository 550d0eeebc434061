import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import type { JoinInfo, MediaAccess } from '@visite/contracts';
import { requestLanguage } from '../../common/i18n/request-language';
import { GiveConsentDto } from './join.dto';
import { JoinService } from './join.service';

/** The patient's endpoints: the join token from the link is the only credential. */
@Controller('join/:token')
export class JoinController {
  constructor(private readonly join: JoinService) {}

  @Get()
  info(@Param('token') token: string, @Headers('accept-language') language?: string): Promise<JoinInfo> {
    return this.join.info(token, requestLanguage({ 'accept-language': language }));
  }

  @Post('consent')
  @HttpCode(200)
  consent(
    @Param('token') token: string,
    @Body() dto: GiveConsentDto,
    @Headers('user-agent') userAgent?: string,
    @Headers('accept-language') language?: string,
  ): Promise<JoinInfo> {
    return this.join.giveConsent(token, dto.version, dto.accepted, userAgent ?? null, requestLanguage({ 'accept-language': language }));
  }

  @Post('media-access')
  @HttpCode(200)
  mediaAccess(@Param('token') token: string): Promise<MediaAccess> {
    return this.join.mediaAccess(token);
  }

  @Post('end')
  @HttpCode(204)
  end(@Param('token') token: string): Promise<void> {
    return this.join.end(token);
  }
}
