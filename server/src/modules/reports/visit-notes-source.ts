import { Injectable } from '@nestjs/common';
import type { ReportContent } from '@visite/contracts';
import { NotesService } from '../notes/notes.service';

// Seams for what the in-call features (notes, documents, chat) give the report and the patient's record.

/**
 * Where a new report draft takes what the doctor already wrote during the visit. The notes module
 * (autosaved notes on the server) gives the findings; the other sections start empty.
 */
export abstract class VisitNotesSource {
  abstract prefill(practiceId: string, visitId: string): Promise<Partial<ReportContent>>;
}

/** The doctor's notes of the visit (autosaved on the server) become the draft's findings. */
@Injectable()
export class NotesPrefill extends VisitNotesSource {
  constructor(private readonly notes: NotesService) {
    super();
  }

  async prefill(practiceId: string, visitId: string): Promise<Partial<ReportContent>> {
    const text = (await this.notes.textOf({ id: visitId, practiceId })).trim();
    return text ? { findings: text } : {};
  }
}

/** How many documents and chat messages each visit has, for the patient's record (null: not on this server yet). */
export abstract class VisitRecordExtras {
  abstract counts(practiceId: string, visitIds: string[]): Promise<{ documents: Map<string, number> | null; chat: Map<string, number> | null }>;
}

export class NoVisitRecordExtras extends VisitRecordExtras {
  counts(): Promise<{ documents: Map<string, number> | null; chat: Map<string, number> | null }> {
    return Promise.resolve({ documents: null, chat: null });
  }
}
