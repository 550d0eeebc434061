import { addDays } from '@visite/scheduling';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientListItem, ScheduleView, SlotView, VisitTypeView, VisitWithLink } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { PatientPicker } from '../../shared/patients/patient-picker';
import { bookingApi } from './booking-api';
import { formatSlot, SlotPicker } from './slot-picker';
import { useDoctorChoice } from './use-doctor-choice';

const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The week of a doctor: the visits booked, and booking a free slot for a patient of the directory or a new one. */
export function WeekPage() {
  const { t, i18n } = useTranslation('booking');
  useDocumentTitle(t('week.documentTitle'));
  const { doctorId, selector } = useDoctorChoice();
  const [types, setTypes] = useState<VisitTypeView[]>([]);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [typeId, setTypeId] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [schedule, setSchedule] = useState<ScheduleView | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [existing, setExisting] = useState<PatientListItem | null>(null);
  const [patient, setPatient] = useState({ firstName: '', lastName: '', birthDate: '', phone: '', email: '' });
  const [error, setError] = useState<string | null>(null);
  const [booked, setBooked] = useState<VisitWithLink | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (!doctorId) return;
    void bookingApi.availability(doctorId).then((v) => {
      setTypes(v.visitTypes);
      setTypeId(v.visitTypes[0]?.id ?? '');
      setTimeZone(v.timeZone);
      setFrom(todayIn(v.timeZone));
    }, (e: unknown) => setError(errorMessage(e)));
  }, [doctorId]);
  useEffect(() => {
    if (doctorId && from) void bookingApi.schedule(doctorId, from, addDays(from, 6)).then(setSchedule, (e: unknown) => setError(errorMessage(e)));
  }, [doctorId, from, reload]);

  if (!doctorId || !timeZone || !from) return <section className="panel">{selector}{error && <p className="form-error">{error}</p>}</section>;

  const book = async (e: FormEvent) => {
    e.preventDefault();
    if (!slot) return;
    setError(null);
    try {
      const p = patient;
      setBooked(await bookingApi.book({
        doctorId, visitTypeId: typeId, start: slot.start,
        ...(existing ? { patientId: existing.id } : { patient: { firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate, ...(p.phone ? { phone: p.phone } : {}), ...(p.email ? { email: p.email } : {}) } }),
      }));
      setSlot(null);
      setExisting(null);
      setReload((r) => r + 1);
    } catch (err) {
      setError(errorMessage(err));
      setReload((r) => r + 1);
    }
  };
  const field = (name: keyof typeof patient) => ({ value: patient[name], onChange: (e: { target: { value: string } }) => setPatient((x) => ({ ...x, [name]: e.target.value })) });

  return (
    <section className="panel" aria-labelledby="week-title">
      <h1 id="week-title">{t('week.title')}</h1>
      {selector}
      <h2>{t('week.booked')}</h2>
      <div className="slot-nav">
        <button type="button" className="btn" onClick={() => setFrom(addDays(from, -7))}>{t('slots.previous')}</button>
        <span className="muted">{t('slots.zone', { zone: timeZone })}</span>
        <button type="button" className="btn" onClick={() => setFrom(addDays(from, 7))}>{t('slots.next')}</button>
      </div>
      <ul className="list" data-testid="week-visits">
        {schedule?.visits.length === 0 && <li className="muted">{t('week.empty')}</li>}
        {schedule?.visits.map((v) => (
          <li key={v.visit.id} data-testid="week-visit" data-status={v.visit.status}>
            <strong>{formatSlot(v.visit.scheduledAt, i18n.language, timeZone)}</strong> · {v.visit.patient.firstName} {v.visit.patient.lastName}
            {v.visitType && ` · ${v.visitType.name}`} · {t(`week.by.${v.bookedBy}`)} · {t(`week.status.${v.visit.status}`, { defaultValue: v.visit.status })}
            {v.reason && <div className="muted">{t('week.reason', { reason: v.reason })}</div>}
          </li>
        ))}
      </ul>
      <h2>{t('week.bookTitle')}</h2>
      {booked && <p className="form-ok" role="status" data-testid="week-booked">{t('week.bookedNotice', { when: formatSlot(booked.visit.scheduledAt, i18n.language, timeZone) })}</p>}
      {types.length === 0 ? <p className="muted">{t('week.noType')}</p> : (
        <>
          <label className="field">
            <span>{t('public.visitType')}</span>
            <select data-testid="week-type" value={typeId} onChange={(e) => { setTypeId(e.target.value); setSlot(null); }}>
              {types.map((v) => <option key={v.id} value={v.id}>{t('public.typeOption', { name: v.name, minutes: v.durationMinutes })}</option>)}
            </select>
          </label>
          <SlotPicker key={typeId} timeZone={timeZone} picked={slot?.start} reloadKey={reload} load={(f, to) => bookingApi.staffSlots(doctorId, typeId, f, to)} onPick={setSlot} />
        </>
      )}
      {slot && (
        <form className="form" onSubmit={(e) => void book(e)} data-testid="week-book-form">
          <p><strong>{formatSlot(slot.start, i18n.language, timeZone)}</strong></p>
          {existing ? (
            <p>{existing.firstName} {existing.lastName} <button type="button" className="btn btn-link" onClick={() => setExisting(null)}>{t('week.otherPatient')}</button></p>
          ) : (
            <>
              <PatientPicker onPick={setExisting} />
              <p className="muted">{t('week.orNew')}</p>
              <div className="form-row">
                <label className="field"><span>{t('public.firstName')}</span><input data-testid="week-first-name" {...field('firstName')} /></label>
                <label className="field"><span>{t('public.lastName')}</span><input data-testid="week-last-name" {...field('lastName')} /></label>
                <label className="field"><span>{t('public.birthDate')}</span><input type="date" data-testid="week-birth-date" {...field('birthDate')} /></label>
              </div>
              <div className="form-row">
                <label className="field"><span>{t('public.email')}</span><input type="email" data-testid="week-email" {...field('email')} /></label>
                <label className="field"><span>{t('public.phone')}</span><input type="tel" data-testid="week-phone" {...field('phone')} /></label>
              </div>
            </>
          )}
          <button type="submit" className="btn btn-primary" data-testid="week-book">{t('week.book')}</button>
        </form>
      )}
      {error && <p className="form-error" role="alert" data-testid="week-error">{error}</p>}
    </section>
  );
}
