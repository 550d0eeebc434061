import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import type { VisitView } from '@visite/contracts';
import { ApiError } from '../../shared/api/api-error';
import { describeConnectError } from '../../shared/realtime/handshake-error';
import { connectRealtime, requestWithAck } from '../../shared/realtime/realtime-socket';
import { useLocalMedia } from '../../media/use-local-media';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { CardPage } from '../../shared/ui/card-page';
import { LoadFailure } from '../../shared/ui/load-failure';
import { EndedNotice } from '../../shared/ui/ended-notice';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { doctorRoomApi } from './consultation-api';
import { ConsultationRoom } from './consultation-room';
import { ConsentPanel } from './consent-panel';
import { DoctorNotes } from './doctor-notes';

const isOver = (status: VisitView['status']) => status === 'completed' || status === 'cancelled';

/** Watches the visit over the realtime channel: `visit.ended`, or a queue snapshot where it is over; and its latest view (consent). */
function useVisitEndedLive(visitId: string): { ended: boolean; live: VisitView | null } {
  const [ended, setEnded] = useState(false);
  const [live, setLive] = useState<VisitView | null>(null);
  useEffect(() => {
    const socket = connectRealtime();
    const check = (visits: VisitView[]) => {
      const visit = visits.find((v) => v.id === visitId);
      if (visit) setLive(visit);
      if (visit && isOver(visit.status)) setEnded(true);
    };
    socket.on('connect', () => {
      requestWithAck<{ visits: VisitView[] }>(socket, 'queue.subscribe', {}).then((q) => check(q.visits), () => undefined);
    });
    socket.on('queue.updated', (q) => check(q.visits));
    socket.on('visit.ended', (event) => event.visitId === visitId && setEnded(true));
    socket.on('connect_error', (err) => {
      const problem = describeConnectError(err);
      if (problem.refused) console.warn('[realtime]', problem.message);
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [visitId]);
  return { ended, live };
}

export function DoctorRoomPage() {
  const { visitId = '' } = useParams();
  const { t } = useTranslation(['consultation', 'media']);
  useDocumentTitle(t('documentTitle'));
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | Error | null>(null);
  const local = useLocalMedia();
  const { ended: endedLive, live } = useVisitEndedLive(visitId);

  useEffect(() => {
    doctorRoomApi.getVisit(visitId).then(setVisit, (e: Error) => setLoadError(e));
  }, [visitId]);

  const { acquire } = local;
  useEffect(() => {
    if (visit?.status === 'in_progress') void acquire();
  }, [visit?.status, acquire]);

  const getAccess = useCallback(() => doctorRoomApi.mediaAccess(visitId), [visitId]);
  const hangUp = useCallback(async () => {
    await doctorRoomApi.end(visitId);
  }, [visitId]);
  const checkEnded = useCallback(async () => isOver((await doctorRoomApi.getVisit(visitId)).status), [visitId]);

  const backToQueue = (
    <Link to="/" className="btn btn-primary">
      {t('backToQueue')}
    </Link>
  );
  // Once the visit is over the doctor codes it (the coding page links back to the queue).
  const toCoding = <Navigate to={`/visits/${encodeURIComponent(visitId)}/coding`} replace />;

  if (loadError) return <LoadFailure error={loadError}>{backToQueue}</LoadFailure>;
  if (!visit) return <Spinner />;
  if (visit.status === 'cancelled') return <EndedNotice title={t('ended')}>{backToQueue}</EndedNotice>;
  if (visit.status === 'completed' || endedLive) return toCoding;
  if (visit.status !== 'in_progress')
    return (
      <CardPage>
        <Notice tone="warning">{t('notInProgress')}</Notice>
        {backToQueue}
      </CardPage>
    );
  if (local.error)
    return (
      <CardPage>
        <Notice tone="error" title={t('media:micUnavailable')}>
          <p>{t(`media:mic.${local.error.kind}`)}</p>
        </Notice>
        <button type="button" className="btn btn-primary" onClick={() => void local.acquire()}>
          {t('retry')}
        </button>
      </CardPage>
    );
  if (!local.media) return <Spinner label={t('startingMedia')} />;

  const patientName = `${visit.patient.firstName} ${visit.patient.lastName}`;
  return (
    <>
      {local.media.cameraIssue && (
        <div className="room-top-notice">
          <Notice tone="warning">{t(`media:camera.${local.media.cameraIssue}`)}</Notice>
        </div>
      )}
      <ConsultationRoom
        localStream={local.media.stream}
        getAccess={getAccess}
        hangUp={hangUp}
        endedExternally={endedLive}
        checkEnded={checkEnded}
        remoteLabel={patientName}
        hangUpLabel={t('endConsultation')}
        endedContent={toCoding}
        aside={
          <>
            <ConsentPanel visitId={visitId} state={(live ?? visit).consents.find((c) => c.participant === 'patient')} audioOnly={false} />
            <DoctorNotes visitId={visitId} />
          </>
        }
        troubleHelp={
          <>
            <p>{t('help.doctorIntro')}</p>
            <ul>
              <li>{t('help.doctorNetwork')}</li>
              <li>{t('help.doctorPhone')}</li>
            </ul>
          </>
        }
      />
    </>
  );
}
