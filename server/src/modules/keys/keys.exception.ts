/** The configured master key cannot open the practices' keys: the server must not start. */
export class MasterKeyMismatchError extends Error {
  constructor(configured: string[], found: string) {
    super(
      `VISITE_MASTER_KEY does not open this database's practice keys: they are wrapped by the master key with fingerprint ${found}, ` +
        `and the configured key${configured.length > 1 ? 's have fingerprints' : ' has fingerprint'} ${configured.join(', ')}.\n` +
        `Set VISITE_MASTER_KEY (or VISITE_MASTER_KEY_FILE) to the key this database was written with. During a rotation, give the new key as ` +
        `VISITE_MASTER_KEY and the old one as VISITE_MASTER_KEY_PREVIOUS. Without the right key the patients' data cannot be read.`,
    );
  }
}
