// A flooding realtime client in a process of its own (so its sending does not share the API's event
// loop in the test): connects with a join token, sends `count` events at once, prints what came back.
// Usage: node socket-flood.js <url> <namespace> <protocolVersion> <joinToken> <event> <count>
const { io } = require('socket.io-client');

const [url, namespace, protocolVersion, joinToken, event, count] = process.argv.slice(2);
const socket = io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocolVersion: Number(protocolVersion), joinToken } });
const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');
socket.once('connect_error', (error) => {
  print({ error: error.data?.code ?? String(error) });
  process.exit(1);
});
socket.once('connect', () => {
  print({ connected: true });
  const started = Date.now();
  const codes = {};
  const errors = [];
  let retryAfterSeconds = null;
  const finish = (disconnect) => {
    print({ codes, errors, disconnect, ms: Date.now() - started, retryAfterSeconds });
    process.exit(0);
  };
  socket.on('error', (body) => errors.push(body?.code ?? String(body)));
  socket.once('disconnect', (reason) => setTimeout(() => finish(reason), 50));
  let pending = Number(count);
  for (let i = 0; i < Number(count); i++) {
    socket.emit(event, {}, (ack) => {
      const code = ack.ok ? 'ok' : ack.error.code;
      codes[code] = (codes[code] ?? 0) + 1;
      if (!ack.ok && ack.error.retryAfterSeconds) retryAfterSeconds = ack.error.retryAfterSeconds;
      if (--pending === 0) finish(null);
    });
  }
});
