import { addDays } from '@visite/scheduling';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotView, SlotsView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';

const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * A week of slots, day by day, in the doctor's time zone: the person picks one. `load` asks the server
 * (staff, public page or the patient's link) for the slots of seven local days.
 */
export function SlotPicker({ timeZone, load, onPick, picked, reloadKey }: {
  timeZone: string;
  load: (from: string, to: string) => Promise<SlotsView>;
  onPick: (slot: SlotView) => void;
  picked?: string | null;
  reloadKey?: unknown;
}) {
  const { t, i18n } = useTranslation('booking');
  const [from, setFrom] = useState(() => todayIn(timeZone));
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setSlots(null);
    setError(null);
    load(from, addDays(from, 6)).then((s) => live && setSlots(s.slots), (e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from, reloadKey]);

  const dayOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const timeOf = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const dayLabel = (date: string) => new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));

  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="slot-nav">
        <button type="button" className="btn" disabled={from <= todayIn(timeZone)} onClick={() => setFrom(addDays(from, -7))}>{t('slots.previous')}</button>
        <span className="muted">{t('slots.zone', { zone: timeZone })}</span>
        <button type="button" className="btn" data-testid="slots-next-week" onClick={() => setFrom(addDays(from, 7))}>{t('slots.next')}</button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!slots && !error && <p className="muted">{t('slots.loading')}</p>}
      {slots && slots.length === 0 && <p className="muted" data-testid="no-slots">{t('slots.none')}</p>}
      {slots && slots.length > 0 && (
        <div className="slot-days">
          {days.map((date) => {
            const ofDay = slots.filter((s) => dayOf(s.start) === date);
            if (!ofDay.length) return null;
            return (
              <div key={date} className="slot-day">
                <h3>{dayLabel(date)}</h3>
                <div className="slot-buttons">
                  {ofDay.map((s) => (
                    <button key={s.start} type="button" data-testid="slot" data-start={s.start} className={picked === s.start ? 'btn btn-primary' : 'btn'} onClick={() => onPick(s)}>
                      {timeOf(s.start)}
                    </button>
                  ))}
                </div>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** "mardi 8 décembre 2026 à 09:30" in the given zone. */
export function formatSlot(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
