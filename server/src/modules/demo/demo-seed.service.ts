import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AuthService } from '../auth/auth.service';
import { UsersRepository } from '../auth/users.repository';
import { BillingProfilesRepository } from '../billing/billing-profiles.repository';

export const DEMO_USERS = [
  { email: 'doctor@visite.local', password: 'visite-demo', displayName: 'Dr Claire Martin', role: 'doctor' as const },
  { email: 'billing@visite.local', password: 'visite-demo', displayName: 'Sophie Bernard', role: 'billing' as const },
];

/** A GP in sector 1, with fictitious identifiers of the right shape (11-digit RPPS, 9-digit AM number). */
export const DEMO_DOCTOR_BILLING = {
  rpps: '10000000001', amNumber: '759999991', profession: 'physician', specialty: 'general_practice', sector: '1', optam: false,
  firstName: 'Claire', lastName: 'Martin', declaredActsYear: null, declaredActsTotal: null,
} as const;

/** With SEED_DEMO (the embedded default), the demo practice users exist after boot. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
    private readonly profiles: BillingProfilesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    for (const user of DEMO_USERS) {
      if (!(await this.users.findByEmail(user.email))) {
        await this.auth.createUser(user);
        this.logger.log(`demo user ${user.email} / ${user.password} (${user.role})`);
      }
    }
    const doctor = await this.users.findByEmail(DEMO_USERS[0].email);
    if (doctor && !(await this.profiles.findByUserId(doctor.id))) await this.profiles.upsert({ userId: doctor.id, ...DEMO_DOCTOR_BILLING });
  }
}
