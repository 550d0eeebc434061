import type { LogLevel } from '../config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

type Fields = Record<string, unknown>;

/** JSON-lines logger on stderr, one scope per component. */
export class Logger {
  readonly #level: LogLevel;
  readonly #scope: string;

  constructor(level: LogLevel, scope = 'sfu') {
    this.#level = level;
    this.#scope = scope;
  }

  get level(): LogLevel {
    return this.#level;
  }

  child(scope: string): Logger {
    return new Logger(this.#level, `${this.#scope}.${scope}`);
  }

  debug(msg: string, fields?: Fields): void {
    this.#write('debug', msg, fields);
  }

  info(msg: string, fields?: Fields): void {
    this.#write('info', msg, fields);
  }

  warn(msg: string, fields?: Fields): void {
    this.#write('warn', msg, fields);
  }

  error(msg: string, fields?: Fields): void {
    this.#write('error', msg, fields);
  }

  #write(level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Fields): void {
    if (RANK[level] < RANK[this.#level]) return;
    const line = { time: new Date().toISOString(), level, scope: this.#scope, msg, ...normalise(fields) };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  }
}

function normalise(fields: Fields | undefined): Fields {
  if (!fields) return {};
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? { name: value.name, message: value.message } : value;
  return out;
}
