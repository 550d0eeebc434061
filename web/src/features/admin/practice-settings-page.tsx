import { useTranslation } from 'react-i18next';
import { useEffect, useState, type FormEvent } from 'react';
import { LANGUAGES, type Language, type PracticeView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { LoadFailure } from '../../shared/ui/load-failure';
import { Spinner } from '../../shared/ui/spinner';
import { adminApi } from './admin-api';
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Paris'];

interface Form {
  name: string;
  timeZone: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  language: Language;
}

function toForm(p: PracticeView): Form {
  return {
    name: p.name,
    timeZone: p.settings.timeZone,
    phone: p.settings.phone ?? '',
    street: p.settings.address?.street ?? '',
    postalCode: p.settings.address?.postalCode ?? '',
    city: p.settings.address?.city ?? '',
    language: p.settings.language,
  };
}

/** The admin's practice settings: name, time zone, phone shown to patients, address, language. */
export function PracticeSettingsPage() {
  const { t } = useTranslation('practice');
  const [form, setForm] = useState<Form | null>(null);
  // Settings this form does not edit (reminders...) are sent back as they were.
  const [loaded, setLoaded] = useState<PracticeView | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    adminApi.practice().then((p) => {
      setLoaded(p);
      setForm(toForm(p));
    }, (e: unknown) => setLoadError(e instanceof Error ? e : new Error(String(e))));
  }, []);

  if (loadError) return <LoadFailure error={loadError}>{null}</LoadFailure>;
  if (!form) return <Spinner label={t('settings.loading')} />;

  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => f && { ...f, [name]: e.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFeedback(null);
    const hasAddress = form.street.trim() || form.postalCode.trim() || form.city.trim();
    try {
      const saved = await adminApi.updatePractice({
        name: form.name.trim(),
        settings: {
          ...loaded!.settings,
          timeZone: form.timeZone,
          phone: form.phone.trim() || null,
          address: hasAddress ? { street: form.street.trim(), postalCode: form.postalCode.trim(), city: form.city.trim(), country: 'FR' } : null,
          language: form.language,
        },
      });
      setLoaded(saved);
      setForm(toForm(saved));
      setFeedback({ ok: true, text: t('settings.saved') });
    } catch (e) {
      setFeedback({ ok: false, text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel narrow" aria-labelledby="practice-title">
      <h1 id="practice-title">{t('settings.title')}</h1>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('settings.name')}</span>
          <input data-testid="practice-name" {...field('name')} />
        </label>
        <label className="field">
          <span>{t('settings.timeZone')}</span>
          <select data-testid="practice-time-zone" {...field('timeZone')}>
            {ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <small className="muted">{t('settings.timeZoneHelp')}</small>
        </label>
        <label className="field">
          <span>{t('settings.phone')}</span>
          <input type="tel" data-testid="practice-phone" placeholder="+33 1 42 00 00 00" {...field('phone')} />
        </label>
        <label className="field">
          <span>{t('settings.street')}</span>
          <input {...field('street')} />
        </label>
        <div className="form-row">
          <label className="field">
            <span>{t('settings.postalCode')}</span>
            <input {...field('postalCode')} />
          </label>
          <label className="field">
            <span>{t('settings.city')}</span>
            <input {...field('city')} />
          </label>
        </div>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select {...field('language')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {feedback && (
          <p className={feedback.ok ? 'form-ok' : 'form-error'} role={feedback.ok ? 'status' : 'alert'}>
            {feedback.text}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </form>
    </section>
  );
}
