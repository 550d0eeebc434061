// Instructions per forwarded packet (valgrind callgrind): a count that does not depend on what else the
// machine is doing, for comparing worker builds on a shared machine. Userspace only (the kernel's UDP path
// is not counted), one consultation, the worker run under callgrind (mediasoup's MEDIASOUP_USE_VALGRIND),
// instrumentation switched on only for the measured window.
//
//   node test/bench/forwarding/instructions.bench.mjs [--seconds 6] [--bin KEY=path,...]
// Default builds compared: debian-srtp (the reference) and openssl-srtp (Visite's worker), from the cache.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLibsrtp, ensureWorkerVariant } from '../../../sfu/worker-build/ensure-worker.mjs';
import { ensureClipTrace } from './clip.mjs';
import { buildRtpLoad, LoadGenerator } from './load-generator.mjs';
import * as bare from './targets/bare-mediasoup.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'bench');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '6'));
const SUITE = option('suite', 'AEAD_AES_256_GCM');
const log = (m) => process.stderr.write(`[instructions] ${m}\n`);
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));

const bins = option('bin', '')
  ? Object.fromEntries(option('bin', '').split(',').map((kv) => kv.split('=')))
  : { 'debian-srtp': ensureWorkerVariant('debian-srtp', { log }), 'openssl-srtp': ensureWorkerVariant('openssl-srtp', { log }) };
const rtpLoad = buildRtpLoad(ARTIFACTS, ensureLibsrtp({ log }));
const { trace } = await ensureClipTrace(ARTIFACTS, log);

const results = {};
for (const [key, workerBin] of Object.entries(bins)) {
  const dir = mkdtempSync(join(tmpdir(), 'visite-callgrind-'));
  const gen = new LoadGenerator(rtpLoad, 0);
  await gen.trace(trace);
  const sfu = await bare.start({
    workerBin,
    workerCore: 1,
    controlCore: 0,
    workerEnv: {
      MEDIASOUP_USE_VALGRIND: 'true',
      MEDIASOUP_VALGRIND_OPTIONS: `--tool=callgrind --instr-atstart=no --callgrind-out-file=${dir}/cg.out`,
    },
  });
  await sfu.addConsultation(gen, SUITE);
  await sleep(5); // key frame, consumers flowing
  await gen.window();
  execFileSync('callgrind_control', ['-i', 'on', String(sfu.workerPid)], { stdio: 'ignore' });
  await sleep(SECONDS);
  execFileSync('callgrind_control', ['-i', 'off', String(sfu.workerPid)], { stdio: 'ignore' });
  const r = await gen.report();
  execFileSync('callgrind_control', ['-d', String(sfu.workerPid)], { stdio: 'ignore' });
  await gen.close();
  await sfu.stop();
  // Self cost of every cost line in the dump (a line after `calls=` is a call's inclusive cost: skipped).
  let ir = 0;
  for (const f of readdirSync(dir)) {
    let afterCall = false;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.startsWith('calls=')) afterCall = true;
      else if (/^(?:[+-]?\d+|\*)\s+\d+$/.test(line)) {
        if (!afterCall) ir += Number(line.split(/\s+/)[1]);
        afterCall = false;
      }
    }
  }
  results[key] = { instructions: ir, forwarded: r.received, sent: r.sent, perPacket: ir / r.received };
  console.log(`${key.padEnd(14)} ${Math.round(ir / r.received)} instructions per forwarded packet (${r.received} forwarded of ${r.sent} sent, ${ir} instructions)`);
}
const keys = Object.keys(results);
for (const k of keys.slice(1)) console.log(`${k} / ${keys[0]}: ${(results[k].perPacket / results[keys[0]].perPacket).toFixed(3)}`);
process.exit(0);
