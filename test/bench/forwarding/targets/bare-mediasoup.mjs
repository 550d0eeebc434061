// Target: the bare mediasoup reference (bare-sfu.cjs), a Node process on the control core whose worker
// is pinned to the worker core.
import { fork, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS, nextSsrc, payloadType, rtpParameters, srtpKey } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export async function start({ workerBin, workerEnv = {}, workerCore, controlCore }) {
  // mediasoup hands its environment to the worker it spawns
  const child = fork(join(here, 'bare-sfu.cjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...workerEnv } });
  spawnSync('taskset', ['-a', '-p', '-c', String(controlCore), String(child.pid)], { stdio: 'ignore' });
  let nextId = 1;
  const pending = new Map();
  child.on('message', ({ id, result, error }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve(result);
  });
  const call = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, method, params });
    });
  const { workerPid } = await call('start', { workerBin });
  spawnSync('taskset', ['-a', '-p', '-c', String(workerCore), String(workerPid)], { stdio: 'ignore' });
  let consultations = 0;

  async function side(consultation, gen, suite) {
    const recv = await call('createTransport', { consultation, direction: 'recv', suite });
    const rx = await gen.receiver(suite, recv.srtpParameters.keyBase64);
    await call('connect', { transportId: recv.id, ip: '127.0.0.1', port: rx.port, srtpParameters: srtpKey(suite) });
    const send = await call('createTransport', { consultation, direction: 'send', suite });
    const ours = srtpKey(suite);
    const tx = await gen.sender(send.ip, send.port, suite, ours.keyBase64);
    await call('connect', { transportId: send.id, srtpParameters: ours });
    return { recv, send, tx };
  }

  return {
    workerPid,
    controlPids: [child.pid],
    async addConsultation(gen, suite) {
      const consultation = ++consultations;
      const sides = [await side(consultation, gen, suite), await side(consultation, gen, suite)];
      for (const [i, s] of sides.entries()) {
        const other = sides[1 - i];
        for (const kind of KINDS) {
          const ssrc = nextSsrc();
          const { producerId } = await call('produce', { transportId: s.send.id, kind, rtpParameters: rtpParameters(kind, ssrc) });
          await call('consume', { transportId: other.recv.id, producerId });
          await gen.stream(s.tx.id, kind, ssrc, payloadType(kind));
        }
      }
    },
    async stop() {
      // mediasoup keeps a process alive on SIGTERM (it closes its workers); closing the IPC channel ends it
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
