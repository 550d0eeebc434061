import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionPurgeService } from './session-purge.service';
import { SessionGuard } from './session.guard';
import { SessionsRepository } from './sessions.repository';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { AssistantLinkEntity } from '../staff/assistant-link.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, AssistantLinkEntity])],
  controllers: [AuthController],
  providers: [AuthService, SessionGuard, UsersRepository, SessionsRepository, SessionPurgeService],
  exports: [AuthService, SessionGuard, UsersRepository, SessionsRepository, SessionPurgeService],
})
export class AuthModule {}
