import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROTOCOL_VERSION, type HandshakeRefusal } from '@visite/contracts';
import { io, type Socket } from 'socket.io-client';
import { mediaPublicKey } from './test-env';

/**
 * The real SFU (the built `sfu/dist/main.js`, with the real mediasoup worker: MEDIASOUP_WORKER_BIN)
 * in a child process, trusting the test server's media key. For specs where the server and the SFU
 * act together (a visit's end closes its room; its tokens are then refused).
 */
export class RealSfu {
  private child: ChildProcess | null = null;
  private output = '';
  url = '';

  async start(env: Record<string, string> = {}): Promise<this> {
    const main = join(__dirname, '..', '..', '..', 'sfu', 'dist', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: build the SFU first (pnpm -r run build)`);
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [main], {
      env: {
        PATH: process.env.PATH ?? '',
        SFU_PORT: String(port),
        SFU_HOST: '127.0.0.1',
        SFU_LISTEN_IP: '127.0.0.1',
        SFU_ANNOUNCED_ADDRESS: '127.0.0.1',
        SFU_WEBRTC_PORT: '0',
        SFU_LOG_LEVEL: 'warn',
        MEDIA_TOKEN_PUBLIC_KEY: mediaPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ...(process.env.MEDIASOUP_WORKER_BIN ? { MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (c) => (this.output += c));
    this.child.stderr!.on('data', (c) => (this.output += c));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the SFU exited: ${this.output}`);
      if (await fetch(`${this.url}/health/ready`).then((r) => r.ok, () => false)) return this;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the SFU did not start: ${this.output}`);
  }

  /** Opens a signaling socket with a media token: 'connected' (then closed) or the refusal's code. */
  async tryToken(token: string, origin?: string): Promise<'connected' | string> {
    const socket: Socket = io(this.url, {
      auth: { protocolVersion: PROTOCOL_VERSION, token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(origin ? { extraHeaders: { origin } } : {}),
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', (err: Error & { data?: HandshakeRefusal }) => {
        socket.close();
        resolve(err.data?.code ?? `connect_error: ${err.message}`);
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 8000).unref();
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
