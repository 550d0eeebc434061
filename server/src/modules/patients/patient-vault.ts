import { Injectable } from '@nestjs/common';
import { Keyring } from '../keys/keyring';
import { namePrefix, normalizeName, normalizePhone } from './normalize';
import type { Patient, PatientFields } from './patient';
import type { PatientEntity } from './patient.entity';

/** Encrypted columns: field of `Patient` → column and entity property. */
const SEALED = {
  firstName: ['first_name', 'firstNameEnc'],
  lastName: ['last_name', 'lastNameEnc'],
  birthName: ['birth_name', 'birthNameEnc'],
  birthDate: ['birth_date', 'birthDateEnc'],
  phone: ['phone', 'phoneEnc'],
  email: ['email', 'emailEnc'],
  ins: ['ins', 'insEnc'],
  insuredNir: ['insured_nir', 'insuredNirEnc'],
  regularDoctorRpps: ['regular_doctor_rpps', 'regularDoctorRppsEnc'],
  regularDoctorMssante: ['regular_doctor_mssante', 'regularDoctorMssanteEnc'],
} as const satisfies Partial<Record<keyof PatientFields, readonly [string, keyof PatientEntity]>>;
type SealedField = keyof typeof SEALED;

const PLAIN = ['preferredLanguage', 'sex', 'insOid', 'identityStatus', 'beneficiaryRank'] as const;

/** Kinds of blind index (the kind is part of what is hashed, so equal values of two kinds differ). */
export type IndexKind = 'first' | 'last' | 'dob' | 'phone' | 'p3';

/**
 * The one way in and out of a patient row: identity, contact and insurance identifiers are encrypted
 * with the practice's data key (bound to the row and column), and the blind indexes are recomputed
 * from the clear values whenever names, date of birth or phone change.
 */
@Injectable()
export class PatientVault {
  constructor(private readonly keyring: Keyring) {}

  async open(row: PatientEntity): Promise<Patient> {
    const clear = {} as Record<SealedField, string | null>;
    for (const [field, [column, property]] of Object.entries(SEALED) as [SealedField, (typeof SEALED)[SealedField]][]) {
      clear[field] = await this.keyring.decryptNullable(row.practiceId, { table: 'patients', column, rowId: row.id }, row[property] as string | null);
    }
    return {
      id: row.id,
      practiceId: row.practiceId,
      createdAt: row.createdAt,
      firstName: clear.firstName!,
      lastName: clear.lastName!,
      birthName: clear.birthName,
      birthDate: clear.birthDate!,
      phone: clear.phone,
      email: clear.email,
      ins: clear.ins,
      insuredNir: clear.insuredNir,
      regularDoctorRpps: clear.regularDoctorRpps,
      regularDoctorMssante: clear.regularDoctorMssante,
      preferredLanguage: row.preferredLanguage,
      sex: row.sex,
      insOid: row.insOid,
      identityStatus: row.identityStatus,
      beneficiaryRank: row.beneficiaryRank,
    };
  }

  openMany(rows: PatientEntity[]): Promise<Patient[]> {
    return Promise.all(rows.map((r) => this.open(r)));
  }

  /**
   * The stored columns for these fields: ciphertexts of the sealed ones, plain ones as they are, and the
   * blind indexes when the fields they derive from are given (`all` = the whole record, as on insert).
   */
  async seal(practiceId: string, rowId: string, fields: Partial<PatientFields>, all: PatientFields | null = null): Promise<Partial<PatientEntity>> {
    const out: Partial<PatientEntity> = {};
    const target = out as Record<string, unknown>;
    for (const [field, [column, property]] of Object.entries(SEALED) as [SealedField, (typeof SEALED)[SealedField]][]) {
      if (field in fields) target[property] = await this.keyring.encryptNullable(practiceId, { table: 'patients', column, rowId }, (fields[field] as string | null | undefined) ?? null);
    }
    for (const field of PLAIN) if (field in fields) target[field] = fields[field];
    const merged = { ...(all ?? {}), ...fields } as Partial<PatientFields>;
    const h = (kind: IndexKind, value: string) => this.keyring.blindIndex(practiceId, kind, value);
    if ('firstName' in fields) {
      out.bidxFirst = await h('first', normalizeName(merged.firstName!));
      out.bidxFirstP3 = await h('p3', namePrefix(merged.firstName!));
    }
    if ('lastName' in fields) {
      out.bidxLast = await h('last', normalizeName(merged.lastName!));
      out.bidxLastP3 = await h('p3', namePrefix(merged.lastName!));
    }
    if ('birthName' in fields) {
      // The birth name indexes as a last name: a woman found under her birth name is the same person.
      out.bidxBirth = merged.birthName ? await h('last', normalizeName(merged.birthName)) : null;
      out.bidxBirthP3 = merged.birthName ? await h('p3', namePrefix(merged.birthName)) : null;
    }
    if ('birthDate' in fields) out.bidxDob = await h('dob', merged.birthDate!);
    if ('phone' in fields) out.bidxPhone = merged.phone ? await h('phone', normalizePhone(merged.phone)) : null;
    return out;
  }

  hash(practiceId: string, kind: IndexKind, normalized: string): Promise<string> {
    return this.keyring.blindIndex(practiceId, kind, normalized);
  }
}
