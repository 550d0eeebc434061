import type { MediaSideSummary, RoomMediaSummary } from '@visite/contracts';
import { MIN_MEDIA_PACKETS, modalityFromMedia } from './visit-modality';

const side = (audioPackets: number, videoPackets: number): MediaSideSummary => ({ audioPackets, videoPackets, audioBytes: audioPackets * 100, videoBytes: videoPackets * 1000 });
const summary = (doctor: MediaSideSummary, patient: MediaSideSummary): RoomMediaSummary => ({ roomId: 'r', doctor, patient });

describe('modalityFromMedia', () => {
  it('is video when both sides sent video', () => {
    expect(modalityFromMedia(summary(side(500, 900), side(500, 800)))).toBe('video');
  });

  it('is audio when the patient sent no video (no camera), even if the doctor did', () => {
    expect(modalityFromMedia(summary(side(500, 900), side(500, 0)))).toBe('audio');
  });

  it('is audio when the doctor had no video', () => {
    expect(modalityFromMedia(summary(side(500, 0), side(500, 900)))).toBe('audio');
  });

  it('does not count a camera switched on for an instant', () => {
    expect(modalityFromMedia(summary(side(500, 900), side(500, MIN_MEDIA_PACKETS - 1)))).toBe('audio');
    expect(modalityFromMedia(summary(side(500, 900), side(500, MIN_MEDIA_PACKETS)))).toBe('video');
  });

  it('is none when nothing went both ways: nothing at all, or only one side reached the SFU', () => {
    expect(modalityFromMedia(summary(side(0, 0), side(3, 0)))).toBe('none');
    // The doctor talked and showed video; the patient's media never got through (e.g. a browser that cannot send).
    expect(modalityFromMedia(summary(side(5000, 9000), side(0, 0)))).toBe('none');
    expect(modalityFromMedia(summary(side(0, 0), side(800, 0)))).toBe('none');
    expect(modalityFromMedia(summary(side(500, 0), side(MIN_MEDIA_PACKETS - 1, 0)))).toBe('none');
  });

  it('is audio when both sides sent media, even one of them only video', () => {
    expect(modalityFromMedia(summary(side(500, 0), side(0, 900)))).toBe('audio');
  });

  it('is null when the SFU could not be asked', () => {
    expect(modalityFromMedia(null)).toBeNull();
  });
});
