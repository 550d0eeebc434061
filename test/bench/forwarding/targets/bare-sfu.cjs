// The bare reference: the smallest mediasoup script that forwards a consultation. One worker, one router
// per consultation, plain SRTP transports, producers and consumers; nothing else (no signaling server,
// no tokens, no sampling). Driven by the benchmark over the IPC channel: { id, method, params }.
const { createRequire } = require('node:module');
const { join } = require('node:path');

const mediasoup = createRequire(join(__dirname, '..', '..', '..', '..', 'sfu', 'package.json'))('mediasoup');
const CODECS = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
];
let worker;
const routers = new Map();
const transports = new Map();

const methods = {
  async start({ workerBin }) {
    worker = await mediasoup.createWorker({ workerBin, logLevel: 'warn' });
    worker.on('died', () => process.exit(1));
    return { workerPid: worker.pid };
  },
  async createTransport({ consultation, direction, suite }) {
    let router = routers.get(consultation);
    if (!router) routers.set(consultation, (router = await worker.createRouter({ mediaCodecs: CODECS })));
    const t = await router.createPlainTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: direction === 'send',
      enableSrtp: true,
      srtpCryptoSuite: suite,
    });
    transports.set(t.id, { t, router });
    return { id: t.id, ip: t.tuple.localAddress, port: t.tuple.localPort, srtpParameters: t.srtpParameters };
  },
  async connect({ transportId, ip, port, srtpParameters }) {
    await transports.get(transportId).t.connect({ ip, port, srtpParameters });
    return {};
  },
  async produce({ transportId, kind, rtpParameters }) {
    const p = await transports.get(transportId).t.produce({ kind, rtpParameters });
    return { producerId: p.id };
  },
  async consume({ transportId, producerId }) {
    const { t, router } = transports.get(transportId);
    await t.consume({ producerId, rtpCapabilities: router.rtpCapabilities });
    return {};
  },
};

process.on('message', ({ id, method, params }) => {
  methods[method](params).then(
    (result) => process.send({ id, result }),
    (err) => process.send({ id, error: String(err?.message ?? err) }),
  );
});
process.on('disconnect', () => process.exit(0));
