import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './stack-env';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __visiteStack?: { stop(): Promise<void>; lines: string[] } }).__visiteStack;
  if (!stack) return;
  await stack.stop();
  writeFileSync(join(ARTIFACTS, 'e2e-stack.log'), stack.lines.join('\n'));
}
