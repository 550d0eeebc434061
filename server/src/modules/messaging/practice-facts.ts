import { Injectable } from '@nestjs/common';
import type { Language } from '@visite/contracts';
import { PracticesService } from '../practice/practices.service';

/** What messages need to know of the practice a visit belongs to. */
export interface PracticeFacts {
  name: string;
  phone: string | null;
  timeZone: string;
  language: Language;
  reminderOffsetsMinutes: readonly number[];
}

/** A practice as its messages present it: name and phone, time zone, language, reminder offsets. */
@Injectable()
export class PracticeFactsService {
  constructor(private readonly practices: PracticesService) {}

  async of(practiceId: string): Promise<PracticeFacts> {
    const { name, settings } = await this.practices.view(practiceId);
    return { name, phone: settings.phone, timeZone: settings.timeZone, language: settings.language, reminderOffsetsMinutes: settings.reminderOffsetsMinutes };
  }
}
