/**
 * The speaker test's sound: three short tones (a WAV made here, no file to fetch), played on the chosen
 * output where the browser lets a page choose it (`setSinkId`: Chrome, Edge, Firefox; not Safari).
 */

const SAMPLE_RATE = 22_050;

/** A mono 16-bit WAV of the given tones (frequency Hz, duration s), each with a short fade. */
export function toneWav(tones: readonly [number, number][]): ArrayBuffer {
  const gap = Math.round(SAMPLE_RATE * 0.08);
  const samples = tones.reduce((n, [, seconds]) => n + Math.round(seconds * SAMPLE_RATE) + gap, 0);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  let offset = 44;
  for (const [frequency, seconds] of tones) {
    const length = Math.round(seconds * SAMPLE_RATE);
    const fade = Math.round(SAMPLE_RATE * 0.02);
    for (let i = 0; i < length; i++) {
      const envelope = Math.min(1, i / fade, (length - i) / fade);
      view.setInt16(offset, Math.round(Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE) * envelope * 0.5 * 32767), true);
      offset += 2;
    }
    offset += gap * 2;
  }
  return buffer;
}

/** Whether this browser lets a page choose the speaker. */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Plays the test sound on `sinkId` (or the default output); resolves when it has played. */
export async function playTestTone(sinkId?: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([toneWav([[523, 0.25], [659, 0.25], [784, 0.4]])], { type: 'audio/wav' }));
  const audio = new Audio(url);
  try {
    if (sinkId && canChooseSpeaker()) await (audio as HTMLAudioElement & { setSinkId(id: string): Promise<void> }).setSinkId(sinkId);
    await new Promise<void>((resolve, reject) => {
      audio.onended = () => resolve();
      audio.onerror = () => reject(new Error('the test sound could not be played'));
      audio.play().catch(reject);
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
