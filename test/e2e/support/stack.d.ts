declare module '*/scripts/lib/stack.mjs' {
  export function freePort(): Promise<number>;
  export function startStack(options: Record<string, unknown>): Promise<{ publicUrl: string; sfuUrl: string; stop(): Promise<void> }>;
}
