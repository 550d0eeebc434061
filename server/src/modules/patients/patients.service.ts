import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { DuplicatePair, PatientDetail, PatientInput, PatientListItem, PatientVisitItem } from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { Keyring } from '../keys/keyring';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { normalizeName, normalizePhone, parseSearchDate } from './normalize';
import { toPatientView, type Patient, type PatientFields } from './patient';
import type { PatientEntity } from './patient.entity';
import { PatientVault } from './patient-vault';
import { PatientException, PatientExceptionCode } from './patients.exception';
import { PatientsRepository } from './patients.repository';
import { PatientVisitsRepository } from './patient-visits.repository';

const MAX_CANDIDATES = 500;
const MAX_RESULTS = 20;

type ParsedInput = Omit<PatientInput, 'birthName' | 'sex' | 'phone' | 'email' | 'preferredLanguage'> & Partial<Pick<PatientInput, 'birthName' | 'sex' | 'phone' | 'email' | 'preferredLanguage'>>;

/**
 * The practice's patient directory: one record per person, found by name, date of birth or phone
 * (through blind indexes, then filtered on the decrypted values), reused when a visit is booked, likely
 * duplicates flagged to staff (never merged silently). Only doctors and assistants use it.
 */
@Injectable()
export class PatientsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Patients');

  constructor(
    private readonly patients: PatientsRepository,
    private readonly visits: PatientVisitsRepository,
    private readonly vault: PatientVault,
    private readonly keyring: Keyring,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  /** Rows written before encryption existed are encrypted at the first boot that has the master key. */
  async onApplicationBootstrap(): Promise<void> {
    await this.keyring.ready();
    let done = 0;
    for (;;) {
      const rows = await this.patients.clearRows(200);
      if (rows.length === 0) break;
      for (const r of rows) {
        const text = (k: string) => (r[k] == null ? null : String(r[k]));
        const fields = {
          firstName: text('first_name')!, lastName: text('last_name')!, birthName: text('birth_name'), birthDate: text('birth_date')!.slice(0, 10),
          phone: text('phone'), email: text('email'), ins: text('ins'), insuredNir: text('insured_nir'), regularDoctorRpps: text('regular_doctor_rpps'),
        };
        await this.patients.update(String(r.id), await this.vault.seal(String(r.practice_id), String(r.id), fields));
        done++;
      }
    }
    if (done) this.logger.log(`encrypted ${done} patient records written before encryption`);
  }

  async search(actor: Actor, q: string): Promise<PatientListItem[]> {
    this.access.requireCare(actor);
    const terms = parseQuery(q);
    if (!terms.names.length && !terms.dates.length && !terms.phones.length) throw new PatientException(PatientExceptionCode.SEARCH_TOO_SHORT);
    const h = (kind: 'p3' | 'dob' | 'phone', v: string) => this.vault.hash(actor.practiceId, kind, v);
    const rows = await this.patients.candidates(
      actor.practiceId,
      {
        p3: await Promise.all(terms.names.map((n) => h('p3', n.slice(0, 3)))),
        dob: await Promise.all(terms.dates.map((d) => h('dob', d))),
        phone: await Promise.all(terms.phones.map((p) => h('phone', p))),
      },
      MAX_CANDIDATES,
    );
    const found = (await this.vault.openMany(rows)).filter((p) => matches(p, terms)).sort(byName).slice(0, MAX_RESULTS);
    const counts = await this.patients.duplicateCounts(actor.practiceId, found.map((p) => p.id));
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'patients.searched', detail: { results: found.length } });
    return found.map((p) => ({ ...toPatientView(p), possibleDuplicates: counts.get(p.id) ?? 0 }));
  }

  async create(actor: Actor, input: ParsedInput): Promise<PatientDetail> {
    this.access.requireCare(actor);
    const id = await this.db.transaction(() => this.insert(byStaff(actor), input));
    return this.get(actor, id);
  }

  async get(actor: Actor, patientId: string): Promise<PatientDetail> {
    const row = await this.access.patient(actor, patientId, 'care');
    const patient = await this.vault.open(row);
    const duplicates = await this.patients.duplicatesOf(row);
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'patient.viewed', detail: { patientId } });
    return {
      ...toPatientView(patient),
      createdAt: patient.createdAt.toISOString(),
      possibleDuplicates: await Promise.all(duplicates.map(async (d) => ({ ...toPatientView(await this.vault.open(d.row)), reason: d.reason }))),
    };
  }

  async update(actor: Actor, patientId: string, input: ParsedInput): Promise<PatientDetail> {
    const row = await this.access.patient(actor, patientId, 'care');
    const current = await this.vault.open(row);
    const fields = fieldsOf(input);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== current[k]);
    const all: PatientFields = { ...current, ...fields };
    await this.db.transaction(async () => {
      await this.patients.update(row.id, await this.vault.seal(row.practiceId, row.id, fields, all));
      // Which fields changed, never their values.
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'patient.updated', detail: { patientId, fields: changed } });
    });
    return this.get(actor, patientId);
  }

  async visitsOf(actor: Actor, patientId: string): Promise<PatientVisitItem[]> {
    const row = await this.access.patient(actor, patientId, 'care');
    const visits = await this.visits.ofPatient(row.practiceId, row.id);
    return visits.map((v) => ({
      id: v.id,
      status: v.status,
      scheduledAt: v.scheduledAt.toISOString(),
      startedAt: v.startedAt?.toISOString() ?? null,
      endedAt: v.endedAt?.toISOString() ?? null,
      doctor: { id: v.doctor.id, displayName: v.doctor.displayName },
    }));
  }

  async duplicates(actor: Actor): Promise<DuplicatePair[]> {
    this.access.requireCare(actor);
    const pairs = await this.patients.duplicatePairs(actor.practiceId, 100);
    const rows = new Map((await this.patients.byIds([...new Set(pairs.flatMap((p) => [p.a, p.b]))])).map((r) => [r.id, r]));
    const opened = new Map((await this.vault.openMany([...rows.values()])).map((p) => [p.id, toPatientView(p)]));
    return pairs.map((p) => ({ a: opened.get(p.a)!, b: opened.get(p.b)!, reason: p.reason }));
  }

  /** Staff compared two records and they are different people: they are no longer flagged. */
  async markNotDuplicate(actor: Actor, patientId: string, otherId: string): Promise<void> {
    const a = await this.access.patient(actor, patientId, 'care');
    const b = await this.access.patient(actor, otherId, 'care');
    if (a.id === b.id) throw new PatientException(PatientExceptionCode.SAME_PATIENT);
    await this.db.transaction(async () => {
      await this.patients.markDistinct(actor.practiceId, a.id, b.id, actor.userId);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'patient.marked_distinct', detail: { patientId: a.id, otherId: b.id } });
    });
  }

  /**
   * The patient of a new visit, inside its transaction (the caller's `db.transaction`): the directory's record when one has exactly
   * these first name, last name and date of birth (reused); otherwise a new record (flagged if it looks
   * like another). Several exact matches: staff must pick one.
   */
  async forNewVisit(actor: Actor, input: ParsedInput): Promise<{ patientId: string; reused: boolean }> {
    const h = (kind: 'first' | 'last' | 'dob', v: string) => this.vault.hash(actor.practiceId, kind, v);
    const exact = await this.patients.exactMatches(
      actor.practiceId,
      { first: await h('first', normalizeName(input.firstName)), last: await h('last', normalizeName(input.lastName)), dob: await h('dob', input.birthDate) },
    );
    if (exact.length > 1) throw new PatientException(PatientExceptionCode.PATIENT_MATCHES_SEVERAL);
    if (exact.length === 1) return { patientId: exact[0]!.id, reused: true };
    return { patientId: await this.insert(byStaff(actor), input), reused: false };
  }

  /**
   * The patient of a booking made on the public page (no account), inside its transaction: the
   * directory's record only when names, date of birth **and** the phone or e-mail typed match it (so a
   * stranger who knows someone's name and birth date cannot attach a visit to their record, nor have it
   * sent to their address); otherwise a new record, which the directory flags as a likely duplicate of
   * the same-named one for staff to compare (never merged).
   */
  async forPublicBooking(practiceId: string, input: ParsedInput): Promise<{ patientId: string; reused: boolean }> {
    const h = (kind: 'first' | 'last' | 'dob', v: string) => this.vault.hash(practiceId, kind, v);
    const exact = await this.patients.exactMatches(practiceId, { first: await h('first', normalizeName(input.firstName)), last: await h('last', normalizeName(input.lastName)), dob: await h('dob', input.birthDate) });
    const typed = fieldsOf(input);
    for (const row of exact) {
      const p = await this.vault.open(row);
      const sameEmail = !!typed.email && p.email === typed.email;
      const samePhone = !!typed.phone && !!p.phone && normalizePhone(p.phone) === normalizePhone(typed.phone);
      if (exact.length === 1 && (sameEmail || samePhone)) return { patientId: row.id, reused: true };
    }
    const id = randomUUID();
    return { patientId: await this.insert({ practiceId, actorType: 'patient', actorId: id }, input, id), reused: false };
  }

  async open(row: PatientEntity): Promise<Patient> {
    return this.vault.open(row);
  }

  private async insert(by: { practiceId: string; actorType: 'user' | 'patient'; actorId: string }, input: ParsedInput, id = randomUUID()): Promise<string> {
    const fields: PatientFields = {
      ...fieldsOf(input),
      sex: input.sex ?? 'unknown',
      ins: null, insOid: null, identityStatus: 'PROV', insuredNir: null, beneficiaryRank: 1, regularDoctorRpps: null,
    };
    await this.patients.insert({ id, practiceId: by.practiceId, ...(await this.vault.seal(by.practiceId, id, fields)) });
    await this.audit.record({ actorType: by.actorType, actorId: by.actorId, practiceId: by.practiceId, action: 'patient.created', detail: { patientId: id } });
    return id;
  }
}

const byStaff = (actor: Actor) => ({ practiceId: actor.practiceId, actorType: 'user' as const, actorId: actor.userId });

function fieldsOf(input: ParsedInput): Pick<PatientFields, 'firstName' | 'lastName' | 'birthName' | 'birthDate' | 'phone' | 'email' | 'preferredLanguage'> & Partial<Pick<PatientFields, 'sex'>> {
  return {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    birthName: input.birthName?.trim() || null,
    birthDate: input.birthDate,
    phone: input.phone?.trim() || null,
    email: input.email?.trim().toLowerCase() || null,
    preferredLanguage: input.preferredLanguage ?? 'fr',
    ...(input.sex ? { sex: input.sex } : {}),
  };
}

interface Query {
  names: string[];
  dates: string[];
  phones: string[];
}

/** Words of the query: dates of birth, phone numbers (6 digits or more) and names (3 letters or more). */
function parseQuery(q: string): Query {
  const out: Query = { names: [], dates: [], phones: [] };
  for (const token of q.split(/\s+/).filter(Boolean)) {
    const date = parseSearchDate(token);
    if (date) out.dates.push(date);
    else if (/^[+\d][\d .()-]*$/.test(token) && token.replace(/\D/g, '').length >= 6) out.phones.push(normalizePhone(token));
    else if (normalizeName(token).length >= 3) out.names.push(normalizeName(token));
  }
  return out;
}

/** Every word of the query must match: a name word as the start of a name, a date exactly, a phone by its digits. */
function matches(p: Patient, q: Query): boolean {
  const names = [p.firstName, p.lastName, p.birthName].filter((n): n is string => !!n).map(normalizeName);
  return (
    q.names.every((n) => names.some((name) => name.startsWith(n))) &&
    q.dates.every((d) => p.birthDate === d) &&
    q.phones.every((ph) => !!p.phone && normalizePhone(p.phone) === ph)
  );
}

function byName(a: Patient, b: Patient): number {
  return normalizeName(a.lastName).localeCompare(normalizeName(b.lastName)) || normalizeName(a.firstName).localeCompare(normalizeName(b.firstName));
}

