// Finds (or builds, ~6 min the first time) the mediasoup worker binary for the tests.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async () => {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv && existsSync(fromEnv)) return;
  const res = spawnSync(process.execPath, [join(__dirname, '..', 'worker-build', 'ensure-worker.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const path = (res.stdout ?? '').trim();
  if (res.status !== 0 || !path) throw new Error(`could not find or build the mediasoup worker (exit ${res.status})`);
  process.env.MEDIASOUP_WORKER_BIN = path;
};
