import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '../messaging/outbox.module';
import { PasswordTokenEntity } from './password-token.entity';
import { PasswordTokensRepository } from './password-tokens.repository';
import { PasswordTokensController, StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([PasswordTokenEntity]), OutboxModule],
  controllers: [StaffController, PasswordTokensController],
  providers: [PasswordTokensRepository, StaffService],
})
export class StaffModule {}
