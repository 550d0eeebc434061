import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The embedded database (PGlite) lives in one process: a second process writing the same data
 * directory (a CLI while the server runs) loses its writes or corrupts the files. The server holds a
 * lock file with its pid beside the database while it runs; the CLIs refuse while a live process holds it.
 */
export interface LockHolder {
  pid: number;
  startedAt: string;
  url: string | null;
}

export function lockFileOf(pgliteDir: string): string {
  return join(dirname(pgliteDir), 'server.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the data directory, if any (a stale lock of a dead process is ignored). */
export function dataDirHolder(pgliteDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(lockFileOf(pgliteDir), 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

export class DataDirBusyError extends Error {
  constructor(pgliteDir: string, holder: LockHolder) {
    super(
      `The Visite server (pid ${holder.pid}, started ${holder.startedAt}${holder.url ? `, ${holder.url}` : ''}) holds the embedded database in ${dirname(pgliteDir)}.\n` +
        `Only one process can use it at a time: anything written now would be lost. Stop the server (Ctrl+C in its terminal), run this command, then start it again.\n` +
        `(With PostgreSQL, DATABASE_URL, this command can run while the server runs.)`,
    );
  }
}

/** Refuses (DataDirBusyError) while another live process holds the data directory. */
export function assertDataDirFree(pgliteDir: string): void {
  const holder = dataDirHolder(pgliteDir);
  if (holder) throw new DataDirBusyError(pgliteDir, holder);
}

/** Takes the data directory for this process; returns the release function. */
export function acquireDataDir(pgliteDir: string, url: string | null): () => void {
  assertDataDirFree(pgliteDir);
  mkdirSync(dirname(pgliteDir), { recursive: true });
  const file = lockFileOf(pgliteDir);
  writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), url } satisfies LockHolder));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
      if (holder.pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}
