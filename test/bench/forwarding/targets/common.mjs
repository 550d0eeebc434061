// What every forwarding target shares: SRTP keys, the streams of one side, and the target contract.
//
// A target is an SFU under test. start({ root, workerBin, workerEnv, workerCore, controlCore, log }) returns
//   { workerPid, controlPids, addConsultation(gen, suite), stop() }
// where addConsultation sets up one 1:1 consultation (two sides, each sending opus + VP8 and receiving
// the other's two streams) on the target, with `gen` (a LoadGenerator) as both sides' media: each side's
// SFU recv transport sends to a gen receiver, each side's gen sender sends to the SFU send transport.
// Another SFU (Janus, say) plugs in by implementing the same four members.
import { randomBytes } from 'node:crypto';
import { AUDIO_PT, VIDEO_PT } from '../clip.mjs';

const KEY_BYTES = { AEAD_AES_256_GCM: 44, AEAD_AES_128_GCM: 28, AES_CM_128_HMAC_SHA1_80: 30, AES_CM_128_HMAC_SHA1_32: 30 };

export function srtpKey(suite) {
  return { cryptoSuite: suite, keyBase64: randomBytes(KEY_BYTES[suite]).toString('base64') };
}

let ssrc = 100_000;
export function nextSsrc() {
  ssrc += 1;
  return ssrc;
}

export function rtpParameters(kind, streamSsrc) {
  const codec = kind === 'audio'
    ? { mimeType: 'audio/opus', payloadType: AUDIO_PT, clockRate: 48000, channels: 2 }
    : { mimeType: 'video/VP8', payloadType: VIDEO_PT, clockRate: 90000 };
  return { codecs: [codec], encodings: [{ ssrc: streamSsrc }] };
}

export const payloadType = (kind) => (kind === 'audio' ? AUDIO_PT : VIDEO_PT);
export const KINDS = ['audio', 'video'];
