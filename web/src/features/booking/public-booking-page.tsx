import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { BookingConfirmation, PublicBookingPage as Page, SlotView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { CardPage } from '../../shared/ui/card-page';
import { Spinner } from '../../shared/ui/spinner';
import { bookingApi } from './booking-api';
import { formatSlot, SlotPicker } from './slot-picker';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The practice's (or one doctor's) public booking page: no account; visit type, slot, who, contact, reason, consent. */
export function PublicBookingPage() {
  const { t, i18n } = useTranslation('booking');
  const { practiceId = '', doctorId } = useParams();
  const [page, setPage] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [doctor, setDoctor] = useState(doctorId ?? '');
  const [typeId, setTypeId] = useState('');
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [form, setForm] = useState({ firstName: '', lastName: '', birthDate: '', phone: '', email: '', reason: '', consent: false });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<BookingConfirmation | null>(null);
  const [reload, setReload] = useState(0);
  useDocumentTitle(t('public.documentTitle'));

  useEffect(() => {
    bookingApi.publicPage(practiceId).then((p) => {
      setPage(p);
      const first = p.doctors.find((d) => !doctorId || d.id === doctorId) ?? p.doctors[0];
      if (first) {
        setDoctor(first.id);
        setTypeId(first.visitTypes[0]?.id ?? '');
      }
    }, (e: unknown) => setLoadError(errorMessage(e)));
  }, [practiceId, doctorId]);

  if (loadError) return <CardPage><p className="form-error" role="alert">{loadError}</p></CardPage>;
  if (!page) return <CardPage><Spinner label={t('public.loading')} /></CardPage>;
  const chosen = page.doctors.find((d) => d.id === doctor);

  if (done) {
    return (
      <CardPage>
        <h1 data-testid="booking-confirmed">{t('public.confirmedTitle')}</h1>
        <p>{t('public.confirmedText', { doctor: done.doctorName, type: done.visitTypeName, when: formatSlot(done.start, i18n.language, done.timeZone) })}</p>
        {done.sentTo.length > 0 && <p className="muted">{t('public.sentTo', { to: done.sentTo.join(', ') })}</p>}
        <p><a href={done.joinUrl} data-testid="confirmation-link">{t('public.openLink')}</a></p>
        <p className="muted">{t('public.linkHelp')}</p>
      </CardPage>
    );
  }

  const field = (name: 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email' | 'reason') => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!slot || !chosen) return;
    setSending(true);
    setError(null);
    try {
      setDone(await bookingApi.bookOnline(practiceId, {
        doctorId: chosen.id, visitTypeId: typeId, start: slot.start, firstName: form.firstName, lastName: form.lastName, birthDate: form.birthDate,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}), ...(form.email.trim() ? { email: form.email.trim() } : {}), ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
        consentToContact: form.consent as true, language: i18n.language === 'en' ? 'en' : 'fr', timeZone: browserZone(),
      }));
    } catch (e) {
      setError(errorMessage(e));
      setSlot(null);
      setReload((r) => r + 1);
    } finally {
      setSending(false);
    }
  };

  return (
    <CardPage wide>
      <h1>{t('public.title', { practice: page.practiceName })}</h1>
      {page.doctors.length === 0 && <p className="muted">{t('public.noDoctor')}</p>}
      {page.doctors.length > 1 && !doctorId && (
        <label className="field">
          <span>{t('public.doctor')}</span>
          <select data-testid="booking-doctor" value={doctor} onChange={(e) => { setDoctor(e.target.value); setSlot(null); setTypeId(page.doctors.find((d) => d.id === e.target.value)?.visitTypes[0]?.id ?? ''); }}>
            {page.doctors.map((d) => <option key={d.id} value={d.id}>{d.displayName}</option>)}
          </select>
        </label>
      )}
      {chosen && (
        <>
          <p>{chosen.displayName}</p>
          <label className="field">
            <span>{t('public.visitType')}</span>
            <select data-testid="booking-type" value={typeId} onChange={(e) => { setTypeId(e.target.value); setSlot(null); }}>
              {chosen.visitTypes.map((v) => <option key={v.id} value={v.id}>{t('public.typeOption', { name: v.name, minutes: v.durationMinutes })}</option>)}
            </select>
          </label>
          {typeId && (
            <SlotPicker key={`${chosen.id}-${typeId}`} timeZone={chosen.timeZone} picked={slot?.start} reloadKey={reload}
              load={(from, to) => bookingApi.publicSlots(practiceId, chosen.id, typeId, from, to)} onPick={setSlot} />
          )}
        </>
      )}
      {slot && chosen && (
        <form className="form" onSubmit={(e) => void submit(e)} data-testid="booking-form">
          <p data-testid="booking-chosen"><strong>{formatSlot(slot.start, i18n.language, chosen.timeZone)}</strong></p>
          <div className="form-row">
            <label className="field"><span>{t('public.firstName')}</span><input data-testid="booking-first-name" required {...field('firstName')} /></label>
            <label className="field"><span>{t('public.lastName')}</span><input data-testid="booking-last-name" required {...field('lastName')} /></label>
          </div>
          <label className="field"><span>{t('public.birthDate')}</span><input type="date" data-testid="booking-birth-date" required {...field('birthDate')} /></label>
          <div className="form-row">
            <label className="field"><span>{t('public.email')}</span><input type="email" data-testid="booking-email" {...field('email')} /></label>
            <label className="field"><span>{t('public.phone')}</span><input type="tel" data-testid="booking-phone" {...field('phone')} /></label>
          </div>
          <small className="muted">{t('public.contactHelp')}</small>
          <label className="field"><span>{t('public.reason')}</span><textarea data-testid="booking-reason" maxLength={500} {...field('reason')} /></label>
          <label className="checkbox">
            <input type="checkbox" data-testid="booking-consent" checked={form.consent} onChange={(e) => setForm((f) => ({ ...f, consent: e.target.checked }))} />
            <span>{t('public.consent', { practice: page.practiceName })}</span>
          </label>
          {error && <p className="form-error" role="alert" data-testid="booking-error">{error}</p>}
          <button type="submit" className="btn btn-primary" data-testid="booking-submit" disabled={sending || !form.consent}>
            {sending ? t('public.sending') : t('public.submit')}
          </button>
        </form>
      )}
      {!slot && error && <p className="form-error" role="alert" data-testid="booking-error">{error}</p>}
      {page.phone && <p className="muted">{t('public.call', { phone: page.phone })}</p>}
      <p className="muted"><Link to="/login">{t('public.staff')}</Link></p>
    </CardPage>
  );
}
