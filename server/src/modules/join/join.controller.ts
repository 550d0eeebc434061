import { Controller, Headers } from '@nestjs/common';
import { joinRoutes, type JoinInfo, type MediaAccess, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { requestLanguage } from '../../common/i18n/request-language';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { JoinService } from './join.service';

type In<K extends keyof typeof joinRoutes> = RouteInput<(typeof joinRoutes)[K]>;

/** The patient's endpoints: the join token from the link is the only credential (resolving links is rate-limited by address). */
@Controller()
@RateLimit({ policy: 'link-resolution', by: 'address' })
export class JoinController {
  constructor(private readonly join: JoinService) {}

  @Endpoint(joinRoutes.info)
  info(@Input() { params }: In<'info'>): Promise<JoinInfo> {
    return this.join.info(params.token);
  }

  @Endpoint(joinRoutes.consent)
  consent(@Input() { params, body }: In<'consent'>, @Headers('user-agent') userAgent?: string): Promise<JoinInfo> {
    return this.join.giveConsent(params.token, body, userAgent ?? null);
  }

  @Endpoint(joinRoutes.withdrawConsent)
  withdrawConsent(@Input() { params }: In<'withdrawConsent'>, @Headers('user-agent') userAgent?: string, @Headers('accept-language') language?: string): Promise<JoinInfo> {
    return this.join.withdrawConsent(params.token, userAgent ?? null, requestLanguage({ 'accept-language': language }));
  }

  @Endpoint(joinRoutes.mediaAccess)
  mediaAccess(@Input() { params }: In<'mediaAccess'>): Promise<MediaAccess> {
    return this.join.mediaAccess(params.token);
  }

  @Endpoint(joinRoutes.end)
  end(@Input() { params }: In<'end'>): Promise<void> {
    return this.join.end(params.token);
  }
}
