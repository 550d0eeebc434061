import {
  BILLING_LINE_STATES,
  CARE_PATHWAY_EXCEPTIONS,
  EXPORT_FORMATS,
  IDENTITY_STATUSES,
  MODALITIES,
  PATIENT_LOCATIONS,
  PROFESSIONS,
  SECTORS,
  SPECIALTIES,
} from '@visite/contracts';
import { LANGUAGES, RESOURCES, t } from '@visite/i18n';

const SEXES = ['female', 'male', 'unknown'];

describe('billing terms (billing-terms catalogue)', () => {
  it.each([
    ['modality', [...MODALITIES, 'notRecorded']],
    ['state', BILLING_LINE_STATES],
    ['location', PATIENT_LOCATIONS],
    ['exception', CARE_PATHWAY_EXCEPTIONS],
    ['identityStatus', IDENTITY_STATUSES],
    ['profession', PROFESSIONS],
    ['specialty', SPECIALTIES],
    ['sector', SECTORS],
    ['sex', SEXES],
    ['exportFormat', EXPORT_FORMATS],
  ] as [string, readonly string[]][])('label every %s of the contracts, in each language', (group, values) => {
    for (const lng of LANGUAGES) {
      const labels = (RESOURCES[lng]['billing-terms'] as unknown as Record<string, Record<string, string>>)[group];
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const value of values) expect(labels[value]?.trim()).toBeTruthy();
    }
  });

  it('writes the states the way the screens and tests read them', () => {
    expect(t('fr', 'billing-terms:state.to_review')).toBe('à revoir');
    expect(t('fr', 'billing-terms:state.blocked')).toBe('bloquée');
    expect(t('fr', 'billing-terms:state.ready')).toBe('prête');
    expect(t('en', 'billing-terms:state.to_review')).toBe('to review');
    expect(t('en', 'billing-terms:state.ready')).toBe('ready');
  });

  it('says "vidéo" / "video" or "audio" for the recorded modality, and when nothing was recorded', () => {
    expect(t('fr', 'billing-terms:modality.video')).toBe('vidéo');
    expect(t('en', 'billing-terms:modality.audio')).toContain('audio');
    expect(t('fr', 'billing-terms:modality.notRecorded')).toBe('non enregistrée');
    expect(t('en', 'billing-terms:modality.notRecorded')).toBe('not recorded');
    expect(t('fr', 'billing-terms:modality.none')).toBe('aucun média échangé');
    expect(t('en', 'billing-terms:modality.none')).toBe('no media exchanged');
  });
});
