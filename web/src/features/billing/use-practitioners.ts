import { useCallback, useEffect, useState } from 'react';
import type { PractitionerView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { billingApi } from './billing-api';

/** The doctors and their billing profiles, shared by the filters and the practitioners tab. */
export function usePractitioners() {
  const [practitioners, setPractitioners] = useState<PractitionerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    setError(null);
    billingApi.practitioners().then(setPractitioners, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(reload, [reload]);

  const replace = useCallback((updated: PractitionerView) => {
    setPractitioners((list) => list && list.map((p) => (p.userId === updated.userId ? updated : p)));
  }, []);

  return { practitioners, error, reload, replace };
}
