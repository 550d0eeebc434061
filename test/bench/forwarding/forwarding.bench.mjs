// Forwarding benchmark: synthetic 1:1 consultations through an SFU, ramped until loss exceeds 0.1% or the
// worker's core exceeds 85%, for several targets in the same run (steps interleaved, so the machine's
// noise falls on all of them alike). Prints figures; asserts nothing.
//
//   node test/bench/forwarding/forwarding.bench.mjs [--step 10] [--max 300] [--warmup 5] [--measure 10]
//     [--suite AEAD_AES_256_GCM] [--targets bare-debian,bare,visite] [--worker-core 1] [--gen-core 0]
//     [--bin openssl-srtp=/path/to/mediasoup-worker,debian-srtp=/path/to/mediasoup-worker]
//
// Each consultation: two sides, each sending one opus and one VP8 1280x720 stream (a pre-encoded clip,
// packetized once by ffmpeg -c copy, about 1.3 Mbit/s a side) and receiving the other's two, over SRTP
// plain transports (the suite browsers negotiate by default). The SFU's worker is pinned to --worker-core;
// the generator (rtp-load, C with libsrtp/OpenSSL), the SFU's Node process and this script to --gen-core.
// Targets (targets/*.mjs; another SFU plugs in with the same contract, see targets/common.mjs):
//   bare-debian  bare mediasoup script, worker linked with Debian's libsrtp2 (NSS): the reference
//   bare         the same script on Visite's worker build (libsrtp 2.5 with OpenSSL, static)
//   visite       Visite's SFU (real signaling, bench tokens) on Visite's worker build
// Needs: the built workspace (pnpm -r run build), gcc, ffmpeg (installed if missing). The workers come
// from sfu/worker-build/ensure-worker.mjs (built into the cache on a miss: about 8 minutes each).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLibsrtp, ensureWorkerVariant, workerSrtpBackend } from '../../../sfu/worker-build/ensure-worker.mjs';
import { ensureClipTrace } from './clip.mjs';
import { startCpuMeasure } from './cpu.mjs';
import { buildRtpLoad, LoadGenerator, readTraceStats } from './load-generator.mjs';
import * as bare from './targets/bare-mediasoup.mjs';
import * as visite from './targets/visite.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'bench');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const STEP = Number(option('step', '10'));
const MAX = Number(option('max', '300'));
const WARMUP_S = Number(option('warmup', '5'));
const MEASURE_S = Number(option('measure', '10'));
const SUITE = option('suite', 'AEAD_AES_256_GCM');
const WORKER_CORE = Number(option('worker-core', '1'));
const GEN_CORE = Number(option('gen-core', '0'));
const LOSS_LIMIT = 0.001;
// the floor's load: the streams of 40 consultations (about 15,000 packets per second)
const FLOOR_STREAMS = 160;
const CORE_LIMIT = 0.85;
const TARGETS = {
  'bare-debian': { label: 'bare mediasoup, Debian libsrtp2 (NSS) worker', module: bare, variant: 'debian-srtp' },
  bare: { label: 'bare mediasoup, Visite worker (OpenSSL libsrtp)', module: bare, variant: 'openssl-srtp' },
  visite: { label: 'Visite SFU, Visite worker (OpenSSL libsrtp)', module: visite, variant: 'openssl-srtp' },
};
const chosen = option('targets', 'bare-debian,bare,visite').split(',');
// --bin openssl-srtp=/path,debian-srtp=/path: measure given worker binaries instead of the cached builds.
// For build experiments, --bin also names other binaries (--bin lto=/path) that targets `bare:lto` or
// `visite:lto` use, and --worker-env lto=LD_PRELOAD=/path sets an environment variable for their worker.
const binOverride = Object.fromEntries(option('bin', '').split(',').filter(Boolean).map((kv) => kv.split('=')));
const workerEnv = {};
for (const kv of option('worker-env', '').split(',').filter(Boolean)) {
  const [key, name, ...value] = kv.split('=');
  workerEnv[key] = { ...workerEnv[key], [name]: value.join('=') };
}

const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const pct = (x) => `${(100 * x).toFixed(x < 0.01 ? 3 : 1)}%`;

/** The loopback floor: a bare UDP reflector (one recv + one send per packet) pinned to the worker core. */
async function measureFloor(rtpLoad, trace, streams) {
  // the receiver first, then the reflector aimed at it, then the sender aimed at the reflector
  const gen = new LoadGenerator(rtpLoad, GEN_CORE);
  await gen.trace(trace);
  const rx = await gen.receiver('none');
  const refl = new LoadGenerator(rtpLoad, WORKER_CORE, ['reflect', String(rx.port)]);
  const port = Number((await refl.firstLine()).split(' ')[1]);
  const tx = await gen.sender('127.0.0.1', port, 'none');
  for (let i = 0; i < streams; i++) {
    await gen.stream(tx.id, i % 2 ? 'video' : 'audio', 900_000 + i, i % 2 ? 96 : 100);
  }
  await sleep(2);
  await gen.window();
  const cpu = startCpuMeasure([refl.pid], WORKER_CORE);
  await sleep(MEASURE_S / 2);
  const r = await gen.report();
  const c = cpu();
  await refl.close();
  await gen.close();
  const us = (c.processUs[0] + c.softirqUs) / r.received;
  return { streams, packetsPerSecond: r.received / (c.wallUs / 1e6), usPerPacket: us, processUsPerPacket: c.processUs[0] / r.received, softirqUsPerPacket: c.softirqUs / r.received, loss: lossOf(r) };
}

function lossOf(r) {
  return r.expected > 0 ? Math.max(0, 1 - r.receivedInSequence / r.expected) : 1;
}

async function measureStep(t, consultations) {
  await t.gen.resume();
  while (t.consultations < consultations) {
    await t.sfu.addConsultation(t.gen, SUITE);
    t.consultations += 1;
  }
  await sleep(WARMUP_S);
  await t.gen.window();
  const worker = startCpuMeasure([t.sfu.workerPid], WORKER_CORE);
  const control = startCpuMeasure([...t.sfu.controlPids, t.gen.pid], GEN_CORE);
  await sleep(MEASURE_S);
  const r = await t.gen.report();
  const w = worker();
  const c = control();
  await t.gen.pause();
  const seconds = w.wallUs / 1e6;
  const workerCpu = (w.processUs[0] + w.softirqUs) / w.wallUs;
  const step = {
    consultations,
    inPacketsPerSecond: r.sent / seconds,
    forwardedPacketsPerSecond: r.received / seconds,
    inMbps: (r.sentBytes * 8) / seconds / 1e6,
    loss: lossOf(r),
    streamsReceiving: r.streamsReceiving,
    authFailures: r.authFailures,
    latencyP50Us: r.latencyUs.p50,
    latencyP99Us: r.latencyUs.p99,
    workerUsPerPacket: (w.processUs[0] + w.softirqUs) / r.received,
    workerProcessUsPerPacket: w.processUs[0] / r.received,
    softirqUsPerPacket: w.softirqUs / r.received,
    workerCpu,
    workerCoreBusy: w.coreBusy,
    controlCpu: c.processUs[0] / c.wallUs,
    generatorCpu: c.processUs[c.processUs.length - 1] / c.wallUs,
    generatorCoreBusy: c.coreBusy,
    generatorMaxLagUs: r.maxSendLagUs,
    generatorLateSends: r.lateSends,
    stealUs: w.stealUs,
  };
  // The worker's share of its core: its own CPU time plus the core's softirq time (the machine is shared,
  // so the core's total busy time, printed too, can include other people's processes).
  step.pass = step.loss <= LOSS_LIMIT && step.workerCpu <= CORE_LIMIT && step.streamsReceiving === 4 * consultations;
  return step;
}

function printStep(label, s) {
  console.log(
    `${label.padEnd(12)} ${String(s.consultations).padStart(4)} consultations: in ${Math.round(s.inPacketsPerSecond)} pkt/s (${f1(s.inMbps)} Mbit/s), ` +
      `worker core ${pct(s.workerCoreBusy)} (worker+softirq ${pct(s.workerCpu)}), ${f1(s.workerUsPerPacket)} us/pkt ` +
      `(process ${f1(s.workerProcessUsPerPacket)} + softirq ${f1(s.softirqUsPerPacket)}), loss ${pct(s.loss)}, ` +
      `latency p50 ${f1(s.latencyP50Us / 1000)} ms p99 ${f1(s.latencyP99Us / 1000)} ms, ` +
      `gen core ${pct(s.generatorCoreBusy)} (rtp-load ${pct(s.generatorCpu)}, lag max ${f1(s.generatorMaxLagUs / 1000)} ms), ` +
      `control ${pct(s.controlCpu)}${s.authFailures ? `, ${s.authFailures} SRTP auth failures` : ''}${s.pass ? '' : '  <- limit'}`,
  );
}

async function main() {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  log(`machine: ${cpus().length} x ${cpuModel}; worker core ${WORKER_CORE}, generator core ${GEN_CORE}; suite ${SUITE}`);
  const libsrtp = ensureLibsrtp({ log });
  const rtpLoad = buildRtpLoad(ARTIFACTS, libsrtp);
  const { trace } = await ensureClipTrace(ARTIFACTS, log);
  const traceStats = readTraceStats(trace);
  log(`clip: video ${f1(traceStats.videoKbps)} kbit/s ${f1(traceStats.videoPps)} pkt/s, audio ${f1(traceStats.audioKbps)} kbit/s ${f1(traceStats.audioPps)} pkt/s (RTP)`);

  const targets = [];
  for (const name of chosen) {
    const [base, key] = name.split(':');
    const def = key ? { ...TARGETS[base], label: `${TARGETS[base]?.label.split(',')[0]}, worker "${key}"`, variant: key } : TARGETS[name];
    if (!def?.module) throw new Error(`unknown target ${name} (${Object.keys(TARGETS).join(', ')}, or bare:KEY / visite:KEY with --bin KEY=path)`);
    if (key && !binOverride[key]) throw new Error(`target ${name}: no --bin ${key}=path`);
    const workerBin = binOverride[def.variant] ?? ensureWorkerVariant(def.variant, { log });
    const srtp = workerSrtpBackend(workerBin).backend;
    log(`${name}: ${def.label}; worker ${workerBin} (libsrtp: ${srtp})`);
    targets.push({ name, ...def, workerBin, srtp, steps: [], done: false, consultations: 0 });
  }

  const floorBefore = await measureFloor(rtpLoad, trace, FLOOR_STREAMS);
  console.log(`loopback floor (UDP reflector on core ${WORKER_CORE}, ${Math.round(floorBefore.packetsPerSecond)} pkt/s): ${f1(floorBefore.usPerPacket)} us/pkt (process ${f1(floorBefore.processUsPerPacket)} + softirq ${f1(floorBefore.softirqUsPerPacket)})`);

  try {
    for (const t of targets) {
      t.gen = new LoadGenerator(rtpLoad, GEN_CORE);
      await t.gen.trace(trace);
      await t.gen.pause();
      t.sfu = await t.module.start({ root: ROOT, workerBin: t.workerBin, workerEnv: workerEnv[t.variant] ?? {}, workerCore: WORKER_CORE, controlCore: GEN_CORE, log });
    }
    for (let level = STEP; level <= MAX && targets.some((t) => !t.done); level += STEP) {
      for (const t of targets.filter((x) => !x.done)) {
        let step;
        try {
          step = await measureStep(t, level);
        } catch (err) {
          // a target that cannot set up more consultations (signaling timing out, say) stops here
          console.log(`${t.name.padEnd(12)} ${String(level).padStart(4)} consultations: setup failed (${err.message})  <- limit`);
          t.steps.push({ consultations: level, pass: false, setupError: String(err.message) });
          t.done = true;
          await t.gen.pause().catch(() => undefined);
          continue;
        }
        t.steps.push(step);
        printStep(t.name, step);
        if (!step.pass) t.done = true;
      }
    }
  } finally {
    for (const t of targets) {
      await t.gen?.close();
      await t.sfu?.stop();
    }
  }
  const floorAfter = await measureFloor(rtpLoad, trace, FLOOR_STREAMS);
  console.log(`loopback floor again: ${f1(floorAfter.usPerPacket)} us/pkt`);

  console.log(`\n=== forwarding, ${SUITE}, 1:1 consultations (2 x opus + 2 x VP8 720p), worker pinned to core ${WORKER_CORE} of ${cpus().length} x ${cpuModel}`);
  const summary = {};
  for (const t of targets) {
    const passing = t.steps.filter((s) => s.pass);
    const best = passing[passing.length - 1];
    // CPU per consultation at the best passing step, projected to the 85% limit (a finer figure than the step)
    const projected = best ? (CORE_LIMIT * best.consultations) / best.workerCpu : 0;
    summary[t.name] = { label: t.label, srtp: t.srtp, consultationsPerCore: best?.consultations ?? 0, projectedAt85: projected, usPerPacket: best?.workerUsPerPacket, loss: best?.loss, latencyP50Us: best?.latencyP50Us, latencyP99Us: best?.latencyP99Us, limitedBy: t.steps.at(-1)?.pass ? `--max ${MAX}` : limitOf(t.steps.at(-1)) };
    const s = summary[t.name];
    console.log(`${t.name.padEnd(12)} ${String(s.consultationsPerCore).padStart(4)} consultations per worker core (projected at 85%: ${f1(s.projectedAt85)}), ${f1(s.usPerPacket)} us CPU per forwarded packet incl. softirq, loss ${s.loss === undefined ? '-' : pct(s.loss)}, latency p50 ${f1((s.latencyP50Us ?? NaN) / 1000)} ms p99 ${f1((s.latencyP99Us ?? NaN) / 1000)} ms; next step stopped by ${s.limitedBy}`);
  }
  console.log(`loopback floor: ${f1(floorBefore.usPerPacket)} / ${f1(floorAfter.usPerPacket)} us per packet (before / after)`);
  const ratio = (a, b, key) => (summary[a] && summary[b] && summary[b][key] ? summary[a][key] / summary[b][key] : undefined);
  const ratios = {
    buildGain: ratio('bare', 'bare-debian', 'consultationsPerCore'),
    buildGainProjected: ratio('bare', 'bare-debian', 'projectedAt85'),
    visiteVsReference: ratio('visite', 'bare-debian', 'consultationsPerCore'),
    visiteVsReferenceProjected: ratio('visite', 'bare-debian', 'projectedAt85'),
    visiteOverheadUsPerPacket: summary.visite && summary.bare ? summary.visite.usPerPacket / summary.bare.usPerPacket - 1 : undefined,
    visiteOverheadProjected: summary.visite && summary.bare ? 1 - summary.visite.projectedAt85 / summary.bare.projectedAt85 : undefined,
  };
  if (ratios.buildGain) console.log(`worker build gain (bare / bare-debian): ${ratios.buildGain.toFixed(2)}x consultations (projected ${ratios.buildGainProjected.toFixed(2)}x)`);
  if (ratios.visiteVsReference) console.log(`Visite / reference (visite / bare-debian): ${ratios.visiteVsReference.toFixed(2)}x consultations (projected ${ratios.visiteVsReferenceProjected.toFixed(2)}x)`);
  if (ratios.visiteOverheadUsPerPacket !== undefined) console.log(`Visite's overhead over the bare script (same worker): ${pct(ratios.visiteOverheadUsPerPacket)} CPU per packet, ${pct(ratios.visiteOverheadProjected)} fewer consultations (projected)`);

  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `forwarding-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), cpuModel, cores: cpus().length, suite: SUITE, step: STEP, warmupS: WARMUP_S, measureS: MEASURE_S, traceStats, floorBefore, floorAfter, targets: targets.map(({ name, label, workerBin, srtp, steps }) => ({ name, label, workerBin, srtp, steps })), summary, ratios }, null, 2));
  log(`figures written to ${file}`);
}

function limitOf(step) {
  if (!step) return '-';
  if (step.setupError) return `setup failed at ${step.consultations} (${step.setupError})`;
  const why = [];
  if (step.loss > LOSS_LIMIT) why.push(`loss ${pct(step.loss)}`);
  if (step.workerCpu > CORE_LIMIT) why.push(`worker ${pct(step.workerCpu)} of its core`);
  if (step.streamsReceiving !== 4 * step.consultations) why.push(`${step.streamsReceiving}/${4 * step.consultations} streams received`);
  return `${why.join(', ')} at ${step.consultations}`;
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
