// The benchmark's media: a 10 s VP8 1280x720 30 fps (about 1.2 Mbit/s in RTP) + opus (64 kbit/s) clip, encoded
// once with ffmpeg, then packetized once into RTP by ffmpeg with `-c copy` (no encoding cost) and captured
// into a packet trace that rtp-load replays on every stream at the clip's pace. Both are cached in the
// artifacts directory (not in git).
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLIP_SECONDS = 10;
export const VIDEO_PT = 96;
export const AUDIO_PT = 100;

function ensureFfmpeg(log) {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) return;
  log('ffmpeg is missing: installing Debian\'s ffmpeg');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const res = spawnSync(sudo.length ? 'sudo' : 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', '--no-install-recommends', 'ffmpeg'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.status !== 0) throw new Error('could not install ffmpeg (apt-get install ffmpeg)');
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stderr.slice(-2000)}`);
}

function encodeClip(file) {
  const tmp = `${file}.tmp.webm`;
  run('ffmpeg', [
    '-hide_banner', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${CLIP_SECONDS}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${CLIP_SECONDS}`,
    '-c:v', 'libvpx', '-b:v', '1100k', '-maxrate', '1400k', '-bufsize', '550k', '-g', '90', '-deadline', 'good', '-cpu-used', '4',
    '-c:a', 'libopus', '-b:a', '64k', '-ac', '2',
    tmp,
  ]);
  renameSync(tmp, file);
}

/** ffmpeg -c copy sends the clip as RTP (paced by -re); the packets are captured with their RTP timestamps. */
async function captureTrace(clip, file) {
  const sockets = await Promise.all(
    ['audio', 'video'].map(
      (kind) =>
        new Promise((resolve) => {
          const socket = createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
          const packets = [];
          socket.on('message', (m) => packets.push(m));
          socket.bind(0, '127.0.0.1', () => resolve({ kind, socket, packets, port: socket.address().port }));
        }),
    ),
  );
  const [audio, video] = sockets;
  const ff = spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re', '-i', clip,
    '-map', '0:v', '-c', 'copy', '-strict', 'experimental', '-f', 'rtp', '-payload_type', String(VIDEO_PT), '-ssrc', '1', '-pkt_size', '1200',
    `rtp://127.0.0.1:${video.port}?rtcpport=${video.port}`,
    '-map', '0:a', '-c', 'copy', '-f', 'rtp', '-payload_type', String(AUDIO_PT), '-ssrc', '2', '-pkt_size', '1200',
    `rtp://127.0.0.1:${audio.port}?rtcpport=${audio.port}`,
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise((resolve) => ff.on('exit', resolve));
  await new Promise((r) => setTimeout(r, 300));
  for (const s of sockets) s.socket.close();
  if (code !== 0) throw new Error(`ffmpeg RTP packetization failed (exit ${code})`);

  const records = [];
  for (const { kind, packets } of sockets) {
    const clock = kind === 'audio' ? 48000 : 90000;
    const rtp = packets.filter((m) => m.length > 12 && m[0] >> 6 === 2 && (m[1] & 0x7f) === (kind === 'audio' ? AUDIO_PT : VIDEO_PT));
    if (rtp.length < 100) throw new Error(`captured only ${rtp.length} ${kind} RTP packets`);
    const ts0 = rtp[0].readUInt32BE(4);
    for (const m of rtp) {
      const cc = m[0] & 0x0f;
      let offset = 12 + 4 * cc;
      if (m[0] & 0x10) offset += 4 + 4 * m.readUInt16BE(offset + 2);
      const ts = (m.readUInt32BE(4) - ts0) >>> 0;
      records.push({ kind, at: Math.round((ts * 1e6) / clock), ts, marker: m[1] >> 7, payload: m.subarray(offset) });
    }
  }
  records.sort((a, b) => a.at - b.at);
  const parts = [Buffer.from('VTRC'), Buffer.from(new Uint32Array([CLIP_SECONDS * 1e6, 0]).buffer)];
  for (const r of records) {
    const head = Buffer.alloc(12);
    head.writeUInt8(r.kind === 'audio' ? 0 : 1, 0);
    head.writeUInt32LE(r.at, 1);
    head.writeUInt32LE(r.ts, 5);
    head.writeUInt8(r.marker, 9);
    head.writeUInt16LE(r.payload.length, 10);
    parts.push(head, r.payload);
  }
  writeFileSync(`${file}.tmp`, Buffer.concat(parts));
  renameSync(`${file}.tmp`, file);
  const bits = (kind) => records.filter((r) => r.kind === kind).reduce((n, r) => n + r.payload.length + 12, 0) * 8 / CLIP_SECONDS;
  const count = (kind) => records.filter((r) => r.kind === kind).length / CLIP_SECONDS;
  return { videoKbps: bits('video') / 1000, audioKbps: bits('audio') / 1000, videoPps: count('video'), audioPps: count('audio') };
}

/** Returns { clip, trace, stats }; encodes and packetizes only when the artifacts are missing. */
export async function ensureClipTrace(dir, log) {
  mkdirSync(dir, { recursive: true });
  const clip = join(dir, 'clip-vp8-720p-opus.webm');
  const trace = join(dir, 'clip-vp8-720p-opus.trace');
  if (!existsSync(clip) || !existsSync(trace)) {
    ensureFfmpeg(log);
    if (!existsSync(clip)) {
      log('encoding the 10 s VP8 720p + opus clip (once)');
      encodeClip(clip);
    }
    log('packetizing the clip into RTP with ffmpeg -c copy (once, 10 s)');
    const stats = await captureTrace(clip, trace);
    writeFileSync(`${trace}.json`, JSON.stringify(stats));
  }
  return { clip, trace };
}
