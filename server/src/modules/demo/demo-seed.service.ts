import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AuthService } from '../auth/auth.service';
import { UsersRepository } from '../auth/users.repository';

export const DEMO_USERS = [
  { email: 'doctor@visite.local', password: 'visite-demo', displayName: 'Dr Claire Martin', role: 'doctor' as const },
  { email: 'billing@visite.local', password: 'visite-demo', displayName: 'Sophie Bernard', role: 'billing' as const },
];

/** With SEED_DEMO (the embedded default), the demo practice users exist after boot. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    for (const user of DEMO_USERS) {
      if (!(await this.users.findByEmail(user.email))) {
        await this.auth.createUser(user);
        this.logger.log(`demo user ${user.email} / ${user.password} (${user.role})`);
      }
    }
  }
}
