import { PROTOCOL_VERSION, versionMismatchMessage } from './protocol';
import { signalingRequestSchemas, signalingHandshakeSchema } from './signaling/messages';

describe('protocol', () => {
  it('explains a version mismatch with both versions', () => {
    const message = versionMismatchMessage(0);
    expect(message).toContain('version 0');
    expect(message).toContain(`version ${PROTOCOL_VERSION}`);
  });

  it('refuses unknown fields and wrong types in signaling requests', () => {
    expect(signalingRequestSchemas.produce.safeParse({ transportId: 't', kind: 'video', rtpParameters: {}, source: 'camera' }).success).toBe(true);
    expect(signalingRequestSchemas.produce.safeParse({ transportId: 't', kind: 'data', rtpParameters: {}, source: 'camera' }).success).toBe(false);
    expect(signalingRequestSchemas.leave.safeParse({ extra: 1 }).success).toBe(false);
    expect(signalingHandshakeSchema.safeParse({ protocolVersion: '1', token: 'x'.repeat(30) }).success).toBe(false);
  });
});
