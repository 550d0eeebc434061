import { Global, Module } from '@nestjs/common';
import { MediaTokenService } from './media-token.service';
import { SfuControlService } from './sfu-control.service';

@Global()
@Module({ providers: [MediaTokenService, SfuControlService], exports: [MediaTokenService, SfuControlService] })
export class MediaModule {}
