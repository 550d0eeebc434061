import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';
import { BILLING_ROLES, homePathFor } from '../features/auth/home-path';
import { LoginPage } from '../features/auth/login-page';
import { RequireRole } from '../features/auth/require-role';
import { BillingPage } from '../features/billing/billing-page';
import { CodingPage } from '../features/coding/coding-page';
import { DoctorRoomPage } from '../features/consultation/doctor-room-page';
import { PatientConsultation } from '../features/consultation/patient-consultation';
import { JoinPage } from '../features/join/join-page';
import { QueuePage } from '../features/queue/queue-page';
import { useDocumentTitle } from '../shared/i18n/use-document-title';
import { CardPage } from '../shared/ui/card-page';
import { PracticeLayout } from './practice-layout';

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <CardPage>
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.help')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </CardPage>
  );
}

/** `/`: the queue for doctors; billing staff and admins start on /billing. */
function Home() {
  const { user } = useAuth();
  const home = homePathFor(user?.role);
  return home === '/' ? <QueuePage /> : <Navigate to={home} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The patient's flow composes the join feature with the consultation feature here, so features stay apart.
  { path: '/join/:token', element: <JoinPage renderConsultation={(props) => <PatientConsultation {...props} />} /> },
  {
    element: <PracticeLayout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/visits/:visitId/room', element: <DoctorRoomPage /> },
      { path: '/visits/:visitId/coding', element: <CodingPage /> },
      {
        path: '/billing',
        element: (
          <RequireRole roles={BILLING_ROLES}>
            <BillingPage />
          </RequireRole>
        ),
      },
    ],
  },
  { path: '*', element: <NotFound /> },
]);
