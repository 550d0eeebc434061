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
  /**
   * `cameraDenied`: the camera was refused too (when the browser tells), so the screen names both.
   */
  constructor(
    readonly kind: LocalMediaErrorKind,
    readonly cameraDenied = false,
  ) {
    super(`microphone unavailable: ${kind}`);
  }
}

/** The devices a person picked (the check's selectors); absent: the browser's default. */
export interface DeviceChoice {
  audioDeviceId?: string;
  videoDeviceId?: string;
}

export interface LocalMedia {
  stream: MediaStream;
  hasVideo: boolean;
  cameraIssue: CameraIssue | null;
}

/** The id of the device a track comes from ('' when the browser does not say). */
export function deviceIdOf(track: MediaStreamTrack | undefined): string {
  return track?.getSettings?.().deviceId ?? '';
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
export async function acquireLocalMedia(choice: DeviceChoice = {}): Promise<LocalMedia> {
  if (typeof window !== 'undefined' && !window.isSecureContext) {
    throw new LocalMediaError('insecure-context');
  }
  if (!navigator.mediaDevices?.getUserMedia) throw new LocalMediaError('unsupported');

  const audio: MediaTrackConstraints = { ...AUDIO_CONSTRAINTS, ...(choice.audioDeviceId ? { deviceId: { exact: choice.audioDeviceId } } : {}) };
  const video: MediaTrackConstraints = { ...VIDEO_CONSTRAINTS, ...(choice.videoDeviceId ? { deviceId: { exact: choice.videoDeviceId } } : {}) };
  const cameraPresent = await hasVideoInput();
  if (cameraPresent !== false) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio, video });
      return { stream, hasVideo: stream.getVideoTracks().length > 0, cameraIssue: null };
    } catch (error) {
      const failure = classifyGetUserMediaError(error);
      // Retry with the microphone alone: tells apart "camera only" problems from microphone ones.
      const audioOnly = await getAudioOnly(audio, failure === 'denied');
      return { stream: audioOnly, hasVideo: false, cameraIssue: cameraIssueFromFailure(failure) };
    }
  }
  const stream = await getAudioOnly(audio, false);
  return { stream, hasVideo: false, cameraIssue: 'no-camera' };
}

/**
 * The microphone alone. When it is refused after a refused camera+microphone request, asks the
 * Permissions API whether the camera was refused too, so both are named.
 */
async function getAudioOnly(audio: MediaTrackConstraints, bothAsked: boolean): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video: false });
  } catch (error) {
    const mic = micErrorFromFailure(classifyGetUserMediaError(error));
    if (mic.kind !== 'mic-denied' || !bothAsked) throw mic;
    throw new LocalMediaError(mic.kind, (await permissionState('camera')) === 'denied');
  }
}

/** 'granted' | 'denied' | 'prompt', or null when the browser does not answer for this device. */
export async function permissionState(name: 'camera' | 'microphone'): Promise<PermissionState | null> {
  try {
    const status = await navigator.permissions?.query({ name: name as PermissionName });
    return status?.state ?? null;
  } catch {
    return null;
  }
}

/** Stops every track of a stream (turns the camera light off). */
export function stopStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}
