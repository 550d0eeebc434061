import { PROTOCOL_VERSION_MISMATCH } from '@visite/contracts';
import { describeConnectError } from './handshake-error';

describe('describeConnectError', () => {
  it('asks to reload on a protocol version mismatch', () => {
    const problem = describeConnectError({ message: 'x', data: { code: PROTOCOL_VERSION_MISMATCH, message: 'Reload the page.', protocolVersion: 2 } });
    expect(problem).toEqual({ code: PROTOCOL_VERSION_MISMATCH, message: 'Reload the page.', reload: true, refused: true });
  });

  it('shows the message of another refusal', () => {
    const problem = describeConnectError({ data: { code: 'JOIN_TOKEN_INVALID', message: 'This link is not valid.' } });
    expect(problem.refused).toBe(true);
    expect(problem.reload).toBe(false);
    expect(problem.message).toBe('This link is not valid.');
  });

  it('treats a transport error as transient', () => {
    expect(describeConnectError(new Error('websocket error')).refused).toBe(false);
  });
});
