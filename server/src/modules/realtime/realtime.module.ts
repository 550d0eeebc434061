import { Module } from '@nestjs/common';
import { JoinModule } from '../join/join.module';
import { VisitsModule } from '../visits/visits.module';
import { CredentialRecheckService } from './credential-recheck.service';
import { RealtimeGateway } from './realtime.gateway';

@Module({ imports: [VisitsModule, JoinModule], providers: [RealtimeGateway, CredentialRecheckService] })
export class RealtimeModule {}
