import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailabilityView, VisitTypeKind, WeeklyRangeInput } from '@visite/contracts';
import { VISIT_TYPE_KINDS } from '@visite/contracts';
import { useAuth } from '../auth/auth-context';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { Spinner } from '../../shared/ui/spinner';
import { bookingApi } from './booking-api';
import { useDoctorChoice } from './use-doctor-choice';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Opening hours: the weekly grid (several ranges a day), booking rules, visit types and absences of one doctor. */
export function HoursPage() {
  const { t, i18n } = useTranslation('booking');
  useDocumentTitle(t('hours.documentTitle'));
  const { user } = useAuth();
  const { doctorId, selector } = useDoctorChoice();
  const [view, setView] = useState<AvailabilityView | null>(null);
  const [weekly, setWeekly] = useState<WeeklyRangeInput[]>([]);
  const [rules, setRules] = useState({ horizonDays: 60, minNoticeMinutes: 120, publicBooking: true, timeZone: '' });
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const [type, setType] = useState({ name: '', kind: 'first' as VisitTypeKind, durationMinutes: 20, practiceWide: false });
  const [absence, setAbsence] = useState({ startDate: '', endDate: '', startTime: '', endTime: '', label: '', practiceWide: false });

  const load = (id: string) =>
    bookingApi.availability(id).then((v) => {
      setView(v);
      setWeekly(v.weekly);
      setRules({ horizonDays: v.horizonDays, minNoticeMinutes: v.minNoticeMinutes, publicBooking: v.publicBooking, timeZone: v.ownTimeZone ?? '' });
    }, (e: unknown) => setFeedback({ ok: false, text: errorMessage(e) }));
  useEffect(() => {
    if (doctorId) void load(doctorId);
  }, [doctorId]);

  if (!doctorId) return <section className="panel">{selector}</section>;
  if (!view) return <Spinner label={t('hours.loading')} />;

  const dayName = (d: number) => new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d)));
  const run = async (work: () => Promise<unknown>, ok: string) => {
    setFeedback(null);
    try {
      await work();
      await load(doctorId);
      setFeedback({ ok: true, text: ok });
    } catch (e) {
      setFeedback({ ok: false, text: errorMessage(e) });
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => bookingApi.setAvailability(doctorId, { weekly, horizonDays: Number(rules.horizonDays), minNoticeMinutes: Number(rules.minNoticeMinutes), publicBooking: rules.publicBooking, timeZone: rules.timeZone || null }), t('hours.saved'));
  };
  const setRange = (i: number, patch: Partial<WeeklyRangeInput>) => setWeekly((w) => w.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const isAdmin = user?.role === 'admin';
  const publicUrl = `${window.location.origin}/book/${user?.practice.id}/${doctorId}`;

  return (
    <section className="panel" aria-labelledby="hours-title">
      <h1 id="hours-title">{t('hours.title', { doctor: view.doctorName })}</h1>
      {selector}
      {feedback && <p className={feedback.ok ? 'form-ok' : 'form-error'} role={feedback.ok ? 'status' : 'alert'} data-testid="hours-feedback">{feedback.text}</p>}
      <form className="form" onSubmit={save} data-testid="hours-form">
        <h2>{t('hours.weekly')}</h2>
        <p className="muted">{t('hours.zone', { zone: view.timeZone })}</p>
        <table className="table">
          <tbody>
            {DAYS.map((d) => (
              <tr key={d}>
                <th scope="row">{dayName(d)}</th>
                <td>
                  {weekly.map((r, i) => r.weekday === d && (
                    <span key={i} className="range">
                      <input type="time" aria-label={t('hours.start')} data-testid={`range-start-${d}`} value={r.start} onChange={(e) => setRange(i, { start: e.target.value })} />
                      –
                      <input type="time" aria-label={t('hours.end')} data-testid={`range-end-${d}`} value={r.end === '24:00' ? '23:59' : r.end} onChange={(e) => setRange(i, { end: e.target.value })} />
                      <button type="button" className="btn btn-link" onClick={() => setWeekly((w) => w.filter((_, j) => j !== i))}>{t('hours.remove')}</button>
                    </span>
                  ))}
                  <button type="button" className="btn btn-link" data-testid={`add-range-${d}`} onClick={() => setWeekly((w) => [...w, { weekday: d, start: '09:00', end: '12:00' }])}>{t('hours.addRange')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-row">
          <label className="field"><span>{t('hours.horizon')}</span><input type="number" min={1} max={366} value={rules.horizonDays} onChange={(e) => setRules((r) => ({ ...r, horizonDays: Number(e.target.value) }))} /></label>
          <label className="field"><span>{t('hours.notice')}</span><input type="number" min={0} value={rules.minNoticeMinutes} onChange={(e) => setRules((r) => ({ ...r, minNoticeMinutes: Number(e.target.value) }))} /></label>
          <label className="field"><span>{t('hours.ownZone')}</span><input placeholder="America/Montreal" value={rules.timeZone} onChange={(e) => setRules((r) => ({ ...r, timeZone: e.target.value }))} /></label>
        </div>
        <label className="checkbox"><input type="checkbox" checked={rules.publicBooking} onChange={(e) => setRules((r) => ({ ...r, publicBooking: e.target.checked }))} /><span>{t('hours.publicBooking')}</span></label>
        {rules.publicBooking && <p className="muted">{t('hours.publicLink')} <a href={publicUrl} data-testid="public-link">{publicUrl}</a></p>}
        <button type="submit" className="btn btn-primary" data-testid="hours-save">{t('hours.save')}</button>
      </form>

      <h2>{t('types.title')}</h2>
      <ul className="list" data-testid="visit-types">
        {view.visitTypes.map((v) => (
          <li key={v.id}>
            {t('types.item', { name: v.name, minutes: v.durationMinutes })} {v.doctorId === null && <span className="muted">({t('types.practiceWide')})</span>}
            {(v.doctorId !== null || isAdmin) && <button type="button" className="btn btn-link" onClick={() => void run(() => bookingApi.deleteVisitType(v.id), t('types.removed'))}>{t('hours.remove')}</button>}
          </li>
        ))}
      </ul>
      <form className="form-row" data-testid="type-form" onSubmit={(e) => { e.preventDefault(); void run(() => bookingApi.createVisitType({ ...(type.practiceWide ? {} : { doctorId }), name: type.name, kind: type.kind, durationMinutes: Number(type.durationMinutes) }), t('types.added')); }}>
        <label className="field"><span>{t('types.name')}</span><input data-testid="type-name" required value={type.name} onChange={(e) => setType((x) => ({ ...x, name: e.target.value }))} /></label>
        <label className="field"><span>{t('types.kind')}</span><select value={type.kind} onChange={(e) => setType((x) => ({ ...x, kind: e.target.value as VisitTypeKind }))}>{VISIT_TYPE_KINDS.map((k) => <option key={k} value={k}>{t(`types.kinds.${k}`)}</option>)}</select></label>
        <label className="field"><span>{t('types.duration')}</span><input type="number" data-testid="type-duration" min={5} max={240} value={type.durationMinutes} onChange={(e) => setType((x) => ({ ...x, durationMinutes: Number(e.target.value) }))} /></label>
        {isAdmin && <label className="checkbox"><input type="checkbox" checked={type.practiceWide} onChange={(e) => setType((x) => ({ ...x, practiceWide: e.target.checked }))} /><span>{t('types.practiceWide')}</span></label>}
        <button type="submit" className="btn" data-testid="type-add">{t('types.add')}</button>
      </form>

      <h2>{t('absences.title')}</h2>
      <ul className="list" data-testid="absences">
        {view.absences.map((a) => (
          <li key={a.id}>
            {a.startDate}{a.startTime ? ` ${a.startTime}` : ''} → {a.endDate}{a.endTime ? ` ${a.endTime}` : ''} {a.label && `· ${a.label}`} {a.doctorId === null && <span className="muted">({t('absences.practiceWide')})</span>}
            {(a.doctorId !== null || isAdmin) && <button type="button" className="btn btn-link" onClick={() => void run(() => bookingApi.deleteAbsence(a.id), t('absences.removed'))}>{t('hours.remove')}</button>}
          </li>
        ))}
      </ul>
      <form className="form-row" data-testid="absence-form" onSubmit={(e) => {
        e.preventDefault();
        void run(() => bookingApi.createAbsence({
          ...(absence.practiceWide ? {} : { doctorId }), startDate: absence.startDate, endDate: absence.endDate || absence.startDate,
          ...(absence.startTime ? { startTime: absence.startTime } : {}), ...(absence.endTime ? { endTime: absence.endTime } : {}), ...(absence.label ? { label: absence.label } : {}),
        }), t('absences.added'));
      }}>
        <label className="field"><span>{t('absences.from')}</span><input type="date" required value={absence.startDate} onChange={(e) => setAbsence((x) => ({ ...x, startDate: e.target.value }))} /></label>
        <label className="field"><span>{t('absences.fromTime')}</span><input type="time" value={absence.startTime} onChange={(e) => setAbsence((x) => ({ ...x, startTime: e.target.value }))} /></label>
        <label className="field"><span>{t('absences.to')}</span><input type="date" value={absence.endDate} onChange={(e) => setAbsence((x) => ({ ...x, endDate: e.target.value }))} /></label>
        <label className="field"><span>{t('absences.toTime')}</span><input type="time" value={absence.endTime} onChange={(e) => setAbsence((x) => ({ ...x, endTime: e.target.value }))} /></label>
        <label className="field"><span>{t('absences.label')}</span><input value={absence.label} onChange={(e) => setAbsence((x) => ({ ...x, label: e.target.value }))} /></label>
        {isAdmin && <label className="checkbox"><input type="checkbox" checked={absence.practiceWide} onChange={(e) => setAbsence((x) => ({ ...x, practiceWide: e.target.checked }))} /><span>{t('absences.practiceWide')}</span></label>}
        <button type="submit" className="btn">{t('absences.add')}</button>
      </form>
    </section>
  );
}
