/**
 * The patient's (or doctor's) camera and microphone: ONE getUserMedia call whose tracks are then reused
 * for the preview and for the room (iOS Safari breaks when getUserMedia is called again to toggle).
 */

export type LocalMediaErrorKind = 'mic-denied' | 'no-mic' | 'mic-in-use' | 'insecure-context' | 'unsupported' | 'unknown';

/** Why the camera is not in the stream, when it is not (its message: `media:camera.<issue>`). */
export type CameraIssue = 'no-camera' | 'camera-denied' | 'camera-in-use' | 'camera-failed';

/** The catalogue key of the message to show for it is `media:mic.<kind>`. */
export class LocalMediaError extends Error {
  override readonly name = 'LocalMediaError';
  constructor(readonly kind: LocalMediaErrorKind) {
    super(`microphone unavailable: ${kind}`);
  }
}

export interface LocalMedia {
  stream: MediaStream;
  hasVideo: boolean;
  cameraIssue: CameraIssue | null;
}

type GumFailure = 'denied' | 'not-found' | 'in-use' | 'other';

/** Classifies a getUserMedia rejection (a DOMException, by its name). */
export function classifyGetUserMediaError(error: unknown): GumFailure {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'other';
  }
}

export function micErrorFromFailure(failure: GumFailure): LocalMediaError {
  const kind: LocalMediaErrorKind = failure === 'denied' ? 'mic-denied' : failure === 'not-found' ? 'no-mic' : failure === 'in-use' ? 'mic-in-use' : 'unknown';
  return new LocalMediaError(kind);
}

export function cameraIssueFromFailure(failure: GumFailure): CameraIssue {
  return failure === 'denied' ? 'camera-denied' : failure === 'not-found' ? 'no-camera' : failure === 'in-use' ? 'camera-in-use' : 'camera-failed';
}

const AUDIO_CONSTRAINTS: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  facingMode: 'user',
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 30, max: 30 },
};

async function hasVideoInput(): Promise<boolean | null> {
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.some((d) => d.kind === 'videoinput');
  } catch {
    return null;
  }
}

/**
 * Acquires microphone and camera. Falls back to audio only when there is no camera or it is refused
 * or busy; throws a LocalMediaError when the microphone cannot be had.
 */
export async function acquireLocalMedia(): Promise<LocalMedia> {
  if (typeof window !== 'undefined' && !window.isSecureContext) {
    throw new LocalMediaError('insecure-context');
  }
  if (!navigator.mediaDevices?.getUserMedia) throw new LocalMediaError('unsupported');

  const cameraPresent = await hasVideoInput();
  if (cameraPresent !== false) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: AUDIO_CONSTRAINTS, video: VIDEO_CONSTRAINTS });
      return { stream, hasVideo: stream.getVideoTracks().length > 0, cameraIssue: null };
    } catch (error) {
      const failure = classifyGetUserMediaError(error);
      // Retry with the microphone alone: tells apart "camera only" problems from microphone ones.
      const audioOnly = await getAudioOnly();
      return { stream: audioOnly, hasVideo: false, cameraIssue: cameraIssueFromFailure(failure) };
    }
  }
  const stream = await getAudioOnly();
  return { stream, hasVideo: false, cameraIssue: 'no-camera' };
}

async function getAudioOnly(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: AUDIO_CONSTRAINTS, video: false });
  } catch (error) {
    throw micErrorFromFailure(classifyGetUserMediaError(error));
  }
}

/** Stops every track of a stream (turns the camera light off). */
export function stopStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}
