/**
 * Input that no route accepts, checked before any schema or service walks it: strings holding a NUL
 * byte (PostgreSQL cannot store it in text) or a lone UTF-16 surrogate (not valid Unicode: it breaks
 * JSON, URI and database encodings), and structures nested deeper than any Visite message.
 * Shared by the server's edge (HTTP bodies, queries, params, socket messages) and the web.
 */

/** Deeper than any request Visite defines (the deepest, a billing line coding, is 3 levels). */
export const MAX_INPUT_DEPTH = 32;

export const INPUT_TOO_DEEP = 'INPUT_TOO_DEEP';
export const INVALID_TEXT = 'INVALID_TEXT';

export interface UnsafeInput {
  code: typeof INPUT_TOO_DEEP | typeof INVALID_TEXT;
  /** Dotted path of the offending value (empty for the root). */
  path: string;
  message: string;
}

/** Why a string cannot be accepted, or null. */
export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (!isWellFormed(text)) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(text);
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * The first unsafe value in a parsed input (JSON values, a query object, a socket payload), or null.
 * Iterative, so a hostile depth cannot overflow the stack; stops at the first problem.
 */
export function findUnsafeInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): UnsafeInput | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      const reason = unsafeTextReason(v);
      if (reason) return { code: INVALID_TEXT, path: item.path, message: reason };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (item.depth >= maxDepth) return { code: INPUT_TOO_DEEP, path: item.path, message: `is nested more than ${maxDepth} levels deep` };
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v as Record<string, unknown>);
    for (const [key, child] of entries) {
      const path = item.path ? `${item.path}.${key}` : key;
      const keyReason = unsafeTextReason(key);
      if (keyReason) return { code: INVALID_TEXT, path, message: `field name ${keyReason}` };
      stack.push({ value: child, depth: item.depth + 1, path });
    }
  }
  return null;
}

/**
 * Nesting depth of a JSON text, counted on the raw characters before it is parsed (brackets inside
 * strings do not count). Returns as soon as `limit` is exceeded.
 */
export function jsonDepthExceeds(text: string, limit = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
