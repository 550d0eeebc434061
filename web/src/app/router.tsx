import { createBrowserRouter, Link } from 'react-router-dom';
import { LoginPage } from '../features/auth/login-page';
import { DoctorRoomPage } from '../features/consultation/doctor-room-page';
import { PatientConsultation } from '../features/consultation/patient-consultation';
import { JoinPage } from '../features/join/join-page';
import { QueuePage } from '../features/queue/queue-page';
import { CardPage } from '../shared/ui/card-page';
import { PracticeLayout } from './practice-layout';

function NotFound() {
  return (
    <CardPage>
      <h1>Page not found</h1>
      <p className="muted">If you are a patient, open the link you received by SMS or e-mail again.</p>
      <Link to="/">Home</Link>
    </CardPage>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The patient's flow composes the join feature with the consultation feature here, so features stay apart.
  { path: '/join/:token', element: <JoinPage renderConsultation={(props) => <PatientConsultation {...props} />} /> },
  {
    element: <PracticeLayout />,
    children: [
      { path: '/', element: <QueuePage /> },
      { path: '/visits/:visitId/room', element: <DoctorRoomPage /> },
    ],
  },
  { path: '*', element: <NotFound /> },
]);
