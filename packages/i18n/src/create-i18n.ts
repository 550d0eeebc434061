import i18next, { type i18n, type TOptions } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';
import { NAMESPACES, RESOURCES } from './resources';

export interface CreateI18nOptions {
  /** The language to start in (default French). */
  language?: Language;
  /** i18next plugins to use before init (the web passes react-i18next's `initReactI18next`). */
  plugins?: Parameters<i18n['use']>[0][];
}

/**
 * A new i18next instance with every catalogue loaded, initialised synchronously (usable at once, in the
 * browser and in Node). Keys are `namespace:key` (`t('join:intro.title')`) or plain keys of the default
 * namespace `common`. Plurals use `_one`/`_many`/`_other` with `count`. Values are not HTML-escaped:
 * React escapes what it renders; an HTML e-mail must escape its variables itself.
 */
export function createI18n(options: CreateI18nOptions = {}): i18n {
  const instance = i18next.createInstance();
  for (const plugin of options.plugins ?? []) instance.use(plugin);
  void instance.init({
    resources: RESOURCES,
    lng: options.language ?? DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: false,
    load: 'languageOnly',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    fallbackNS: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

const fixed = new Map<Language, i18n>();

/** One instance per language, made on first use (server-side texts: errors, e-mails, SMS). */
function instanceFor(language: Language): i18n {
  let instance = fixed.get(language);
  if (!instance) {
    instance = createI18n({ language });
    fixed.set(language, instance);
  }
  return instance;
}

/** `t('fr', 'errors:VISIT_NOT_FOUND')`, `t('en', 'waiting:position', { count: 2 })`: a text in one language. */
export function t(language: Language, key: string, vars?: TOptions): string {
  // Untyped on purpose: a key may come from data (an error code). Apps that type their keys do so on
  // their own instance (the web's CustomTypeOptions).
  const translate = instanceFor(language).t as unknown as (key: string, options?: TOptions) => string;
  return translate(key, vars);
}

/** Whether a key exists (in that language, without falling back), e.g. a server error code in `errors`. */
export function hasText(language: Language, key: string): boolean {
  return instanceFor(language).exists(key, { lng: language, fallbackLng: false });
}
