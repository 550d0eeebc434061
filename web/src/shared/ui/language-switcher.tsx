import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES } from '@visite/i18n';
import { setLanguage } from '../i18n/i18n';

/** FR / EN, on every screen: switches every text at once and is remembered in this browser. */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`language-switcher ${className}`} role="group" aria-label={t('language.label')} data-testid="language-switcher">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={i18n.language === language ? 'lang-btn lang-btn-on' : 'lang-btn'}
          aria-pressed={i18n.language === language}
          // The accessible name starts with the visible text (WCAG 2.5.3): "FR, Français".
          aria-label={`${language.toUpperCase()}, ${LANGUAGE_NAMES[language]}`}
          title={LANGUAGE_NAMES[language]}
          data-testid={`language-${language}`}
          onClick={() => setLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
