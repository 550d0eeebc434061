import { IsBoolean, IsString, MaxLength } from 'class-validator';
import type { GiveConsentRequest } from '@visite/contracts';

export class GiveConsentDto implements GiveConsentRequest {
  @IsString()
  @MaxLength(20)
  version: string;

  @IsBoolean()
  accepted: boolean;
}
