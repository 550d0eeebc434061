import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, in the same context', () => {
    const sealed = box.seal('jeanne@example.fr', 'outbox:1');
    expect(sealed).not.toContain('jeanne');
    expect(box.open(sealed, 'outbox:1')).toBe('jeanne@example.fr');
  });

  it('seals the same text differently each time', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it('refuses another context, another key and a tampered value', () => {
    const sealed = box.seal('token', 'join-token:a');
    expect(() => box.open(sealed, 'join-token:b')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'join-token:a')).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(tampered, 'join-token:a')).toThrow();
    expect(() => box.open('garbage', 'join-token:a')).toThrow();
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
