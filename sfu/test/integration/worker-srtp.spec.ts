import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The worker the suite runs on must carry libsrtp with its OpenSSL crypto backend (Visite's build:
 * Debian's libsrtp2 source, `--enable-openssl`, linked statically), not Debian's NSS-based libsrtp2.so,
 * which costs about twice the CPU per packet (docs/media-benchmarks.md). ensure-worker checks a fresh
 * build the same way; this also catches a MEDIASOUP_WORKER_BIN pointing at another binary.
 */
describe('the mediasoup worker binary', () => {
  it('links libsrtp with OpenSSL, and neither libsrtp2.so nor NSS', () => {
    const bin = process.env.MEDIASOUP_WORKER_BIN!;
    const res = spawnSync(process.execPath, [join(__dirname, '..', '..', 'worker-build', 'ensure-worker.mjs'), '--check-srtp', bin], { encoding: 'utf8' });
    const { backend, needed } = JSON.parse(res.stdout) as { backend: string; needed: string[] };
    expect(needed.filter((lib) => /^lib(srtp|nss|nspr)/.test(lib))).toEqual([]);
    expect(backend).toBe('openssl');
    expect(res.status).toBe(0);
  });
});
