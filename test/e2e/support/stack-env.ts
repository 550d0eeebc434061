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
