import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  BILLING_LINE_STATES, CARE_PATHWAY_EXCEPTIONS, EXPORT_FORMATS, IDENTITY_STATUSES, INS_OID_NIA, INS_OID_NIR, MODALITIES, PATIENT_LOCATIONS,
  PROFESSIONS, SECTORS, SPECIALTIES,
} from '@visite/contracts';
import { IsIsoDate } from '../../common/validation/is-iso-date';
import type {
  AddOn, BillingLineState, BillingLinesQuery, CarePathwayException, CreateBatchRequest, ExportFormat, IdentityStatus, InsOid, LineCoding,
  Modality, ModalityCorrection, PatientIdentityUpdate, PatientLocation, PractitionerProfileUpdate, Profession, Sector, SickNote, Specialty,
  VoidLineRequest,
} from '@visite/contracts';

const ACT_CODE = /^[A-Z0-9]{1,8}$/;
/** 13 characters (digits, or 2A/2B for Corsica at positions 6-7) and a 2-digit key; F9 and F10 check the key. */
const NIR_SHAPE = /^[0-9]{5}[0-9AB][0-9]{9}$/;
const RPPS = /^[0-9]{11}$/;
const MAX_CENTS = 1_000_000;

export class AddOnDto implements AddOn {
  @Matches(ACT_CODE, { message: 'addOns.code must be an act code such as MOP' })
  code: string;

  @IsInt() @Min(0) @Max(MAX_CENTS)
  amountCents: number;
}

export class SickNoteDto implements SickNote {
  @IsInt() @Min(1) @Max(365)
  days: number;

  @IsBoolean()
  inPersonImpossible: boolean;
}

export class LineCodingDto implements LineCoding {
  @Matches(ACT_CODE, { message: 'code must be an act code such as TCG' })
  code: string;

  @IsInt({ message: 'amountCents must be a whole number of cents' }) @Min(0) @Max(MAX_CENTS)
  amountCents: number;

  @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => AddOnDto)
  addOns: AddOnDto[];

  @IsInt() @Min(0) @Max(MAX_CENTS)
  extraFeeCents: number;

  @IsOptional() @Matches(RPPS, { message: 'otherProfessionalRpps must be an RPPS number (11 digits)' })
  otherProfessionalRpps: string | null;

  @IsBoolean()
  thirdPartyPayment: boolean;

  @IsInt() @Min(0) @Max(100)
  coveragePercent: number;

  @IsBoolean()
  referral: boolean;

  @IsOptional() @IsIn(CARE_PATHWAY_EXCEPTIONS)
  careException: CarePathwayException | null;

  @IsOptional() @IsString() @MaxLength(500)
  exceptionReason: string | null;

  @IsOptional() @ValidateNested() @Type(() => SickNoteDto)
  sickNote: SickNoteDto | null;

  @IsOptional() @IsIn(PATIENT_LOCATIONS)
  patientLocation: PatientLocation | null;
}

export class PatientIdentityDto implements PatientIdentityUpdate {
  @IsIn(['male', 'female', 'unknown'])
  sex: 'male' | 'female' | 'unknown';

  @IsOptional() @Matches(NIR_SHAPE, { message: 'ins must be 15 characters: a NIR or NIA of 13 (2A/2B allowed for Corsica) and its 2-digit key' })
  ins: string | null;

  @IsOptional() @IsIn([INS_OID_NIR, INS_OID_NIA], { message: `insOid must be ${INS_OID_NIR} (NIR) or ${INS_OID_NIA} (NIA)` })
  insOid: InsOid | null;

  @IsIn(IDENTITY_STATUSES)
  identityStatus: IdentityStatus;

  @IsOptional() @Matches(NIR_SHAPE, { message: 'insuredNir must be 15 characters: 13 (2A/2B allowed for Corsica) and a 2-digit key' })
  insuredNir: string | null;

  @IsInt() @Min(1) @Max(99)
  beneficiaryRank: number;

  @IsOptional() @Matches(RPPS, { message: 'regularDoctorRpps must be an RPPS number (11 digits)' })
  regularDoctorRpps: string | null;
}

export class ModalityCorrectionDto implements ModalityCorrection {
  @IsIn(MODALITIES)
  modality: Modality;

  @IsString() @IsNotEmpty({ message: 'give the reason for recording the modality' }) @MaxLength(500)
  reason: string;
}

export class VoidLineDto implements VoidLineRequest {
  @IsString() @IsNotEmpty({ message: 'give the reason for voiding the line' }) @MaxLength(500)
  reason: string;
}

export class DeclaredActsDto {
  @IsInt() @Min(2000) @Max(2100)
  year: number;

  @IsInt() @Min(0) @Max(1_000_000)
  total: number;
}

export class PractitionerProfileDto implements PractitionerProfileUpdate {
  @Matches(RPPS, { message: 'rpps must be 11 digits' })
  rpps: string;

  @Matches(/^[0-9]{9}$/, { message: 'amNumber must be 9 digits' })
  amNumber: string;

  @IsIn(PROFESSIONS)
  profession: Profession;

  @IsIn(SPECIALTIES)
  specialty: Specialty;

  @IsIn(SECTORS)
  sector: Sector;

  @IsBoolean()
  optam: boolean;

  @IsString() @IsNotEmpty() @MaxLength(100)
  firstName: string;

  @IsString() @IsNotEmpty() @MaxLength(100)
  lastName: string;

  @IsOptional() @ValidateNested() @Type(() => DeclaredActsDto)
  declaredActs: DeclaredActsDto | null;
}

export class CreateBatchDto implements CreateBatchRequest {
  @IsIsoDate()
  from: string;

  @IsIsoDate()
  to: string;

  @IsOptional() @IsUUID('4')
  doctorId?: string;
}

export class LinesQueryDto implements BillingLinesQuery {
  @IsOptional() @IsIsoDate()
  from?: string;

  @IsOptional() @IsIsoDate()
  to?: string;

  @IsOptional() @IsUUID('4')
  doctorId?: string;

  @IsOptional() @IsIn(BILLING_LINE_STATES)
  state?: BillingLineState;

  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class ExportQueryDto {
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat;
}
