import { Controller } from '@nestjs/common';
import { notesRoutes, type RouteInput, type VisitNotes } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { NotesService } from './notes.service';

type In<K extends keyof typeof notesRoutes> = RouteInput<(typeof notesRoutes)[K]>;

/** A visit's notes: every role signs in here, the access helper decides (doctors only). */
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Endpoint(notesRoutes.get)
  @Authenticated()
  get(@CurrentActor() actor: Actor, @Input() { params }: In<'get'>): Promise<VisitNotes> {
    return this.notes.read(actor, params.id);
  }

  @Endpoint(notesRoutes.save)
  @Authenticated()
  save(@CurrentActor() actor: Actor, @Input() { params, body }: In<'save'>): Promise<VisitNotes> {
    return this.notes.save(actor, params.id, body);
  }
}
