import { useCallback } from 'react';
import { ApiError } from '../../shared/api/api-error';
import { patientRoomApi } from './consultation-api';
import { ConsultationRoom } from './consultation-room';
import { ROOM_TEXT } from './strings';

export interface PatientConsultationProps {
  token: string;
  localStream: MediaStream;
  doctorName: string;
  /** The realtime channel said the visit ended. */
  visitEnded: boolean;
}

/** The patient's side of the room, entered with the stream acquired during the device check. */
export function PatientConsultation({ token, localStream, doctorName, visitEnded }: PatientConsultationProps) {
  const getAccess = useCallback(() => patientRoomApi.mediaAccess(token), [token]);
  const hangUp = useCallback(async () => {
    // The patient can always leave, even if telling the server fails.
    await patientRoomApi.end(token).catch((e: unknown) => console.warn('[room] end failed', e));
  }, [token]);
  const checkEnded = useCallback(async () => {
    try {
      const info = await patientRoomApi.info(token);
      return info.status === 'completed' || info.status === 'cancelled';
    } catch (e) {
      // The link stops working once the visit is over.
      return e instanceof ApiError && (e.status === 404 || e.status === 410);
    }
  }, [token]);

  return (
    <ConsultationRoom
      localStream={localStream}
      getAccess={getAccess}
      hangUp={hangUp}
      endedExternally={visitEnded}
      checkEnded={checkEnded}
      remoteLabel={doctorName}
      hangUpLabel={ROOM_TEXT.hangUp}
      endedContent={<p>{ROOM_TEXT.endedPatient}</p>}
    />
  );
}
