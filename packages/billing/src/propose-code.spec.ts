import type { PractitionerBilling } from '@visite/contracts';
import { proposeCode } from './propose-code';

const DATE = '2026-03-10';

function practitioner(overrides: Partial<PractitionerBilling> = {}): PractitionerBilling {
  return {
    rpps: '10003456789',
    amNumber: '751234567',
    profession: 'physician',
    specialty: 'general_practice',
    sector: '1',
    optam: false,
    firstName: 'Claire',
    lastName: 'Martin',
    ...overrides,
  };
}

describe('proposeCode', () => {
  it('proposes nothing without a billing profile', () => {
    const proposal = proposeCode(null, 'video', DATE);
    expect(proposal).toMatchObject({ code: null, amountCents: null });
    expect(proposal.reason).toMatch(/^no billing profile/);
  });

  it('proposes nothing outside the convention', () => {
    const proposal = proposeCode(practitioner({ sector: 'non_conventionne' }), 'video', DATE);
    expect(proposal).toMatchObject({ code: null, amountCents: null });
    expect(proposal.reason).toContain('non conventionné');
  });

  it('proposes nothing for an audio-only visit, citing F1', () => {
    expect(proposeCode(practitioner(), 'audio', DATE)).toEqual({
      code: null,
      amountCents: null,
      reason: 'audio only: not billable as a teleconsultation (F1)',
    });
  });

  it('proposes nothing when no media went both ways, citing F1', () => {
    expect(proposeCode(practitioner(), 'none', DATE)).toMatchObject({ code: null, amountCents: null, reason: expect.stringContaining('no media went both ways') });
  });

  it('proposes nothing while the modality is not recorded, citing F1', () => {
    const proposal = proposeCode(practitioner(), null, DATE);
    expect(proposal).toMatchObject({ code: null, amountCents: null });
    expect(proposal.reason).toContain('(F1)');
  });

  it('proposes TCG at 25.00 EUR to a GP in sector 1, with OPTAM', () => {
    expect(proposeCode(practitioner(), 'video', DATE)).toMatchObject({ code: 'TCG', amountCents: 2500 });
    expect(proposeCode(practitioner({ sector: '2', optam: true }), 'video', DATE)).toMatchObject({ code: 'TCG', amountCents: 2500 });
  });

  it('proposes TC to sector 2 doctors without OPTAM, GP or specialist, priced on the date', () => {
    expect(proposeCode(practitioner({ sector: '2' }), 'video', DATE)).toMatchObject({ code: 'TC', amountCents: 3000 });
    expect(proposeCode(practitioner({ sector: '2', specialty: 'psychiatry' }), 'video', DATE)).toMatchObject({ code: 'TC', amountCents: 3000 });
    expect(proposeCode(practitioner({ sector: '2' }), 'video', '2024-12-21')).toMatchObject({ code: 'TC', amountCents: 2500 });
  });

  it('proposes TCS without an amount (to confirm) to specialists in sector 1 or OPTAM', () => {
    const proposal = proposeCode(practitioner({ specialty: 'other_specialty' }), 'video', DATE);
    expect(proposal).toMatchObject({ code: 'TCS', amountCents: null });
    expect(proposal.reason).toContain('not confirmed');
    expect(proposeCode(practitioner({ specialty: 'pediatrics', sector: '2', optam: true }), 'video', DATE)).toMatchObject({ code: 'TCS', amountCents: null });
  });

  it('proposes no code when it is not in force on the date (TCS before 2025)', () => {
    const proposal = proposeCode(practitioner({ specialty: 'gynecology' }), 'video', '2024-06-01');
    expect(proposal).toMatchObject({ code: null, amountCents: null });
    expect(proposal.reason).toContain('TCS is not in the fee table on 2024-06-01 (F12)');
  });

  it('asks for the specialty when a physician has none set', () => {
    expect(proposeCode(practitioner({ specialty: 'none' }), 'video', DATE)).toMatchObject({ code: null, amountCents: null });
  });

  it('proposes TLS to a nurse', () => {
    expect(proposeCode(practitioner({ profession: 'nurse', specialty: 'none' }), 'video', DATE)).toMatchObject({ code: 'TLS', amountCents: 1000 });
  });

  it('proposes nothing to a midwife or another profession for a video visit', () => {
    expect(proposeCode(practitioner({ profession: 'midwife', specialty: 'none' }), 'video', DATE)).toMatchObject({ code: null });
    expect(proposeCode(practitioner({ profession: 'other', specialty: 'none' }), 'video', DATE)).toMatchObject({ code: null });
  });

  it('proposes TE2 to a physician for an asynchronous exchange, priced on the date', () => {
    expect(proposeCode(practitioner(), 'asynchronous', DATE)).toMatchObject({ code: 'TE2', amountCents: 2300 });
    expect(proposeCode(practitioner({ sector: '2', specialty: 'other_specialty' }), 'asynchronous', '2025-12-31')).toMatchObject({ code: 'TE2', amountCents: 2000 });
  });

  it('proposes nothing to a non-physician for an asynchronous exchange, pointing to RQD', () => {
    const proposal = proposeCode(practitioner({ profession: 'nurse', specialty: 'none' }), 'asynchronous', DATE);
    expect(proposal).toMatchObject({ code: null, amountCents: null });
    expect(proposal.reason).toContain('RQD');
  });
});
