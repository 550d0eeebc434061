import { hash } from 'node:crypto';
import { INS_OID_NIR, type Profession } from '@visite/contracts';
import type { ExportBatchHeader, ExportLine } from './export-line';
import { exportableIns } from '@visite/billing';
import { centsToDecimal, flat, jsonString, LINE_CURRENCY, TextSink } from './format';

/**
 * What the French and US FHIR R4 exports share: code systems, deterministic UUIDs, references and
 * other JSON fragments, the streamed transaction Bundle and the resources both carry (Patient,
 * Practitioner, PractitionerRole, Coverage, Encounter). render-fhir-fr.ts adds ChargeItems,
 * render-fhir-us.ts adds a Claim per line. See docs/billing-export.md for the mapping tables.
 *
 * Resources written once per distinct person (Patient, Practitioner, PractitionerRole, Coverage) are
 * built as objects and JSON.stringify'd. Resources written for every line (Encounter, ChargeItem,
 * Claim) are written as JSON text from fragments: JSON.stringify of nested objects was most of the cost
 * of a FHIR export (measured 2-3x slower). The FHIR specs validate both kinds against the R4 definitions.
 */

/**
 * Namespace of the code systems, identifier systems and extensions Visite defines itself (NGAP acts,
 * modality, specialty, AM number, sector...). TO CONFIRM: the project has no canonical FHIR base yet;
 * change it here only (and in the docs), it is part of the exported format.
 */
export const VISITE_FHIR_BASE = 'https://visite.example.org/fhir';

export const SYSTEMS = {
  /** RFC 3986 URIs as identifiers: our identifiers are `urn:uuid:<uuid>`. */
  uri: 'urn:ietf:rfc:3986',
  /** INS-NIR and INS-NIA (ANS/RNIV), as urn:oid (FR Core Patient INS slices). */
  insNir: 'urn:oid:1.2.250.1.213.1.4.8',
  insNia: 'urn:oid:1.2.250.1.213.1.4.9',
  /** idNatPs: national practitioner id (ANS), value "8" + RPPS for RPPS holders (FR Core / Annuaire santé). */
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  /** RPPS number itself (FR Core / Annuaire santé Practitioner "rpps" slice). */
  rpps: 'https://rpps.esante.gouv.fr',
  /** FR Core identifier types (INS-NIR, INS-NIA, IDNPS, RPPS). */
  frIdentifierType: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203',
  /** ANS nomenclature TRE-G15 ProfessionSante (10 = Médecin; 50 = Sage-Femme and 60 = Infirmier to confirm). */
  professionG15: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  /** TO CONFIRM: no official FHIR code system for NGAP acts was found; ours until one exists. */
  ngap: `${VISITE_FHIR_BASE}/CodeSystem/ngap`,
  /** Visite's own charge codes (the extra fee, "dépassement"). */
  charge: `${VISITE_FHIR_BASE}/CodeSystem/charge`,
  modality: `${VISITE_FHIR_BASE}/CodeSystem/modality`,
  specialty: `${VISITE_FHIR_BASE}/CodeSystem/specialty`,
  profession: `${VISITE_FHIR_BASE}/CodeSystem/profession`,
  /** TO CONFIRM: the Assurance Maladie practitioner number has no FHIR identifier system we know of. */
  amNumber: `${VISITE_FHIR_BASE}/sid/am-number`,
} as const;

export const EXTENSIONS = {
  sector: `${VISITE_FHIR_BASE}/StructureDefinition/convention-sector`,
  optam: `${VISITE_FHIR_BASE}/StructureDefinition/optam`,
  thirdPartyPayment: `${VISITE_FHIR_BASE}/StructureDefinition/third-party-payment`,
  coveragePercent: `${VISITE_FHIR_BASE}/StructureDefinition/coverage-percent`,
  referral: `${VISITE_FHIR_BASE}/StructureDefinition/care-pathway-referral`,
  careException: `${VISITE_FHIR_BASE}/StructureDefinition/care-pathway-exception`,
  patientLocation: `${VISITE_FHIR_BASE}/StructureDefinition/patient-location`,
  replacesLine: `${VISITE_FHIR_BASE}/StructureDefinition/replaces-line`,
} as const;

// --- deterministic UUIDs ------------------------------------------------------------------------

/** Namespace of the name-based (v5) UUIDs of resources derived from an entity. Part of the format: never change it. */
export const EXPORT_UUID_NAMESPACE = '9bf866ac-eab5-4db0-b768-adac177db58b';

const HEX = '0123456789abcdef';
/** Namespace bytes then the name, in one reused buffer hashed in one call (no Hash object per UUID). */
let nameBuffer = Buffer.alloc(256);
let bufferNamespace = '';

/** RFC 9562 UUID version 5 (SHA-1) of `name` in `namespace` (defaults to EXPORT_UUID_NAMESPACE). */
export function uuidV5(name: string, namespace: string = EXPORT_UUID_NAMESPACE): string {
  if (16 + name.length * 3 > nameBuffer.length) {
    nameBuffer = Buffer.alloc(16 + name.length * 3);
    bufferNamespace = '';
  }
  if (namespace !== bufferNamespace) {
    nameBuffer.write(namespace.replace(/-/g, ''), 0, 16, 'hex');
    bufferNamespace = namespace;
  }
  const length = 16 + nameBuffer.write(name, 16, 'utf8');
  const hex = hash('sha1', nameBuffer.subarray(0, length), 'hex');
  const variant = HEX[(parseInt(hex[16], 16) & 0x3) | 0x8];
  return flat(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `urn:uuid:<id>` for an entity id that is a UUID (database ids are); throws otherwise. */
export function entityUrn(id: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw new TypeError(`FHIR export: id "${String(id)}" is not a UUID`);
  return 'urn:uuid:' + id.toLowerCase();
}

/** `urn:uuid:<v5 of name>` for a resource derived from an entity (e.g. "Encounter/<line id>"). */
export function derivedUrn(name: string): string {
  return 'urn:uuid:' + uuidV5(name);
}

// --- JSON values and fragments ----------------------------------------------------------------------

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type FhirResource = { resourceType: string } & { [key: string]: Json | undefined };

/** Our own identifier of a resource: `urn:ietf:rfc:3986|urn:uuid:...`. */
export function uriIdentifier(urn: string): { system: string; value: string } {
  return { system: SYSTEMS.uri, value: urn };
}

export function coding(system: string, code: string, display?: string): { coding: Json[] } {
  return display === undefined ? { coding: [{ system, code }] } : { coding: [{ system, code, display }] };
}

/** HumanName with what is there (FHIR strings may not be empty), or undefined. */
export function humanName(family: string, given: string): Json[] | undefined {
  if (family === '' && given === '') return undefined;
  return [{ use: 'official', family: family === '' ? undefined : family, given: given === '' ? undefined : [given] }];
}

/** `{"reference":"urn:uuid:..."}` */
export function refJson(fullUrl: string): string {
  return '{"reference":"' + fullUrl + '"}';
}

/** `{"system":"urn:ietf:rfc:3986","value":"<urn>"}` for a urn from entityUrn/derivedUrn (hex and dashes: nothing to escape). */
export function uriIdentifierJson(urn: string): string {
  return '{"system":"' + SYSTEMS.uri + '","value":"' + urn + '"}';
}

/** The request of a conditional create matched on our own identifier (urn from entityUrn/derivedUrn). */
export function uriRequestJson(resourceType: 'Encounter' | 'ChargeItem' | 'Claim', urn: string): string {
  return '{"method":"POST","url":"' + resourceType + '","ifNoneExist":"identifier=' + SYSTEMS.uri + '|' + urn + '"}';
}

/** `{"system":...,"value":...}` */
export function identifierJson(system: string, value: string): string {
  return '{"system":' + jsonString(system) + ',"value":' + jsonString(value) + '}';
}

/** A CodeableConcept with one coding (and a text). */
export function codeableJson(system: string, code: string, text?: string): string {
  return '{"coding":[{"system":' + jsonString(system) + ',"code":' + jsonString(code) + '}]' + (text === undefined ? '' : ',"text":' + jsonString(text)) + '}';
}

/** Money in the line's currency: `{"value":25.5,"currency":"EUR"}`. */
export function moneyJson(cents: number): string {
  return '{"value":' + JSON.stringify(centsToDecimal(cents)) + ',"currency":"' + LINE_CURRENCY + '"}';
}

/** A logical reference by identifier (no entry in the bundle), e.g. the other professional by idNatPs. */
export function identifierRefJson(type: string, system: string, value: string): string {
  return '{"type":' + jsonString(type) + ',"identifier":' + identifierJson(system, value) + '}';
}

function idNatPs(rpps: string): string {
  return '8' + rpps;
}

/** The other professional (requesting doctor for TE2, assisted doctor for TLS/TLL/TLD): a logical reference by idNatPs. */
export function otherProfessionalRefJson(rpps: string): string {
  return identifierRefJson('Practitioner', SYSTEMS.idNatPs, idNatPs(rpps));
}

/** Identifier values that need no escaping in a search query (RPPS, INS, urn:uuid...). */
const QUERY_SAFE = /^[A-Za-z0-9:._-]*$/;

/**
 * The request of an entry: `{"method":"POST","url":"<type>","ifNoneExist":"identifier=<system>|<value>"}`.
 * ifNoneExist is a query string: a value with other characters (`&`, `,`, `|`, spaces...) is URL-encoded.
 */
export function requestJson(resourceType: string, match: { system: string; value: string } | null): string {
  if (match === null) return '{"method":"POST","url":' + jsonString(resourceType) + '}';
  const value = QUERY_SAFE.test(match.value) ? match.value : encodeURIComponent(match.value);
  return '{"method":"POST","url":' + jsonString(resourceType) + ',"ifNoneExist":' + jsonString(`identifier=${match.system}|${value}`) + '}';
}

// --- the streamed transaction Bundle ----------------------------------------------------------------

/**
 * Accumulates the entries of one page into one string. The `"entry":[` is opened lazily, so an empty
 * batch has no `entry` (FHIR forbids empty arrays).
 */
export class EntryWriter {
  private readonly sink = new TextSink();
  private opened = false;

  /** An entry from its JSON parts: a conditional create (POST + ifNoneExist) when requestJson names an identifier. */
  addJson(fullUrl: string, resourceJson: string, request: string): void {
    this.sink.write((this.opened ? ',\n{"fullUrl":"' : ',"entry":[\n{"fullUrl":"') + fullUrl + '","resource":' + resourceJson + ',"request":' + request + '}');
    this.opened = true;
  }

  /** An entry from a resource object (the resources written once per person). */
  add(fullUrl: string, resource: FhirResource, match: { system: string; value: string } | null): void {
    this.addJson(fullUrl, JSON.stringify(resource), requestJson(resource.resourceType, match));
  }

  /** The page's text so far, emptied. */
  take(): string {
    return this.sink.take();
  }

  close(): string {
    return this.opened ? '\n]}\n' : '}\n';
  }
}

/** An entry's fullUrl and the JSON of a reference to it. */
export interface Ref {
  url: string;
  json: string;
}

function makeRef(url: string): Ref {
  return { url, json: refJson(url) };
}

/** What a line's charge or claim references. */
export interface LineRefs {
  patient: Ref;
  practitioner: Ref;
  practitionerRole: Ref;
  coverage: Ref;
  encounter: Ref;
}

/** Adds the line's own charge resources (ChargeItems, a Claim...) given the shared entries. */
export type LineEntries = (line: ExportLine, refs: LineRefs, out: EntryWriter, header: ExportBatchHeader) => void;

/**
 * What the bundle remembers per distinct patient: that the Patient was written (presence in the map;
 * its fullUrl is derived from its id again) and its Coverages, one per (insured NIR, rank), as a short
 * list. About 250 bytes per patient: 100,000 distinct patients in a batch hold ~25 MB.
 */
interface CoverageSeen {
  insuredNir: string | null;
  rank: number;
  url: string;
  next: CoverageSeen | null;
}

/**
 * The transaction Bundle: prologue, one chunk per page, epilogue. Patient, Practitioner,
 * PractitionerRole and Coverage appear once per bundle (the first line that mentions them provides
 * their content), so memory grows with the number of distinct patients and doctors, not with the
 * number of lines.
 */
export async function* renderBundle(
  header: ExportBatchHeader,
  pages: AsyncIterable<ExportLine[]>,
  lineEntries: LineEntries,
): AsyncGenerator<string> {
  yield '{"resourceType":"Bundle","identifier":' + uriIdentifierJson(entityUrn(header.id)) +
    ',"type":"transaction","timestamp":' + jsonString(header.createdAt);
  const out = new EntryWriter();
  const patients = new Map<string, CoverageSeen>();
  const doctors = new Map<string, { practitioner: Ref; role: Ref }>();
  for await (const page of pages) {
    for (let i = 0; i < page.length; i++) {
      const line = page[i];
      const patient = makeRef(entityUrn(line.patientId));
      const coverages = patients.get(line.patientId);
      if (coverages === undefined) addPatient(line, patient.url, out);
      const coverage = coverageOf(line, patient.url, coverages, out, patients);
      const doctor = doctors.get(line.doctorId) ?? addPractitioner(line, out, doctors);
      const encounter = addEncounter(line, patient, doctor.practitioner, out);
      lineEntries(line, { patient, practitioner: doctor.practitioner, practitionerRole: doctor.role, coverage, encounter }, out, header);
    }
    yield out.take();
  }
  yield out.close();
}

// --- shared resources ---------------------------------------------------------------------------------

function addPatient(line: ExportLine, fullUrl: string, out: EntryWriter): void {
  const p = line.input.patient;
  const own = uriIdentifier(fullUrl);
  const ins = exportableIns(p);
  const identifier: Json[] = [];
  let match = own;
  if (ins !== null) {
    const nir = ins.oid === INS_OID_NIR;
    const insIdentifier = { system: nir ? SYSTEMS.insNir : SYSTEMS.insNia, value: ins.value };
    identifier.push({ use: nir ? 'official' : 'temp', type: coding(SYSTEMS.frIdentifierType, nir ? 'INS-NIR' : 'INS-NIA'), ...insIdentifier });
    match = insIdentifier;
  }
  identifier.push(own);
  out.add(fullUrl, { resourceType: 'Patient', identifier, name: humanName(p.lastName, p.firstName), gender: p.sex, birthDate: p.birthDate }, match);
}

const G15: Partial<Record<Profession, { code: string; display: string }>> = {
  physician: { code: '10', display: 'Médecin' },
  midwife: { code: '50', display: 'Sage-Femme' },
  nurse: { code: '60', display: 'Infirmier' },
};

function addPractitioner(line: ExportLine, out: EntryWriter, doctors: Map<string, { practitioner: Ref; role: Ref }>) {
  const pr = line.input.practitioner;
  const practitioner = entityUrn(line.doctorId);
  const own = uriIdentifier(practitioner);
  const identifier: Json[] = [];
  let match = own;
  if (pr.rpps !== '') {
    const national = { system: SYSTEMS.idNatPs, value: idNatPs(pr.rpps) };
    identifier.push({ use: 'official', type: coding(SYSTEMS.frIdentifierType, 'IDNPS'), ...national });
    identifier.push({ use: 'official', type: coding(SYSTEMS.frIdentifierType, 'RPPS'), system: SYSTEMS.rpps, value: pr.rpps });
    match = national;
  }
  identifier.push(own);
  out.add(practitioner, { resourceType: 'Practitioner', identifier, name: humanName(pr.lastName, pr.firstName) }, match);

  const role = derivedUrn('PractitionerRole/' + line.doctorId);
  const roleIdentifier = uriIdentifier(role);
  const g15 = G15[pr.profession];
  out.add(
    role,
    {
      resourceType: 'PractitionerRole',
      extension: [
        { url: EXTENSIONS.sector, valueCode: pr.sector },
        { url: EXTENSIONS.optam, valueBoolean: pr.optam },
      ],
      identifier: pr.amNumber === '' ? [roleIdentifier] : [{ use: 'official', system: SYSTEMS.amNumber, value: pr.amNumber }, roleIdentifier],
      active: true,
      practitioner: { reference: practitioner },
      code: [
        g15 === undefined
          ? coding(SYSTEMS.profession, pr.profession)
          : { coding: [{ system: SYSTEMS.professionG15, code: g15.code, display: g15.display }, { system: SYSTEMS.profession, code: pr.profession }] },
      ],
      specialty: pr.specialty === 'none' ? undefined : [coding(SYSTEMS.specialty, pr.specialty)],
    },
    roleIdentifier,
  );
  const refs = { practitioner: makeRef(practitioner), role: makeRef(role) };
  doctors.set(line.doctorId, refs);
  return refs;
}

/** One Coverage per patient and (insured NIR, rank): a patient whose insured NIR changed within the batch has two. */
function coverageOf(line: ExportLine, patient: string, seen: CoverageSeen | undefined, out: EntryWriter, patients: Map<string, CoverageSeen>): Ref {
  const p = line.input.patient;
  for (let c: CoverageSeen | null = seen ?? null; c !== null; c = c.next) {
    if (c.insuredNir === p.insuredNir && c.rank === p.beneficiaryRank) return makeRef(c.url);
  }
  const fullUrl = derivedUrn(`Coverage/${line.patientId}|${p.insuredNir ?? ''}|${p.beneficiaryRank}`);
  const own = uriIdentifier(fullUrl);
  const self = p.beneficiaryRank === 1;
  out.add(
    fullUrl,
    {
      resourceType: 'Coverage',
      identifier: [own],
      status: 'active',
      subscriber: self ? { reference: patient } : undefined,
      subscriberId: p.insuredNir || undefined,
      beneficiary: { reference: patient },
      dependent: String(p.beneficiaryRank),
      relationship: self ? coding(SYSTEMS.subscriberRelationship, 'self') : undefined,
      payor: [{ display: 'Assurance Maladie' }],
    },
    own,
  );
  // A new list head (a patient's first Coverage, or another one for the same patient).
  patients.set(line.patientId, { insuredNir: p.insuredNir === null ? null : flat(p.insuredNir), rank: p.beneficiaryRank, url: fullUrl, next: seen ?? null });
  return makeRef(fullUrl);
}

const ENCOUNTER_CLASS = '{"system":"' + SYSTEMS.actCode + '","code":"VR","display":"virtual"}';
const PRIMARY_PERFORMER = '[{"coding":[{"system":"' + SYSTEMS.participationType + '","code":"PPRF","display":"primary performer"}]}]';

function addEncounter(line: ExportLine, patient: Ref, practitioner: Ref, out: EntryWriter): Ref {
  const v = line.input.visit;
  const location = line.input.coding.patientLocation;
  const fullUrl = derivedUrn('Encounter/' + line.id);
  const visit = entityUrn(line.visitId);
  const date = jsonString(v.dateOfService);
  out.addJson(
    fullUrl,
    '{"resourceType":"Encounter"' +
      (location === null ? '' : ',"extension":[{"url":"' + EXTENSIONS.patientLocation + '","valueCode":' + jsonString(location) + '}]') +
      ',"identifier":[' + uriIdentifierJson(visit) + ']' +
      ',"status":"finished","class":' + ENCOUNTER_CLASS +
      (v.modality === null ? '' : ',"type":[' + codeableJson(SYSTEMS.modality, v.modality) + ']') +
      ',"subject":' + patient.json +
      ',"participant":[{"type":' + PRIMARY_PERFORMER + ',"individual":' + practitioner.json + '}]' +
      ',"period":{"start":' + date + ',"end":' + date + '}}',
    uriRequestJson('Encounter', visit),
  );
  return makeRef(fullUrl);
}

// --- what a line charges ------------------------------------------------------------------------------

/** One part of a line's charge: the act, each add-on, the extra fee (when not zero). */
export interface ChargePart {
  kind: 'act' | 'add-on' | 'extra-fee';
  /** The resource's fullUrl: the line id for the act, a v5 UUID for the others. */
  fullUrl: string;
  system: string;
  code: string;
  cents: number;
}

/** The parts of a line's charge, in order (act, add-ons in line order, extra fee): their amounts add up to the line total. */
export function chargeParts(line: ExportLine): ChargePart[] {
  const c = line.input.coding;
  const parts: ChargePart[] = [{ kind: 'act', fullUrl: entityUrn(line.id), system: SYSTEMS.ngap, code: c.code, cents: c.amountCents }];
  for (let i = 0; i < c.addOns.length; i++) {
    parts.push({ kind: 'add-on', fullUrl: derivedUrn(`ChargeItem/${line.id}/add-on/${i}`), system: SYSTEMS.ngap, code: c.addOns[i].code, cents: c.addOns[i].amountCents });
  }
  if (c.extraFeeCents !== 0) {
    parts.push({ kind: 'extra-fee', fullUrl: derivedUrn(`ChargeItem/${line.id}/extra-fee`), system: SYSTEMS.charge, code: 'extra-fee', cents: c.extraFeeCents });
  }
  return parts;
}
