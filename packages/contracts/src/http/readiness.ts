import { z } from 'zod';
import { isoDate, text, uuid } from '../input/primitives';
import type { PatientView } from './patients';
import { defineRoute } from './route';
import { joinTokenParams } from './join';
import type { MediaAccess, VisitStatus } from './visits';

/**
 * The patient's pre-call check (devices and a network test through the real media path) and what it
 * says about their readiness for the visit. The browser measures; the verdict is computed from the
 * measures by `judgeReadiness` here, on both sides (the web shows it, the server stores it).
 */

/** What became of a device: `ok`, or why it cannot be used. */
export const DEVICE_STATES = ['ok', 'none', 'denied', 'in-use', 'failed'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const SPEAKER_STATES = ['heard', 'not-heard', 'not-tested'] as const;
export type SpeakerState = (typeof SPEAKER_STATES)[number];

/** Why the network test could not carry media (null when it could). */
export const NETWORK_FAILURES = ['not-run', 'sfu-unreachable', 'refused', 'ice-failed', 'no-media-back', 'timeout'] as const;
export type NetworkFailure = (typeof NETWORK_FAILURES)[number];

const figure = (max: number) => z.number().finite().min(0).max(max).nullable();

/** Figures of the network test, measured with getStats() on the loopback through the SFU. */
export const networkFiguresSchema = z.strictObject({
  /** ICE and DTLS connected to the SFU. */
  connected: z.boolean(),
  failure: z.enum(NETWORK_FAILURES).nullable(),
  /** Round-trip time to the SFU (ICE candidate pair, else RTCP). */
  rttMs: figure(60_000),
  /** Bitrate sent to the SFU and received back from it, audio and video together, in kbit/s. */
  sendKbps: figure(100_000),
  receiveKbps: figure(100_000),
  /** Video received back, kbit/s (null when no video was sent). */
  videoReceiveKbps: figure(100_000),
  /** Share of packets lost on the way back, in percent. */
  lossPct: figure(100),
  audioReceived: z.boolean(),
  videoSent: z.boolean(),
  videoReceived: z.boolean(),
  durationMs: z.number().int().min(0).max(120_000),
});
export type NetworkFigures = z.infer<typeof networkFiguresSchema>;

/** POST /api/join/:token/check/result: what the patient's browser found. */
export const readinessReportSchema = z.strictObject({
  camera: z.enum(DEVICE_STATES),
  microphone: z.enum(DEVICE_STATES),
  speaker: z.enum(SPEAKER_STATES),
  network: networkFiguresSchema,
  /** Browser family as the web recognised it (chrome, safari-ios, samsung...). */
  browser: text(40),
  inAppBrowser: z.boolean(),
});
export type ReadinessReport = z.infer<typeof readinessReportSchema>;

/** What the network test says, in the patient's words: the verdict the check screen shows. */
export type NetworkVerdict = 'good' | 'audio-only' | 'cannot-connect';

export type ReadinessOutcome = 'ready' | 'doubtful' | 'failed';

/** Why a check is not `ready` (catalogue: `join:readiness.reason.<code>`). Ordered: the first is the main one. */
export const READINESS_REASONS = [
  'mic-denied',
  'no-mic',
  'mic-failed',
  'network-failed',
  'in-app-browser',
  'camera-denied',
  'no-camera',
  'camera-failed',
  'network-weak',
  'speaker-not-heard',
] as const;
export type ReadinessReason = (typeof READINESS_REASONS)[number];

/** Thresholds of the network verdict (what a teleconsultation needs; see docs/join-check.md). */
export const NETWORK_THRESHOLDS = {
  /** Below this, received video freezes: start in audio. */
  minVideoKbps: 150,
  /** Above this round trip, conversation suffers and video is not worth it. */
  maxRttMs: 500,
  /** Above this loss on the way back, video freezes. */
  maxLossPct: 8,
} as const;

export function judgeNetwork(figures: NetworkFigures): NetworkVerdict {
  if (!figures.connected || !figures.audioReceived || figures.failure !== null) return 'cannot-connect';
  const t = NETWORK_THRESHOLDS;
  if (figures.rttMs !== null && figures.rttMs > t.maxRttMs) return 'audio-only';
  if (figures.lossPct !== null && figures.lossPct > t.maxLossPct) return 'audio-only';
  if (figures.videoSent && (!figures.videoReceived || (figures.videoReceiveKbps ?? 0) < t.minVideoKbps)) return 'audio-only';
  return 'good';
}

export interface ReadinessVerdict {
  outcome: ReadinessOutcome;
  /** Empty when ready; the first is the main reason. */
  reasons: ReadinessReason[];
  network: NetworkVerdict;
  /** How the visit should start: video only when the camera works and the network carries it. */
  modality: 'video' | 'audio';
}

/** The verdict of a check, from what the browser found. */
export function judgeReadiness(report: ReadinessReport): ReadinessVerdict {
  const network = judgeNetwork(report.network);
  const reasons: ReadinessReason[] = [];
  const mic = report.microphone;
  if (mic !== 'ok') reasons.push(mic === 'denied' ? 'mic-denied' : mic === 'none' ? 'no-mic' : 'mic-failed');
  if (mic === 'ok' && network === 'cannot-connect') reasons.push('network-failed');
  if (report.inAppBrowser) reasons.push('in-app-browser');
  const cam = report.camera;
  if (cam !== 'ok') reasons.push(cam === 'denied' ? 'camera-denied' : cam === 'none' ? 'no-camera' : 'camera-failed');
  if (network === 'audio-only') reasons.push('network-weak');
  if (report.speaker === 'not-heard') reasons.push('speaker-not-heard');
  const failed = reasons.some((r) => r === 'mic-denied' || r === 'no-mic' || r === 'mic-failed' || r === 'network-failed');
  return {
    outcome: failed ? 'failed' : reasons.length > 0 ? 'doubtful' : 'ready',
    reasons,
    network,
    modality: cam === 'ok' && network === 'good' ? 'video' : 'audio',
  };
}

/** A stored check, as the patient and the practice see it. */
export interface ReadinessSummary {
  outcome: ReadinessOutcome;
  reasons: ReadinessReason[];
  modality: 'video' | 'audio';
  checkedAt: string;
  /** The figures that decided it (null when the network test did not run). */
  rttMs: number | null;
  receiveKbps: number | null;
  lossPct: number | null;
  browser: string;
}

/** GET /api/join/:token/check: the patient's latest check for this visit, if any. */
export interface JoinReadiness {
  latest: ReadinessSummary | null;
}

/** One visit of a doctor's day with its patient's readiness (null: not checked). */
export interface VisitReadiness {
  visitId: string;
  scheduledAt: string;
  status: VisitStatus;
  patient: Pick<PatientView, 'id' | 'firstName' | 'lastName'>;
  readiness: ReadinessSummary | null;
}

/** GET /api/readiness/day?date=YYYY-MM-DD&doctorId=: a doctor's day, each patient ready, doubtful or not checked. */
export interface DayReadiness {
  date: string;
  doctorId: string;
  visits: VisitReadiness[];
}

export const dayReadinessQuerySchema = z.strictObject({ date: isoDate(), doctorId: uuid().optional() });

export const readinessRoutes = {
  /** A test token for a fresh check room (never a visit's room), valid about a minute. */
  checkAccess: defineRoute<MediaAccess>()({ method: 'POST', path: '/api/join/:token/check/access', params: joinTokenParams, access: 'join' }),
  report: defineRoute<ReadinessSummary>()({ method: 'POST', path: '/api/join/:token/check/result', params: joinTokenParams, body: readinessReportSchema, status: 201, access: 'join' }),
  latest: defineRoute<JoinReadiness>()({ method: 'GET', path: '/api/join/:token/check', params: joinTokenParams, access: 'join' }),
  day: defineRoute<DayReadiness>()({ method: 'GET', path: '/api/readiness/day', query: dayReadinessQuerySchema, access: 'staff' }),
} as const;
