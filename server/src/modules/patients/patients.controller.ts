import { Controller } from '@nestjs/common';
import { patientRoutes, type DuplicatePair, type PatientDetail, type PatientListItem, type PatientVisitItem, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { PatientsService } from './patients.service';

type In<K extends keyof typeof patientRoutes> = RouteInput<(typeof patientRoutes)[K]>;
const Care = () => Authenticated('doctor', 'assistant');

/** The patient directory (doctors and assistants of the practice). */
@Controller()
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Endpoint(patientRoutes.search)
  @Care()
  search(@CurrentActor() actor: Actor, @Input() { query }: In<'search'>): Promise<PatientListItem[]> {
    return this.patients.search(actor, query.q);
  }

  @Endpoint(patientRoutes.duplicates)
  @Care()
  duplicates(@CurrentActor() actor: Actor): Promise<DuplicatePair[]> {
    return this.patients.duplicates(actor);
  }

  @Endpoint(patientRoutes.create)
  @Care()
  create(@CurrentActor() actor: Actor, @Input() { body }: In<'create'>): Promise<PatientDetail> {
    return this.patients.create(actor, body);
  }

  @Endpoint(patientRoutes.get)
  @Care()
  get(@CurrentActor() actor: Actor, @Input() { params }: In<'get'>): Promise<PatientDetail> {
    return this.patients.get(actor, params.id);
  }

  @Endpoint(patientRoutes.update)
  @Care()
  update(@CurrentActor() actor: Actor, @Input() { params, body }: In<'update'>): Promise<PatientDetail> {
    return this.patients.update(actor, params.id, body);
  }

  @Endpoint(patientRoutes.visits)
  @Care()
  visits(@CurrentActor() actor: Actor, @Input() { params }: In<'visits'>): Promise<PatientVisitItem[]> {
    return this.patients.visitsOf(actor, params.id);
  }

  @Endpoint(patientRoutes.notDuplicate)
  @Care()
  notDuplicate(@CurrentActor() actor: Actor, @Input() { params }: In<'notDuplicate'>): Promise<void> {
    return this.patients.markNotDuplicate(actor, params.id, params.otherId);
  }
}
