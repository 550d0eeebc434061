import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { errorMessage, isSessionGone } from '../api/api-error';
import { CardPage } from './card-page';
import { Notice } from './notice';

/** A page whose data could not load: back to sign-in when the session is gone, else the error and a way out. */
export function LoadFailure({ error, children }: { error: Error; children: ReactNode }) {
  if (isSessionGone(error)) return <Navigate to="/login" replace />;
  return (
    <CardPage>
      <Notice tone="error">{errorMessage(error)}</Notice>
      {children}
    </CardPage>
  );
}
