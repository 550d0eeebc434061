#!/usr/bin/env node
// Starts the whole platform on one machine: API server (with the web client) and SFU.
// With no DATABASE_URL the data live in ./data (embedded PostgreSQL, PGlite); with no REDIS_URL the
// realtime state stays in the process. Installs dependencies, builds the mediasoup worker if needed.
//   node scripts/start.mjs            PORT (3000), SFU_PORT (3100), SFU_WEBRTC_PORT (44444),
//                                     SFU_ANNOUNCED_ADDRESS (127.0.0.1), DATABASE_URL, REDIS_URL
import { join } from 'node:path';
import { ensureWorker } from '../sfu/worker-build/ensure-worker.mjs';
import { pnpm, ROOT, startStack } from './lib/stack.mjs';

const env = process.env;
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Visite needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

console.log('> installing dependencies');
pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
console.log('> mediasoup worker');
const workerBin = ensureWorker();
console.log(`  ${workerBin}`);
console.log('> building');
pnpm(['-r', 'run', 'build']);

const stack = await startStack({
  dataDir: join(ROOT, 'data'),
  serverPort: Number(env.PORT ?? 3000),
  sfuPort: Number(env.SFU_PORT ?? 3100),
  webRtcPort: Number(env.SFU_WEBRTC_PORT ?? 44444),
  announcedAddress: env.SFU_ANNOUNCED_ADDRESS ?? '127.0.0.1',
  publicHost: env.PUBLIC_HOST ?? 'localhost',
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
  workerBin,
  seedDemo: true,
});

console.log(`
  Visite is running: ${stack.publicUrl}

  Doctor:     doctor@visite.local / visite-demo   (create a visit, copy its link)
  Assistant:  assistant@visite.local / visite-demo
  Billing:    billing@visite.local / visite-demo
  Admin:      admin@visite.local / visite-demo   (staff, practice settings)
  Patient:    open the link in another browser window (or a private window)
  Data:     ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : join(ROOT, 'data') + ' (embedded PostgreSQL)'}
  Stop:     Ctrl+C
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n> stopping');
    await stack.stop();
    process.exit(0);
  });
}
for (const child of [stack.server, stack.sfu]) {
  child.on('exit', async (code) => {
    if (stopping) return;
    console.error(`a Visite process exited (code ${code}); stopping`);
    stopping = true;
    await stack.stop();
    process.exit(1);
  });
}
