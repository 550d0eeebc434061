import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { JoinBooking, SlotView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { CardPage } from '../../shared/ui/card-page';
import { Spinner } from '../../shared/ui/spinner';
import { bookingApi } from './booking-api';
import { formatSlot, SlotPicker } from './slot-picker';

/** From their link, the patient sees their appointment and moves or cancels it within the practice's rules. */
export function ManageBookingPage() {
  const { t, i18n } = useTranslation('booking');
  const { token = '' } = useParams();
  const [booking, setBooking] = useState<JoinBooking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('manage.documentTitle'));

  useEffect(() => {
    bookingApi.joinBooking(token).then(setBooking, (e: unknown) => setError(errorMessage(e)));
  }, [token]);

  if (!booking) return <CardPage>{error ? <p className="form-error" role="alert">{error}</p> : <Spinner label={t('manage.loading')} />}</CardPage>;

  const act = async (work: () => Promise<JoinBooking>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      setBooking(await work());
      setNotice(done);
      setMoving(false);
      setSlot(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <CardPage wide>
      <h1>{t('manage.title')}</h1>
      <p data-testid="manage-when">{t('manage.when', { doctor: booking.doctorName, when: formatSlot(booking.start, i18n.language, booking.timeZone) })}</p>
      {booking.status === 'cancelled' && <p className="form-error" data-testid="manage-cancelled">{t('manage.cancelled')}</p>}
      {notice && <p className="form-ok" role="status" data-testid="manage-notice">{notice}</p>}
      {error && <p className="form-error" role="alert" data-testid="manage-error">{error}</p>}
      {booking.status !== 'cancelled' && <p><Link to={`/join/${token}`} data-testid="manage-waiting-room">{t('manage.toWaitingRoom')}</Link></p>}
      {booking.canChange ? (
        <>
          <p className="muted">{t('manage.until', { until: formatSlot(booking.changeUntil!, i18n.language, booking.timeZone) })}</p>
          <div className="actions">
            <button type="button" className="btn" data-testid="manage-reschedule" onClick={() => setMoving(true)} disabled={busy}>{t('manage.reschedule')}</button>
            <button type="button" className="btn btn-danger" data-testid="manage-cancel" disabled={busy}
              onClick={() => window.confirm(t('manage.confirmCancel')) && void act(() => bookingApi.cancel(token), t('manage.cancelledNotice'))}>
              {t('manage.cancel')}
            </button>
          </div>
          {moving && (
            <>
              <SlotPicker timeZone={booking.timeZone} picked={slot?.start} load={(from, to) => bookingApi.joinSlots(token, from, to)} onPick={setSlot} />
              {slot && (
                <button type="button" className="btn btn-primary" data-testid="manage-confirm-move" disabled={busy}
                  onClick={() => void act(() => bookingApi.reschedule(token, slot.start), t('manage.movedNotice'))}>
                  {t('manage.confirmMove', { when: formatSlot(slot.start, i18n.language, booking.timeZone) })}
                </button>
              )}
            </>
          )}
        </>
      ) : (
        booking.status === 'scheduled' && <p className="muted" data-testid="manage-too-late">{t('manage.tooLate', { phone: booking.practicePhone ?? '' })}</p>
      )}
    </CardPage>
  );
}
