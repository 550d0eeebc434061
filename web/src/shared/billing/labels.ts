import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BillingLineState,
  CarePathwayException,
  ExportFormat,
  IdentityStatus,
  InsOid,
  Modality,
  PatientBilling,
  PatientLocation,
  Profession,
  Sector,
  Specialty,
} from '@visite/contracts';
import { INS_OID_NIR } from '@visite/contracts';

/**
 * Human labels of the billing vocabulary, from the `billing-terms` catalogue in the chosen language. The
 * keys are typed from the contracts' unions, so a new value without a text in the catalogue does not compile.
 */
export interface BillingTerms {
  /** Lower case on purpose: read inside sentences ("Modality recorded: audio only"); null: not recorded. */
  modality: (modality: Modality | null) => string;
  /** Lower case: the screens print "State: to review". */
  state: (state: BillingLineState) => string;
  location: (location: PatientLocation) => string;
  exception: (exception: CarePathwayException) => string;
  identityStatus: (status: IdentityStatus) => string;
  insOid: (oid: InsOid) => string;
  sex: (sex: PatientBilling['sex']) => string;
  profession: (profession: Profession) => string;
  specialty: (specialty: Specialty) => string;
  sector: (sector: Sector) => string;
  exportFormat: (format: ExportFormat) => string;
}

export function useBillingTerms(): BillingTerms {
  const { t } = useTranslation('billing-terms');
  return useMemo(
    () => ({
      modality: (modality) => t(`modality.${modality ?? 'notRecorded'}`),
      state: (state) => t(`state.${state}`),
      location: (location) => t(`location.${location}`),
      exception: (exception) => t(`exception.${exception}`),
      identityStatus: (status) => t(`identityStatus.${status}`),
      insOid: (oid) => t(oid === INS_OID_NIR ? 'insOid.nir' : 'insOid.nia'),
      sex: (sex) => t(`sex.${sex}`),
      profession: (profession) => t(`profession.${profession}`),
      specialty: (specialty) => t(`specialty.${specialty}`),
      sector: (sector) => t(`sector.${sector}`),
      exportFormat: (format) => t(`exportFormat.${format}`),
    }),
    [t],
  );
}
