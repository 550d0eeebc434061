import 'i18next';
import type { RESOURCES } from '@visite/i18n';

/** Type-checked keys: `t('join:intro.title')` compiles only if the key is in the French catalogue. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof RESOURCES)['fr'];
  }
}
