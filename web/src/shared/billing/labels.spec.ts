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
import {
  CARE_EXCEPTION_LABELS,
  EXPORT_FORMAT_LABELS,
  IDENTITY_STATUS_LABELS,
  MODALITY_LABELS,
  modalityLabel,
  optionsOf,
  PATIENT_LOCATION_LABELS,
  PROFESSION_LABELS,
  SECTOR_LABELS,
  SPECIALTY_LABELS,
  STATE_LABELS,
} from './labels';

describe('billing labels', () => {
  it.each([
    ['modalities', MODALITIES, MODALITY_LABELS],
    ['states', BILLING_LINE_STATES, STATE_LABELS],
    ['locations', PATIENT_LOCATIONS, PATIENT_LOCATION_LABELS],
    ['care exceptions', CARE_PATHWAY_EXCEPTIONS, CARE_EXCEPTION_LABELS],
    ['identity statuses', IDENTITY_STATUSES, IDENTITY_STATUS_LABELS],
    ['professions', PROFESSIONS, PROFESSION_LABELS],
    ['specialties', SPECIALTIES, SPECIALTY_LABELS],
    ['sectors', SECTORS, SECTOR_LABELS],
    ['export formats', EXPORT_FORMATS, EXPORT_FORMAT_LABELS],
  ] as [string, readonly string[], Record<string, string>][])('label every one of the %s', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) expect(labels[value]?.trim()).toBeTruthy();
  });

  it('says "video" or "audio" for the recorded modality, and when nothing was recorded', () => {
    expect(modalityLabel('video')).toContain('video');
    expect(modalityLabel('audio')).toContain('audio');
    expect(modalityLabel(null)).toBe('not recorded');
  });

  it('writes the states the way the screens and tests read them', () => {
    expect(STATE_LABELS.to_review).toBe('to review');
    expect(STATE_LABELS.blocked).toBe('blocked');
    expect(STATE_LABELS.ready).toBe('ready');
  });

  it('builds select options in the order of the list', () => {
    expect(optionsOf(SECTORS, SECTOR_LABELS).map((o) => o.value)).toEqual(['1', '2', 'non_conventionne']);
  });
});
