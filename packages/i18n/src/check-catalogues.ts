/** A catalogue of one namespace in one language: nested objects whose leaves are strings. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}
/** Every namespace of every language. */
export type Catalogues = Record<string, Record<string, Catalogue>>;

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_SUFFIX = new RegExp(`_(${PLURAL_FORMS.join('|')})$`);
const VARIABLE = /\{\{\s*(?:-\s*)?([^,}\s]+)[^}]*\}\}/g;

interface Leaf {
  /** "waiting.position" for "waiting.position_one" and "waiting.position_other". */
  group: string;
  form: string | null;
  value: unknown;
  key: string;
}

function leaves(catalogue: unknown, prefix = ''): Leaf[] {
  if (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue)) return [];
  const out: Leaf[] = [];
  for (const [name, value] of Object.entries(catalogue)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out.push(...leaves(value, key));
      continue;
    }
    const match = PLURAL_SUFFIX.exec(name);
    out.push({ key, value, group: match ? key.slice(0, -match[0].length) : key, form: match ? match[1] : null });
  }
  return out;
}

function variablesOf(text: string): Set<string> {
  return new Set([...text.matchAll(VARIABLE)].map((m) => m[1]));
}

function pluralCategories(language: string): string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
}

/**
 * Every problem of a set of catalogues (empty when they are sound):
 * - a namespace, or a key, present in one language and missing in another;
 * - interpolation variables (`{{name}}`) that differ between languages for the same key;
 * - a key that is a plural in one language and a plain text in another;
 * - a plural key (`_one`, `_other`, ...) without every form the language's plural rules need
 *   (French: one, many, other; English: one, other), or with a form the language does not have;
 * - a value that is empty, blank or not a string.
 */
export function checkCatalogues(catalogues: Catalogues): string[] {
  const problems: string[] = [];
  const languages = Object.keys(catalogues);
  const namespaces = [...new Set(languages.flatMap((lng) => Object.keys(catalogues[lng])))].sort();

  for (const ns of namespaces) {
    const byLanguage = new Map<string, Map<string, Leaf[]>>();
    for (const lng of languages) {
      const catalogue = catalogues[lng][ns];
      if (catalogue === undefined) {
        problems.push(`${lng}: namespace "${ns}" is missing (it exists in ${languages.filter((l) => catalogues[l][ns] !== undefined).join(', ')})`);
        continue;
      }
      const groups = new Map<string, Leaf[]>();
      for (const leaf of leaves(catalogue)) {
        if (typeof leaf.value !== 'string') problems.push(`${lng}/${ns}: "${leaf.key}" is not a string`);
        else if (!leaf.value.trim()) problems.push(`${lng}/${ns}: "${leaf.key}" is empty`);
        groups.set(leaf.group, [...(groups.get(leaf.group) ?? []), leaf]);
      }
      byLanguage.set(lng, groups);
    }

    for (const [lng, groups] of byLanguage) {
      const categories = pluralCategories(lng);
      for (const [group, forms] of groups) {
        const plural = forms.filter((leaf) => leaf.form !== null);
        if (!plural.length) continue;
        if (plural.length !== forms.length) problems.push(`${lng}/${ns}: "${group}" is both a plain key and a plural key`);
        const present = new Set(plural.map((leaf) => leaf.form as string));
        for (const category of categories) {
          if (!present.has(category)) problems.push(`${lng}/${ns}: plural "${group}" lacks the "${group}_${category}" form (${lng} needs ${categories.join(', ')})`);
        }
        for (const form of present) {
          if (!categories.includes(form)) problems.push(`${lng}/${ns}: plural "${group}_${form}" is not a plural form of ${lng} (${categories.join(', ')})`);
        }
      }
    }

    const present = [...byLanguage.keys()];
    const allGroups = [...new Set(present.flatMap((lng) => [...(byLanguage.get(lng)?.keys() ?? [])]))].sort();
    for (const group of allGroups) {
      const missingIn = present.filter((lng) => !byLanguage.get(lng)?.has(group));
      const hasIt = present.filter((lng) => byLanguage.get(lng)?.has(group));
      for (const lng of missingIn) problems.push(`${lng}/${ns}: "${group}" is missing (it exists in ${hasIt.join(', ')})`);
      if (hasIt.length < 2) continue;
      const pluralIn = hasIt.filter((lng) => (byLanguage.get(lng)?.get(group) ?? []).some((leaf) => leaf.form !== null));
      if (pluralIn.length && pluralIn.length !== hasIt.length) {
        problems.push(`${ns}: "${group}" is a plural in ${pluralIn.join(', ')} but not in ${hasIt.filter((l) => !pluralIn.includes(l)).join(', ')}`);
      }
      const variables = hasIt.map((lng) => {
        const names = new Set<string>();
        for (const leaf of byLanguage.get(lng)?.get(group) ?? []) {
          if (typeof leaf.value === 'string') for (const v of variablesOf(leaf.value)) names.add(v);
        }
        // A plural's count may be left out of a form ("Vous êtes le prochain."); it is always passed.
        if ((byLanguage.get(lng)?.get(group) ?? []).some((leaf) => leaf.form !== null)) names.delete('count');
        return { lng, names: [...names].sort().join(', ') };
      });
      const [first, ...others] = variables;
      for (const other of others) {
        if (other.names !== first.names) {
          problems.push(`${ns}: "${group}" has variables {${first.names}} in ${first.lng} but {${other.names}} in ${other.lng}`);
        }
      }
    }
  }
  return problems;
}
