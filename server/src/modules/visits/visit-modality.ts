import type { Modality, RoomMediaSummary } from '@visite/contracts';

/**
 * Packets a side must have sent through the SFU for its media to count: about one to two seconds of
 * video (or audio), so a camera switched on for an instant does not make a visit a video visit.
 */
export const MIN_MEDIA_PACKETS = 50;

/**
 * What the visit really was, from what the SFU carried (billing rule F1): `video` when both the doctor
 * and the patient sent video, `audio` when they talked without both videos, null when the SFU carried
 * nothing usable (or could not be asked): a biller must then record it with a reason.
 */
export function modalityFromMedia(summary: RoomMediaSummary | null): Modality | null {
  if (!summary) return null;
  const { doctor, patient } = summary;
  if (doctor.videoPackets >= MIN_MEDIA_PACKETS && patient.videoPackets >= MIN_MEDIA_PACKETS) return 'video';
  if (doctor.audioPackets >= MIN_MEDIA_PACKETS || patient.audioPackets >= MIN_MEDIA_PACKETS) return 'audio';
  return null;
}
