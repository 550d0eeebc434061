import type { Modality, RoomMediaSummary } from '@visite/contracts';

/**
 * Packets a side must have sent through the SFU for its media to count: about one to two seconds of
 * video (or audio), so a camera switched on for an instant does not make a visit a video visit.
 */
export const MIN_MEDIA_PACKETS = 50;

/**
 * What the visit really was, from what the SFU carried (billing rule F1): `video` when both the doctor
 * and the patient sent video, `audio` when both sent media but not both video, `none` when media did not
 * go both ways (nothing at all, or only one side got through: the other never reached the SFU), and null
 * when the SFU could not be asked: a biller must then record it with a reason.
 */
export function modalityFromMedia(summary: RoomMediaSummary | null): Modality | null {
  if (!summary) return null;
  const { doctor, patient } = summary;
  if (doctor.videoPackets >= MIN_MEDIA_PACKETS && patient.videoPackets >= MIN_MEDIA_PACKETS) return 'video';
  if (sentMedia(doctor) && sentMedia(patient)) return 'audio';
  return 'none';
}

function sentMedia(side: RoomMediaSummary['doctor']): boolean {
  return side.audioPackets >= MIN_MEDIA_PACKETS || side.videoPackets >= MIN_MEDIA_PACKETS;
}
