import { t } from '@visite/i18n';
import { cameraIssueFromFailure, classifyGetUserMediaError, micErrorFromFailure } from './local-media';

describe('getUserMedia error mapping', () => {
  it('classifies DOMException names', () => {
    expect(classifyGetUserMediaError({ name: 'NotAllowedError' })).toBe('denied');
    expect(classifyGetUserMediaError({ name: 'NotFoundError' })).toBe('not-found');
    expect(classifyGetUserMediaError({ name: 'OverconstrainedError' })).toBe('not-found');
    expect(classifyGetUserMediaError({ name: 'NotReadableError' })).toBe('in-use');
    expect(classifyGetUserMediaError(new Error('x'))).toBe('other');
    expect(classifyGetUserMediaError(null)).toBe('other');
  });

  it('maps microphone failures to a typed error whose kind names its message in both catalogues', () => {
    const denied = micErrorFromFailure('denied');
    expect(denied.kind).toBe('mic-denied');
    expect(t('fr', `media:mic.${denied.kind}`)).toBe('L’accès au micro a été refusé. Le médecin a besoin de vous entendre.');
    expect(t('en', `media:mic.${denied.kind}`)).toMatch(/refused/);
    expect(micErrorFromFailure('not-found').kind).toBe('no-mic');
    expect(micErrorFromFailure('other').kind).toBe('unknown');
  });

  it('maps camera failures to an issue (audio-only fallback)', () => {
    expect(cameraIssueFromFailure('denied')).toBe('camera-denied');
    expect(cameraIssueFromFailure('not-found')).toBe('no-camera');
    expect(cameraIssueFromFailure('in-use')).toBe('camera-in-use');
  });
});
