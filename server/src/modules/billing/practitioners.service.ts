import { Injectable } from '@nestjs/common';
import { teleconsultationShareLimitPercent } from '@visite/billing';
import type { PractitionerProfileUpdate, PractitionerView } from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../auth/user.entity';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { BillingException, BillingExceptionCode } from './billing.exception';
import type { BillingProfileEntity } from './billing-profile.entity';
import { BillingLinesRepository } from './billing-lines.repository';
import { BillingLinesService } from './billing-lines.service';
import { BillingProfilesRepository } from './billing-profiles.repository';
import { toProfile } from './billing-view';
import { LineEvaluator } from './line-evaluator.service';

/** Doctors' billing profiles and their running teleconsultation share (F7). */
@Injectable()
export class PractitionersService {
  constructor(
    private readonly profiles: BillingProfilesRepository,
    private readonly lines: BillingLinesRepository,
    private readonly billingLines: BillingLinesService,
    private readonly evaluator: LineEvaluator,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly db: Db,
  ) {}

  async list(actor: Actor): Promise<PractitionerView[]> {
    this.access.requireRole(actor, ['billing', 'admin']);
    const doctors = await this.profiles.doctors(actor.practiceId);
    const profiles = new Map((await this.profiles.forUsers(doctors.map((d) => d.id))).map((p) => [p.userId, p]));
    return Promise.all(doctors.map((d) => this.view(d, profiles.get(d.id) ?? null)));
  }

  async update(actor: Actor, userId: string, update: PractitionerProfileUpdate): Promise<PractitionerView> {
    this.access.requireRole(actor, ['billing', 'admin']);
    const doctor = await this.profiles.findDoctor(actor.practiceId, userId);
    if (!doctor) throw new BillingException(BillingExceptionCode.PRACTITIONER_NOT_FOUND);
    await this.db.transaction(async () => {
      await this.profiles.upsert({
      userId,
      rpps: update.rpps,
      amNumber: update.amNumber,
      profession: update.profession,
      specialty: update.specialty,
      sector: update.sector,
      optam: update.optam,
      firstName: update.firstName.trim(),
      lastName: update.lastName.trim(),
      declaredActsYear: update.declaredActs?.year ?? null,
      declaredActsTotal: update.declaredActs?.total ?? null,
      });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.profile_updated', detail: { userId } });
      await this.billingLines.reevaluateDoctor(userId);
    });
    return this.view(doctor, await this.profiles.findByUserId(userId));
  }

  private async view(doctor: UserEntity, profile: BillingProfileEntity | null): Promise<PractitionerView> {
    const year = await this.evaluator.currentYear(doctor.practiceId);
    const countable = await this.lines.countShare(doctor.id, year, null);
    const declaredTotalActs = profile?.declaredActsYear === year ? profile.declaredActsTotal : null;
    return {
      userId: doctor.id,
      displayName: doctor.displayName,
      email: doctor.email,
      profile: profile ? toProfile(profile) : null,
      share: {
        year,
        countable,
        declaredTotalActs,
        percent: declaredTotalActs ? Math.round((countable / declaredTotalActs) * 1000) / 10 : null,
        limitPercent: teleconsultationShareLimitPercent(profile ?? { specialty: 'none' }),
      },
    };
  }
}
