import { useEffect, useState } from 'react';
import type { PatientListItem } from '@visite/contracts';
import { errorMessage } from '../api/api-error';
import { isSearchable, patientsApi } from './patients-api';

/** Search as you type: a query 250 ms after the last keystroke, earlier answers dropped. */
export function usePatientSearch(q: string): { results: PatientListItem[] | null; searching: boolean; error: string | null } {
  const [results, setResults] = useState<PatientListItem[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const query = q.trim();
    if (!isSearchable(query)) {
      setResults(null);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    const timer = setTimeout(() => {
      patientsApi.search(query, controller.signal).then(
        (found) => {
          setResults(found);
          setError(null);
          setSearching(false);
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setError(errorMessage(e));
          setSearching(false);
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return { results, searching, error };
}
