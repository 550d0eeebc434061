import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  formatShortDate,
  formatTime,
  isLanguage,
  type DateInput,
  type Language,
} from '@visite/i18n';

export interface Format {
  language: Language;
  /** "08:28". */
  time: (value: DateInput) => string;
  /** "mardi 1 décembre à 08:28" / "Tuesday, December 1 at 08:28". */
  dateTime: (value: DateInput) => string;
  /** "1 décembre 2026"; a calendar day "YYYY-MM-DD" stays that day. */
  date: (value: DateInput) => string;
  /** "01/12/2026". */
  shortDate: (value: DateInput) => string;
  /** Integer cents: "25,00 €" / "€25.00". */
  money: (cents: number) => string;
  number: (value: number) => string;
  percent: (percent: number) => string;
  /** "," in French, "." in English: how people type amounts. */
  decimalSeparator: ',' | '.';
  /** Whole minutes, short: "à l'instant", "4 min", "1 h 5 min". */
  waited: (minutes: number) => string;
}

/** Formatters in the chosen language; components re-render with the new ones when the language changes. */
export function useFormat(): Format {
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return useMemo(
    () => ({
      language,
      decimalSeparator: formatNumber(language, 1.5).includes(',') ? ',' : '.',
      time: (value) => formatTime(language, value),
      dateTime: (value) => formatDateTime(language, value),
      date: (value) => formatDate(language, value),
      shortDate: (value) => formatShortDate(language, value),
      money: (cents) => formatMoney(language, cents),
      number: (value) => formatNumber(language, value),
      percent: (percent) => formatPercent(language, percent),
      waited: (minutes) => (minutes < 1 ? t('duration.justNow') : formatDuration(language, minutes, 'short')),
    }),
    [language, t],
  );
}
