export { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from './languages';
export { chooseLanguage, languageFromAcceptLanguage, supportedLanguageOf } from './choose-language';
export { createI18n, hasText, t, type CreateI18nOptions } from './create-i18n';
export { checkCatalogues, type Catalogue, type Catalogues } from './check-catalogues';
export {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRelativeMinutes,
  formatShortDate,
  formatTime,
  formatWeekday,
  type DateInput,
} from './format';
export { NAMESPACES, RESOURCES, type Namespace } from './resources';
