import type { CodeProposal, Modality, PractitionerBilling } from '@visite/contracts';
import { feeOn, formatCents } from './fee-table';

/**
 * The code the coding screen proposes from the practitioner's billing profile and the visit's modality.
 * A proposal, not a decision: the doctor may choose another code, and the rules (F1-F13) judge the line.
 */
export function proposeCode(practitioner: PractitionerBilling | null, modality: Modality | null, dateOfService: string): CodeProposal {
  if (!practitioner) {
    return none('no billing profile: billing staff must set up the practitioner\'s profession, sector and numbers before a code can be proposed');
  }
  if (practitioner.sector === 'non_conventionne') {
    return none('not under the convention (non conventionné): no teleconsultation code is reimbursable');
  }
  switch (modality) {
    case null:
      return none("the visit's modality was not recorded: a teleconsultation needs video (F1); a biller must record what happened");
    case 'audio':
      return none('audio only: not billable as a teleconsultation (F1)');
    case 'none':
      return none('no media went both ways: the consultation did not take place by video (F1)');
    case 'asynchronous':
      return proposeForAsynchronous(practitioner, dateOfService);
    case 'video':
      return proposeForVideo(practitioner, dateOfService);
  }
}

function none(reason: string): CodeProposal {
  return { code: null, amountCents: null, reason };
}

/** The code with its fee on the date, or no code when the table has no entry for it that day (F12). */
function propose(code: string, dateOfService: string, reason: string): CodeProposal {
  const fee = feeOn(code, dateOfService);
  if (!fee) return none(`${reason}, but ${code} is not in the fee table on ${dateOfService} (F12)`);
  if (fee.amountCents === null) {
    return { code, amountCents: null, reason: `${reason}; its fee on ${dateOfService} is not confirmed in the fee table: enter the amount` };
  }
  return { code, amountCents: fee.amountCents, reason: `${reason} (${formatCents(fee.amountCents)})` };
}

function proposeForAsynchronous(practitioner: PractitionerBilling, dateOfService: string): CodeProposal {
  if (practitioner.profession !== 'physician') {
    return none(`asynchronous exchange: télé-expertise is billed by the physician giving the opinion (TE2); a ${practitioner.profession} who asked for it bills RQD`);
  }
  return propose('TE2', dateOfService, 'asynchronous exchange: télé-expertise by the doctor giving the opinion (TE2)');
}

function proposeForVideo(practitioner: PractitionerBilling, dateOfService: string): CodeProposal {
  const { profession, specialty, sector, optam } = practitioner;
  if (profession === 'nurse') {
    return propose('TLS', dateOfService, "nurse assisting a doctor's teleconsultation during a planned visit (TLS; TLL in a dedicated place, TLD at a home visit arranged for it)");
  }
  if (profession !== 'physician') {
    return none(`no teleconsultation code for a ${profession} in the fee table`);
  }
  if (sector === '2' && !optam) {
    return propose('TC', dateOfService, 'sector 2 without OPTAM: teleconsultation at the fee of the matching in-person consultation (TC), extra fees allowed');
  }
  if (specialty === 'general_practice') {
    return propose('TCG', dateOfService, `general practitioner, sector ${sector}${optam ? ' with OPTAM' : ''}: GP teleconsultation (TCG)`);
  }
  if (specialty === 'none') {
    return none("the physician's specialty is not set in the billing profile: set it to propose TCG or TCS");
  }
  return propose('TCS', dateOfService, `specialist, sector ${sector}${optam ? ' with OPTAM' : ''}: specialist teleconsultation (TCS)`);
}
