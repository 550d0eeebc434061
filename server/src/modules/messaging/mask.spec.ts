import { maskEmail, maskPhone, redactProviderText } from './mask';

describe('masking', () => {
  it('masks e-mail addresses and phone numbers', () => {
    expect(maskEmail('jeanne.durand@example.fr')).toBe('j•••@example.fr');
    expect(maskPhone('+33 6 12 34 56 78')).toBe('+336•••78');
    expect(maskPhone('06 12 34 56 78')).toBe('06•••78');
  });

  it('takes addresses, phone numbers and join links out of a provider error', () => {
    const text = redactProviderText('550 5.1.1 <jeanne.durand@example.fr>: Recipient address rejected for +33612345678 (https://v.test/join/AbC_12-xyz)');
    expect(text).toBe('550 5.1.1 <j•••@example.fr>: Recipient address rejected for +336•••78 (https://v.test/join/•••)');
    expect(redactProviderText('x'.repeat(900))).toHaveLength(500);
  });
});
