import { Injectable } from '@nestjs/common';
import type { ParticipantConsentState } from '@visite/contracts';
import { visitConsentStates } from './consent-state';
import { ConsentsRepository } from './consents.repository';

/** Reads where each participant of some visits stands (the queue, a visit's view). */
@Injectable()
export class ConsentStates {
  constructor(private readonly consents: ConsentsRepository) {}

  async of(visitIds: readonly string[]): Promise<Map<string, ParticipantConsentState[]>> {
    return visitConsentStates(visitIds, await this.consents.inForce(visitIds));
  }
}
