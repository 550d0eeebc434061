/** Texts of the billing pieces shared by the doctor's coding screen and the billing screens. */
export const CODING_FORM_TEXT = {
  code: 'Act',
  chooseCode: '— Choose the act —',
  amount: 'Amount (€)',
  amountToConfirm: 'The fee of this act is to confirm: enter the amount.',
  addOns: 'Add-ons',
  extraFee: 'Extra fee (dépassement, €)',
  extraFeeHelp: 'Sector 2 without OPTAM only. Leave empty for none.',
  location: 'Where the patient was',
  chooseLocation: '— Choose —',
  referral: 'The patient was referred by their regular doctor',
  careException: 'Exception to the care pathway',
  noException: 'None',
  exceptionReason: 'Reason',
  exceptionReasonRequired: 'Reason (required: you chose against the proposal or an exception)',
  sickNote: 'A sick note (arrêt de travail) was issued',
  sickNoteDays: 'Days of sick leave',
  inPersonImpossible: 'The patient could not be seen in person',
  otherProfessional: 'RPPS of the other professional',
  otherProfessionalHelp: {
    TE2: 'The doctor who asked for this tele-expertise.',
    assisted: 'The professional who assisted the patient.',
  },
  thirdPartyPayment: 'Tiers payant (paid directly by the Assurance Maladie)',
  coveragePercent: 'Coverage by the Assurance Maladie (%)',
};

export const RULES_TEXT = {
  noProblems: 'No problem found.',
  live: 'Checked live in your browser; checked again by Visite when saved.',
  server: 'Checked by Visite when saved.',
  noPractitioner: 'The rules cannot be checked until the billing profile is set up.',
  failed: 'The rules could not be checked here:',
  error: 'Error',
  warning: 'Warning',
};

export const IDENTITY_FORM_TEXT = {
  title: "Patient's billing identity",
  insuredNir: "Insured person's NIR (social security number)",
  insuredNirHelp: "The patient's own, or that of the person who covers them.",
  beneficiaryRank: 'Beneficiary rank',
  beneficiaryRankHelp: '1 = the insured person.',
  sex: 'Sex',
  identityStatus: 'Identity status',
  ins: 'INS',
  insOid: 'INS type (OID)',
  regularDoctorRpps: "Regular doctor's RPPS (médecin traitant)",
  selfRegularDoctor: "I am this patient's regular doctor",
  save: 'Save identity',
  saving: 'Saving…',
  saved: 'Identity saved.',
};
