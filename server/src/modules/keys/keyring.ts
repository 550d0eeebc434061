import { randomBytes } from 'node:crypto';
import { keyedHash, open, seal } from './envelope';
import { MasterKeyMismatchError } from './keys.exception';
import type { MasterKey } from './master-key';
import type { PracticeKeyEntity, PracticeKeyPurpose } from './practice-key.entity';
import type { PracticeKeysRepository } from './practice-keys.repository';

/** Prefix of every encrypted field value: `enc1:<data key version>:<base64 of iv ‖ ciphertext ‖ tag>`. */
export const ENCRYPTED_PREFIX = 'enc1:';

/** How long a node trusts its knowledge of a practice's newest data key (another node may add one). */
const ACTIVE_VERSION_TTL_MS = 60_000;

interface PracticeKeys {
  data: Map<number, Buffer>;
  index: Buffer;
  newest: number;
  loadedAt: number;
}

/** Where an encrypted value lives: the ciphertext opens only there (table, column and row). */
export interface FieldPlace {
  table: string;
  column: string;
  rowId: string;
}

const aadOfKey = (k: Pick<PracticeKeyEntity, 'practiceId' | 'purpose' | 'version'>) => `visite-key:${k.practiceId}:${k.purpose}:${k.version}`;
const aadOfField = (practiceId: string, place: FieldPlace) => `visite-field:${practiceId}:${place.table}.${place.column}:${place.rowId}`;

/**
 * Envelope encryption of health data: one set of keys per practice (versioned data keys for fields, one
 * index key for blind indexes), each wrapped by the master key from the configuration. The unwrapped keys
 * live only in this process's memory.
 *
 * Reusable by any module: `encrypt`/`decrypt` a field in its place, `blindIndex` a normalised value.
 */
export class Keyring {
  private readonly practices = new Map<string, PracticeKeys>();
  private readonly loading = new Map<string, Promise<PracticeKeys>>();
  private verified: Promise<number> | null = null;

  constructor(
    private readonly repo: PracticeKeysRepository,
    private readonly current: MasterKey,
    private readonly previous: readonly MasterKey[] = [],
  ) {}

  get masterKeyId(): string {
    return this.current.id;
  }

  /**
   * At boot: every stored key must open with a configured master key (else MasterKeyMismatchError);
   * keys still wrapped by a previous master key are re-wrapped under the current one. Returns how many.
   */
  /** Resolves once the stored keys are verified (and re-wrapped): before any health data is read at boot. */
  ready(): Promise<number> {
    this.verified ??= this.verifyAndRewrap();
    return this.verified;
  }

  async verifyAndRewrap(): Promise<number> {
    let rewrapped = 0;
    for (const row of await this.repo.all()) {
      const raw = this.unwrap(row);
      if (row.masterKeyId !== this.current.id && (await this.repo.rewrap(row.id, row.masterKeyId, this.wrap(row, raw), this.current.id))) rewrapped++;
    }
    this.practices.clear();
    return rewrapped;
  }

  async encrypt(practiceId: string, place: FieldPlace, plaintext: string): Promise<string> {
    const keys = await this.keysOf(practiceId, true);
    const sealed = seal(keys.data.get(keys.newest)!, Buffer.from(plaintext, 'utf8'), aadOfField(practiceId, place));
    return `${ENCRYPTED_PREFIX}${keys.newest}:${sealed.toString('base64')}`;
  }

  async decrypt(practiceId: string, place: FieldPlace, value: string): Promise<string> {
    const match = /^enc1:(\d+):([A-Za-z0-9+/=]+)$/.exec(value);
    if (!match) throw new Error(`${place.table}.${place.column} of ${place.rowId} is not an encrypted value`);
    const version = Number(match[1]);
    let keys = await this.keysOf(practiceId, false);
    if (!keys.data.has(version)) keys = await this.reload(practiceId);
    const key = keys.data.get(version);
    if (!key) throw new Error(`practice ${practiceId} has no data key version ${version}`);
    return open(key, Buffer.from(match[2]!, 'base64'), aadOfField(practiceId, place)).toString('utf8');
  }

  async encryptNullable(practiceId: string, place: FieldPlace, plaintext: string | null): Promise<string | null> {
    return plaintext === null ? null : this.encrypt(practiceId, place, plaintext);
  }

  async decryptNullable(practiceId: string, place: FieldPlace, value: string | null): Promise<string | null> {
    return value === null ? null : this.decrypt(practiceId, place, value);
  }

  /** Keyed hash of an already normalised value, for equality search within the practice. */
  async blindIndex(practiceId: string, kind: string, normalized: string): Promise<string> {
    return keyedHash((await this.keysOf(practiceId, false)).index, `${kind}:${normalized}`);
  }

  /** Starts a new data key version: new writes use it, every earlier version stays readable. */
  async addDataKeyVersion(practiceId: string): Promise<number> {
    await this.keysOf(practiceId, false);
    const version = (await this.repo.maxVersion(practiceId, 'data')) + 1;
    await this.insertKey(practiceId, 'data', version);
    return (await this.reload(practiceId)).newest;
  }

  private async keysOf(practiceId: string, forWriting: boolean): Promise<PracticeKeys> {
    const known = this.practices.get(practiceId);
    if (known && (!forWriting || Date.now() - known.loadedAt < ACTIVE_VERSION_TTL_MS)) return known;
    return this.reload(practiceId);
  }

  private reload(practiceId: string): Promise<PracticeKeys> {
    const pending = this.loading.get(practiceId);
    if (pending) return pending;
    const run = this.load(practiceId).finally(() => this.loading.delete(practiceId));
    this.loading.set(practiceId, run);
    return run;
  }

  private async load(practiceId: string): Promise<PracticeKeys> {
    let rows = await this.repo.forPractice(practiceId);
    if (!rows.some((r) => r.purpose === 'index') || !rows.some((r) => r.purpose === 'data')) {
      // A practice's first use: its keys are created here (the unique version index settles races).
      if (!rows.some((r) => r.purpose === 'index')) await this.insertKey(practiceId, 'index', 1);
      if (!rows.some((r) => r.purpose === 'data')) await this.insertKey(practiceId, 'data', 1);
      rows = await this.repo.forPractice(practiceId);
    }
    const data = new Map<number, Buffer>();
    let index: Buffer | null = null;
    for (const row of rows) {
      const raw = this.unwrap(row);
      if (row.purpose === 'data') data.set(row.version, raw);
      else index = raw;
    }
    const keys: PracticeKeys = { data, index: index!, newest: Math.max(...data.keys()), loadedAt: Date.now() };
    this.practices.set(practiceId, keys);
    return keys;
  }

  private async insertKey(practiceId: string, purpose: PracticeKeyPurpose, version: number): Promise<void> {
    const raw = randomBytes(32);
    await this.repo.insertIfAbsent({ practiceId, purpose, version, wrappedKey: this.wrap({ practiceId, purpose, version }, raw), masterKeyId: this.current.id });
  }

  private wrap(row: Pick<PracticeKeyEntity, 'practiceId' | 'purpose' | 'version'>, raw: Buffer): string {
    return seal(this.current.key, raw, aadOfKey(row)).toString('base64');
  }

  private unwrap(row: PracticeKeyEntity): Buffer {
    const master = [this.current, ...this.previous].find((m) => m.id === row.masterKeyId);
    if (!master) throw new MasterKeyMismatchError([this.current, ...this.previous].map((m) => m.id), row.masterKeyId);
    try {
      return open(master.key, Buffer.from(row.wrappedKey, 'base64'), aadOfKey(row));
    } catch {
      throw new MasterKeyMismatchError([master.id], `${row.masterKeyId} (the stored key does not open with it: altered row?)`);
    }
  }
}
