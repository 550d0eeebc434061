import { Controller } from '@nestjs/common';
import {
  passwordTokenRoutes, staffRoutes,
  type DoctorSummary, type PasswordLinkView, type PasswordTokenInfo, type RouteInput, type StaffMemberView,
} from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { StaffService } from './staff.service';

type In<K extends keyof typeof staffRoutes> = RouteInput<(typeof staffRoutes)[K]>;
type TokenIn<K extends keyof typeof passwordTokenRoutes> = RouteInput<(typeof passwordTokenRoutes)[K]>;

@Controller()
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Endpoint(staffRoutes.list)
  @Authenticated('admin')
  list(@CurrentActor() actor: Actor): Promise<StaffMemberView[]> {
    return this.staff.list(actor);
  }

  @Endpoint(staffRoutes.doctors)
  @Authenticated()
  doctors(@CurrentActor() actor: Actor): Promise<DoctorSummary[]> {
    return this.staff.doctors(actor);
  }

  @Endpoint(staffRoutes.invite)
  @Authenticated('admin')
  invite(@CurrentActor() actor: Actor, @Input() { body }: In<'invite'>): Promise<PasswordLinkView> {
    return this.staff.invite(actor, body);
  }

  @Endpoint(staffRoutes.update)
  @Authenticated('admin')
  update(@CurrentActor() actor: Actor, @Input() { params, body }: In<'update'>): Promise<StaffMemberView> {
    return this.staff.update(actor, params.id, body);
  }

  @Endpoint(staffRoutes.disable)
  @Authenticated('admin')
  disable(@CurrentActor() actor: Actor, @Input() { params }: In<'disable'>): Promise<StaffMemberView> {
    return this.staff.disable(actor, params.id);
  }

  @Endpoint(staffRoutes.enable)
  @Authenticated('admin')
  enable(@CurrentActor() actor: Actor, @Input() { params }: In<'enable'>): Promise<StaffMemberView> {
    return this.staff.enable(actor, params.id);
  }

  @Endpoint(staffRoutes.reset)
  @Authenticated('admin')
  reset(@CurrentActor() actor: Actor, @Input() { params }: In<'reset'>): Promise<PasswordLinkView> {
    return this.staff.reset(actor, params.id);
  }
}

/** The public set-password page's calls: the token of the link is the only credential. */
@Controller()
export class PasswordTokensController {
  constructor(private readonly staff: StaffService) {}

  @Endpoint(passwordTokenRoutes.info)
  @RateLimit({ policy: 'link-resolution', by: 'address' })
  info(@Input() { params }: TokenIn<'info'>): Promise<PasswordTokenInfo> {
    return this.staff.tokenInfo(params.token);
  }

  @Endpoint(passwordTokenRoutes.set)
  @RateLimit({ policy: 'link-resolution', by: 'address' })
  set(@Input() { params, body }: TokenIn<'set'>): Promise<void> {
    return this.staff.setPassword(params.token, body.password);
  }
}
