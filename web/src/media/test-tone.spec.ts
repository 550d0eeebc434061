import { toneWav } from './test-tone';

describe('the speaker test sound', () => {
  it('is a valid mono 16-bit PCM WAV of the tones asked for', () => {
    const wav = toneWav([[440, 0.5]]);
    const view = new DataView(wav);
    const text = (o: number, n: number) => String.fromCharCode(...new Uint8Array(wav, o, n));
    expect([text(0, 4), text(8, 4), text(36, 4)]).toEqual(['RIFF', 'WAVE', 'data']);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint16(34, true)).toBe(16);
    const samples = view.getUint32(40, true) / 2;
    expect(samples).toBe(Math.round(0.5 * 22_050) + Math.round(22_050 * 0.08));
    // Not silence: the middle of the tone is loud.
    let peak = 0;
    for (let i = 0; i < 2000; i++) peak = Math.max(peak, Math.abs(view.getInt16(44 + (5000 + i) * 2, true)));
    expect(peak).toBeGreaterThan(15_000);
  });
});
