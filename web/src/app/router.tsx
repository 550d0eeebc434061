import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';
import { BILLING_ROLES, CARE_ROLES, homePathFor } from '../features/auth/home-path';
import { LoginPage } from '../features/auth/login-page';
import { SetPasswordPage } from '../features/auth/set-password-page';
import { PracticeSettingsPage } from '../features/admin/practice-settings-page';
import { StaffPage } from '../features/admin/staff-page';
import { PatientPage } from '../features/patients/patient-page';
import { PatientsPage } from '../features/patients/patients-page';
import { RequireRole } from '../features/auth/require-role';
import { BillingPage } from '../features/billing/billing-page';
import { CodingPage } from '../features/coding/coding-page';
import { DoctorRoomPage } from '../features/consultation/doctor-room-page';
import { PatientConsultation } from '../features/consultation/patient-consultation';
import { JoinPage } from '../features/join/join-page';
import { HoursPage } from '../features/booking/hours-page';
import { ManageBookingPage } from '../features/booking/manage-booking-page';
import { PublicBookingPage } from '../features/booking/public-booking-page';
import { WeekPage } from '../features/booking/week-page';
import { OutboxMessagePage, OutboxPage } from '../features/messages/outbox-page';
import { QueuePage } from '../features/queue/queue-page';
import { PatientRecord } from '../features/report/patient-record';
import { PatientReport } from '../features/report/patient-report';
import { ReportPage } from '../features/report/report-page';
import { VisitPage } from '../features/day/visit-page';
import { ReadinessPage } from '../features/readiness/readiness-page';
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

/** `/`: the queue for doctors and assistants; billing staff start on /billing, admins on the staff screen. */
function Home() {
  const { user } = useAuth();
  const home = homePathFor(user?.role);
  return home === '/' ? <QueuePage /> : <Navigate to={home} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/set-password/:token', element: <SetPasswordPage /> },
  // The patient's flow composes the join feature with the consultation feature here, so features stay apart.
  { path: '/book/:practiceId', element: <PublicBookingPage /> },
  { path: '/book/:practiceId/:doctorId', element: <PublicBookingPage /> },
  { path: '/join/:token/appointment', element: <ManageBookingPage /> },
  { path: '/join/:token', element: <JoinPage renderConsultation={(props) => <PatientConsultation {...props} />} renderEnded={(token) => <PatientReport token={token} />} /> },
  {
    element: <PracticeLayout />,
    children: [
      { path: '/', element: <Home /> },
      // The consultation room and the coding are the visit's doctor's only (an assistant never joins).
      { path: '/visits/:visitId', element: <RequireRole roles={CARE_ROLES}><VisitPage /></RequireRole> },
      { path: '/visits/:visitId/room', element: <RequireRole roles={['doctor']}><DoctorRoomPage /></RequireRole> },
      { path: '/visits/:visitId/coding', element: <RequireRole roles={['doctor']}><CodingPage /></RequireRole> },
      { path: '/visits/:visitId/report', element: <RequireRole roles={['doctor']}><ReportPage /></RequireRole> },
      { path: '/outbox', element: <RequireRole roles={CARE_ROLES}><OutboxPage /></RequireRole> },
      { path: '/outbox/:messageId', element: <RequireRole roles={CARE_ROLES}><OutboxMessagePage /></RequireRole> },
      { path: '/readiness', element: <RequireRole roles={CARE_ROLES}><ReadinessPage /></RequireRole> },
      { path: '/schedule', element: <RequireRole roles={CARE_ROLES}><WeekPage /></RequireRole> },
      { path: '/schedule/hours', element: <RequireRole roles={['doctor', 'assistant', 'admin']}><HoursPage /></RequireRole> },
      { path: '/patients', element: <RequireRole roles={CARE_ROLES}><PatientsPage /></RequireRole> },
      { path: '/patients/:patientId', element: <RequireRole roles={CARE_ROLES}><PatientPage renderRecord={(id) => <PatientRecord patientId={id} />} /></RequireRole> },
      { path: '/admin/staff', element: <RequireRole roles={['admin']}><StaffPage /></RequireRole> },
      { path: '/admin/practice', element: <RequireRole roles={['admin']}><PracticeSettingsPage /></RequireRole> },
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
