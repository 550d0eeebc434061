import { findUnsafeInput, INPUT_TOO_DEEP, INVALID_TEXT, jsonDepthExceeds } from './safe-input';

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('findUnsafeInput', () => {
  it('accepts ordinary input, including accents, emoji and surrogate pairs', () => {
    expect(findUnsafeInput({ name: 'Hélène Dupré 👩‍⚕️', list: [1, 'a', null, { ok: true }] })).toBeNull();
  });

  it('refuses a NUL byte anywhere, with its path', () => {
    expect(findUnsafeInput({ patient: { lastName: 'Du\u0000rand' } })).toMatchObject({ code: INVALID_TEXT, path: 'patient.lastName' });
    expect(findUnsafeInput(['ok', 'bad\u0000'])).toMatchObject({ code: INVALID_TEXT, path: '1' });
  });

  it('refuses lone surrogates, high or low, in values and in keys', () => {
    expect(findUnsafeInput({ email: 'a\uD800@b.fr' })).toMatchObject({ code: INVALID_TEXT, path: 'email' });
    expect(findUnsafeInput({ reason: '\uDC00' })).toMatchObject({ code: INVALID_TEXT });
    expect(findUnsafeInput({ ['k\uD83D']: 1 })).toMatchObject({ code: INVALID_TEXT });
  });

  it('refuses nesting beyond the limit without overflowing the stack', () => {
    expect(findUnsafeInput(nested(31))).toBeNull();
    expect(findUnsafeInput(nested(33))).toMatchObject({ code: INPUT_TOO_DEEP });
    expect(findUnsafeInput(nested(100_000))).toMatchObject({ code: INPUT_TOO_DEEP });
  });
});

describe('jsonDepthExceeds', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[["}', 2)).toBe(false);
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('['.repeat(3000) + ']'.repeat(3000))).toBe(true);
  });
});
