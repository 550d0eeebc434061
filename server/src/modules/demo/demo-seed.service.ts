import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { AuthService } from '../auth/auth.service';
import { UsersRepository } from '../auth/users.repository';
import { BillingProfilesRepository } from '../billing/billing-profiles.repository';
import { PracticesRepository } from '../practice/practices.repository';
import { PracticesService } from '../practice/practices.service';

export const DEMO_PRACTICE = {
  name: 'Cabinet du Dr Martin',
  phone: '+33142000000',
  address: { street: '12 rue de la Roquette', postalCode: '75011', city: 'Paris', country: 'FR' },
} as const;

export const DEMO_USERS = [
  { email: 'doctor@visite.local', password: 'visite-demo', displayName: 'Dr Claire Martin', role: 'doctor' as const },
  { email: 'billing@visite.local', password: 'visite-demo', displayName: 'Sophie Bernard', role: 'billing' as const },
  { email: 'admin@visite.local', password: 'visite-demo', displayName: 'Marc Lefèvre', role: 'admin' as const },
  { email: 'assistant@visite.local', password: 'visite-demo', displayName: 'Julie Moreau', role: 'assistant' as const },
];

/** A GP in sector 1, with fictitious identifiers of the right shape (11-digit RPPS, 9-digit AM number). */
export const DEMO_DOCTOR_BILLING = {
  rpps: '10000000001', amNumber: '759999991', profession: 'physician', specialty: 'general_practice', sector: '1', optam: false,
  firstName: 'Claire', lastName: 'Martin', declaredActsYear: null, declaredActsTotal: null,
} as const;

/** With SEED_DEMO (the start command), the demo practice and its staff exist after boot. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
    private readonly profiles: BillingProfilesRepository,
    private readonly practices: PracticesRepository,
    private readonly practiceSettings: PracticesService,
    private readonly db: Db,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const doctorBefore = await this.users.findByEmail(DEMO_USERS[0].email);
    // An install seeded before practices existed has its demo users in the default practice: rename it.
    const practice =
      (doctorBefore && (await this.practices.findById(doctorBefore.practiceId))) ??
      (await this.practices.findByName(DEMO_PRACTICE.name)) ??
      (await this.practices.create({ name: DEMO_PRACTICE.name, settings: this.practiceSettings.defaultSettings({ phone: DEMO_PRACTICE.phone, address: { ...DEMO_PRACTICE.address } }) }));
    if (practice.name !== DEMO_PRACTICE.name) {
      await this.practices.update(practice.id, { name: DEMO_PRACTICE.name, settings: this.practiceSettings.defaultSettings({ ...practice.settings, phone: DEMO_PRACTICE.phone, address: { ...DEMO_PRACTICE.address } }) });
    }
    for (const user of DEMO_USERS) {
      if (!(await this.users.findByEmail(user.email))) {
        await this.auth.createUser({ ...user, practiceId: practice.id });
        this.logger.log(`demo user ${user.email} / ${user.password} (${user.role})`);
      }
    }
    const doctor = await this.users.findByEmail(DEMO_USERS[0].email);
    const assistant = await this.users.findByEmail(DEMO_USERS[3].email);
    if (doctor && !(await this.profiles.findByUserId(doctor.id))) await this.profiles.upsert({ userId: doctor.id, ...DEMO_DOCTOR_BILLING });
    if (doctor && assistant && (await this.users.assistedDoctors(assistant.id)).length === 0) {
      await this.db.transaction(() => this.users.setAssists(assistant.id, [doctor.id]));
    }
  }
}
