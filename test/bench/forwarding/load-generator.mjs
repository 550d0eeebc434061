// Drives one rtp-load process (rtp-load.c): line commands on stdin, one answer line each on stdout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Compiles rtp-load against the OpenSSL libsrtp the worker build made (ensureLibsrtp), once per source. */
export function buildRtpLoad(dir, libsrtpPrefix) {
  const src = join(here, 'rtp-load.c');
  const bin = join(dir, 'rtp-load');
  if (existsSync(bin) && statSync(bin).mtimeMs > statSync(src).mtimeMs && statSync(bin).mtimeMs > statSync(join(libsrtpPrefix, 'lib', 'libsrtp2.a')).mtimeMs) return bin;
  mkdirSync(dir, { recursive: true });
  const res = spawnSync('gcc', ['-O2', '-Wall', '-o', bin, src, `-I${libsrtpPrefix}/include`, join(libsrtpPrefix, 'lib', 'libsrtp2.a'), '-lcrypto'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`compiling rtp-load failed:\n${res.stderr}`);
  return bin;
}

export class LoadGenerator {
  #proc;
  #lines;
  #waiting = [];
  #nextId = 1;

  /** `core`: the CPU the generator runs on (taskset). */
  constructor(bin, core, args = []) {
    this.#proc = spawn('taskset', ['-c', String(core), bin, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.#lines = createInterface({ input: this.#proc.stdout });
    this.#lines.on('line', (line) => this.#waiting.shift()?.(line));
    this.#proc.on('exit', (code) => {
      for (const w of this.#waiting.splice(0)) w(`error rtp-load exited (${code})`);
    });
  }

  get pid() {
    return this.#proc.pid;
  }

  async command(line) {
    const answer = await new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#proc.stdin.write(`${line}\n`);
    });
    if (answer.startsWith('error')) throw new Error(`rtp-load: ${line.split(' ')[0]}: ${answer}`);
    return answer;
  }

  /** The first answer line (reflect mode prints "ok <port>" by itself). */
  firstLine() {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async trace(file) {
    await this.command(`trace ${file}`);
  }

  /** An SRTP (or plain, suite 'none') sender to ip:port; returns { id, port } (its local port). */
  async sender(ip, port, suite, keyBase64) {
    const id = this.#nextId++;
    const answer = await this.command(`sender ${id} ${ip} ${port} ${suite} ${keyBase64 ?? '-'}`);
    return { id, port: Number(answer.split(' ')[1]) };
  }

  async stream(senderId, kind, ssrc, payloadType) {
    await this.command(`stream ${senderId} ${kind === 'audio' ? 'a' : 'v'} ${ssrc} ${payloadType}`);
  }

  /** A receiver decrypting with the SFU's key; returns { id, port }. */
  async receiver(suite, keyBase64) {
    const id = this.#nextId++;
    const answer = await this.command(`receiver ${id} ${suite} ${keyBase64 ?? '-'}`);
    return { id, port: Number(answer.split(' ')[1]) };
  }

  pause() {
    return this.command('pause');
  }

  resume() {
    return this.command('resume');
  }

  window() {
    return this.command('window');
  }

  async report() {
    return JSON.parse(await this.command('report'));
  }

  close() {
    if (this.#proc.exitCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => this.#proc.once('exit', resolve));
    this.#proc.stdin.end('quit\n');
    const timer = setTimeout(() => this.#proc.kill('SIGKILL'), 3000);
    return exited.finally(() => clearTimeout(timer));
  }
}

export function readTraceStats(trace) {
  return JSON.parse(readFileSync(`${trace}.json`, 'utf8'));
}
