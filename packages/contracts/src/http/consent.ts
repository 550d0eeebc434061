import { z } from 'zod';
import { LANGUAGES, type Language } from './practice';
import { plainText } from './common';
import { defineRoute } from './route';
import { idParams } from '../input/primitives';

/**
 * Consent (docs/consent.md). Each kind has its own text, written by the practice in French and English
 * and versioned (a change is a new version; versions are never edited). A participant gives each
 * required kind; every answer is a new row (given, then withdrawn, then given again...), never an edit.
 */
export const CONSENT_KINDS = ['teleconsultation', 'health_data', 'third_party_present'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** Who consents: the patient, or a guest the patient brings in (a relative, an interpreter). */
export const CONSENT_PARTICIPANTS = ['patient', 'guest'] as const;
export type ConsentParticipant = (typeof CONSENT_PARTICIPANTS)[number];

/** The kinds each participant must have given before any media flows. */
export const REQUIRED_CONSENT_KINDS: Record<ConsentParticipant, readonly ConsentKind[]> = {
  patient: ['teleconsultation', 'health_data'],
  guest: ['third_party_present', 'health_data'],
};

/** How an answer was given: the box ticked in the web, the button pressed in the web, or told to the doctor. */
export const CONSENT_METHODS = ['web_checkbox', 'web_button', 'oral'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CONSENT_DECISIONS = ['given', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** The wording shown: a patient without video is never asked to agree to a consultation "by video". */
export const CONSENT_WORDINGS = ['video', 'audio'] as const;
export type ConsentWording = (typeof CONSENT_WORDINGS)[number];

export const CONSENT_TITLE_MAX = 120;
export const CONSENT_BODY_MAX = 4000;

/** One language of a text: paragraphs are separated by a blank line. `audioBody`: the audio-only wording. */
export const consentTextLanguageSchema = z.strictObject({
  title: plainText(CONSENT_TITLE_MAX).min(1, 'the title is required'),
  body: plainText(CONSENT_BODY_MAX).min(1, 'the text is required'),
  audioBody: plainText(CONSENT_BODY_MAX).min(1, 'the audio-only text is required').nullable().default(null),
});
export type ConsentTextLanguage = z.output<typeof consentTextLanguageSchema>;

export const consentTextContentSchema = z.strictObject({ fr: consentTextLanguageSchema, en: consentTextLanguageSchema });
export type ConsentTextContent = z.output<typeof consentTextContentSchema>;

/** A version of a practice's text of one kind. */
export interface ConsentTextView {
  id: string;
  kind: ConsentKind;
  version: number;
  content: ConsentTextContent;
  createdAt: string;
  /** Who wrote this version; null for the default text Visite ships. */
  createdBy: string | null;
}

/** GET /api/consent-texts: the version in force of each kind, and every earlier one. */
export interface ConsentTextsView {
  current: ConsentTextView[];
  history: ConsentTextView[];
}

/** PUT /api/consent-texts/:kind (admin): a new version of that kind's text. */
export const updateConsentTextSchema = z.strictObject({ content: consentTextContentSchema });
export type UpdateConsentTextRequest = z.input<typeof updateConsentTextSchema>;
export const consentKindParams = z.object({ kind: z.enum(CONSENT_KINDS, { message: `kind must be one of ${CONSENT_KINDS.join(', ')}` }) });

/** One answer as stored. */
export interface ConsentRecordView {
  id: string;
  kind: ConsentKind;
  decision: ConsentDecision;
  textVersion: number | null;
  language: Language;
  wording: ConsentWording | null;
  method: ConsentMethod;
  /** The doctor who recorded an oral answer. */
  recordedBy: string | null;
  at: string;
}

/**
 * Where one participant stands: `given` when every required kind's latest answer is "given",
 * `withdrawn` when the latest answer of one of them is a withdrawal, `none` otherwise.
 */
export type ConsentStatus = 'none' | 'given' | 'withdrawn';

export interface ParticipantConsentState {
  participant: ConsentParticipant;
  /** The guest's id (a guest participant only). */
  guestId: string | null;
  status: ConsentStatus;
  /** The latest answer of each kind this participant answered. */
  latest: ConsentRecordView[];
}

/** A text as the patient reads it before agreeing. */
export interface ConsentTextToAccept {
  kind: ConsentKind;
  version: number;
  content: ConsentTextContent;
}

/** POST /api/join/:token/consent: the patient ticks each required text, shown in `language` with `wording`. */
export const giveConsentBodySchema = z.strictObject({
  texts: z
    .array(z.strictObject({ kind: z.enum(CONSENT_KINDS), version: z.number().int().min(1).max(1_000_000) }))
    .min(1, 'give at least one text')
    .max(CONSENT_KINDS.length),
  language: z.enum(LANGUAGES),
  wording: z.enum(CONSENT_WORDINGS),
});
export type GiveConsentRequest = z.input<typeof giveConsentBodySchema>;

/** POST /api/visits/:id/consents (the visit's doctor): the patient agreed or withdrew orally (on the phone, in the call). */
export const recordOralConsentSchema = z.strictObject({
  decision: z.enum(CONSENT_DECISIONS),
  language: z.enum(LANGUAGES),
  wording: z.enum(CONSENT_WORDINGS),
});
export type RecordOralConsentRequest = z.input<typeof recordOralConsentSchema>;

export const consentRoutes = {
  texts: defineRoute<ConsentTextsView>()({ method: 'GET', path: '/api/consent-texts', access: 'staff' }),
  updateText: defineRoute<ConsentTextView>()({ method: 'PUT', path: '/api/consent-texts/:kind', params: consentKindParams, body: updateConsentTextSchema, access: 'staff' }),
  recordOral: defineRoute<ParticipantConsentState>()({ method: 'POST', path: '/api/visits/:id/consents', params: idParams, body: recordOralConsentSchema, access: 'staff' }),
} as const;
