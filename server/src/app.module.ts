import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BillingModule } from './modules/billing/billing.module';
import { DemoSeedService } from './modules/demo/demo-seed.service';
import { HistoryModule } from './modules/history/history.module';
import { HealthController } from './modules/health/health.controller';
import { JoinModule } from './modules/join/join.module';
import { KeysModule } from './modules/keys/keys.module';
import { MediaModule } from './modules/media/media.module';
import { MessagingModule } from './modules/messaging/messaging.module';
import { NotesModule } from './modules/notes/notes.module';
import { PatientsModule } from './modules/patients/patients.module';
import { PracticeModule } from './modules/practice/practice.module';
import { ReadinessModule } from './modules/readiness/readiness.module';
import { RealtimeCoreModule } from './modules/realtime/realtime-core.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module';
import { RedisModule } from './modules/redis/redis.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { ReportsModule } from './modules/reports/reports.module';
import { StaffModule } from './modules/staff/staff.module';
import { VisitsModule } from './modules/visits/visits.module';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        DatabaseModule,
        RedisModule,
        RateLimitModule,
        AuditModule,
        HistoryModule,
        PracticeModule,
        KeysModule,
        PatientsModule,
        AuthModule,
        MediaModule,
        RealtimeCoreModule,
        VisitsModule,
        JoinModule,
        ReadinessModule,
        RealtimeModule,
        BillingModule,
        MessagingModule,
        SchedulingModule,
        ReportsModule,
        StaffModule,
        NotesModule,
      ],
      controllers: [HealthController],
      providers: [DemoSeedService],
    };
  }
}
