// Target: Visite's own SFU (sfu/dist/main.js) as a separate process on the control core, one worker
// pinned to the worker core, signalled through its real socket.io signaling with bench tokens signed by a
// key pair made here (the SFU gets the public key, as it gets the server's). The SFU runs with
// SFU_BENCH_PLAIN_TRANSPORTS=true, so those tokens may open plain SRTP transports; everything else is the
// product path: handshake and token check, room creation, join, produce, consumers created paused and
// resumed on the client's acknowledgement, the media ledger's periodic sampling.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { childrenNamed } from '../cpu.mjs';
import { KINDS, nextSsrc, payloadType, rtpParameters, srtpKey } from './common.mjs';

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export async function start({ root, workerBin, workerEnv = {}, workerCore, controlCore, log }) {
  const requireSfu = createRequire(join(root, 'sfu', 'package.json'));
  const { io } = requireSfu('socket.io-client');
  const contracts = requireSfu('@visite/contracts');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const token = (claims) => {
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64url({ alg: contracts.MEDIA_TOKEN_ALG })}.${b64url({
      ...claims,
      iss: contracts.MEDIA_TOKEN_ISSUER,
      aud: contracts.BENCH_TOKEN_AUDIENCE,
      iat: now,
      exp: now + 3600,
    })}`;
    return `${body}.${sign(null, Buffer.from(body), privateKey).toString('base64url')}`;
  };

  const port = await freePort();
  const child = spawn('taskset', ['-c', String(controlCore), process.execPath, join(root, 'sfu', 'dist', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      SFU_PORT: String(port),
      SFU_HOST: '127.0.0.1',
      SFU_NUM_WORKERS: '1',
      SFU_LISTEN_IP: '127.0.0.1',
      SFU_ANNOUNCED_ADDRESS: '127.0.0.1',
      SFU_WEBRTC_PORT: '0',
      SFU_LOG_LEVEL: 'warn',
      MEDIA_TOKEN_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }),
      MEDIASOUP_WORKER_BIN: workerBin,
      SFU_BENCH_PLAIN_TRANSPORTS: 'true',
      ...workerEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (i > 200 || child.exitCode !== null) throw new Error('Visite SFU did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  // taskset execs node, so the SFU's pid is the child's; its worker is its mediasoup-worker child.
  const [workerPid] = childrenNamed(child.pid, 'mediasoup-worker');
  if (!workerPid) throw new Error('no mediasoup-worker under the Visite SFU');
  spawnSync('taskset', ['-a', '-p', '-c', String(workerCore), String(workerPid)], { stdio: 'ignore' });
  const sockets = [];
  let consultations = 0;

  async function peer(room, sub, role, gen, suite) {
    const socket = io(url, {
      auth: { protocolVersion: contracts.PROTOCOL_VERSION, token: token({ sub, room, role, name: sub }) },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    const offers = [];
    let onOffer = () => undefined;
    socket.on('newConsumer', (offer, ack) => {
      ack({ ok: true, data: {} });
      offers.push(offer);
      onOffer();
    });
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', (err) => reject(new Error(`${err.message} ${JSON.stringify(err.data ?? {})}`)));
    });
    const request = async (name, payload) => {
      const res = await socket.timeout(10_000).emitWithAck(name, payload);
      if (!res.ok) throw new Error(`${name}: ${res.error.code} ${res.error.message}`);
      return res.data;
    };
    const rtpCapabilities = await request('getRouterRtpCapabilities', {});
    const recv = await request('benchCreatePlainTransport', { direction: 'recv', srtpCryptoSuite: suite });
    const rx = await gen.receiver(suite, recv.srtpParameters.keyBase64);
    await request('benchConnectPlainTransport', { transportId: recv.id, ip: '127.0.0.1', port: rx.port, srtpParameters: srtpKey(suite) });
    const send = await request('benchCreatePlainTransport', { direction: 'send', srtpCryptoSuite: suite });
    const ours = srtpKey(suite);
    const tx = await gen.sender(send.ip, send.port, suite, ours.keyBase64);
    await request('benchConnectPlainTransport', { transportId: send.id, srtpParameters: ours });
    await request('join', { rtpCapabilities });
    const consumed = (n) => new Promise((resolve) => {
      const check = () => offers.length >= n && resolve();
      onOffer = check;
      check();
    });
    return {
      consumed,
      async produceAll() {
        for (const kind of KINDS) {
          const ssrc = nextSsrc();
          await request('produce', { transportId: send.id, kind, rtpParameters: rtpParameters(kind, ssrc), source: kind === 'audio' ? 'mic' : 'camera' });
          await gen.stream(tx.id, kind, ssrc, payloadType(kind));
        }
      },
    };
  }

  return {
    workerPid,
    controlPids: [child.pid],
    async addConsultation(gen, suite) {
      const room = `bench-${++consultations}`;
      const doctor = await peer(room, `d${consultations}`, 'doctor', gen, suite);
      const patient = await peer(room, `p${consultations}`, 'patient', gen, suite);
      await doctor.produceAll();
      await patient.produceAll();
      await Promise.all([doctor.consumed(2), patient.consumed(2)]);
    },
    async stop() {
      for (const socket of sockets) socket.disconnect();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM'); // graceful shutdown: rooms, workers, server
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log?.('Visite SFU stopped');
    },
  };
}
