import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { join } from 'node:path';

/** What the global setup started, handed to the specs through the environment. */
export interface E2eStack {
  baseUrl: string;
  databaseUrl: string;
}

export const STATE_FILE = join(__dirname, '..', '..', 'artifacts', 'e2e-stack.json');
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** The stack the global setup started. */
export function readStack(): E2eStack {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eStack;
}

export interface StoredVisit {
  status: string;
  started_at: Date | null;
  ended_at: Date | null;
  ended_by: string | null;
}

/** The visit's row as PostgreSQL holds it (what the product stored, not what a page shows). */
export async function storedVisit(stack: E2eStack, visitId: string): Promise<StoredVisit> {
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT status, started_at, ended_at, ended_by FROM visits WHERE id = $1', [visitId]);
    if (rows.length !== 1) throw new Error(`visit ${visitId} is not stored`);
    return rows[0] as StoredVisit;
  } finally {
    await db.end();
  }
}
