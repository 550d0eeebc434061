/*
 * rtp-load: the forwarding benchmark's traffic generator and receiver (one process, one thread, epoll).
 *
 * Replays an RTP packet trace (a pre-encoded VP8 720p + opus clip, packetized once by ffmpeg -c copy;
 * see forwarding.bench.mjs) on many streams at the clip's own pace, each with its SSRC, sequence numbers
 * and timestamps, SRTP-protected with libsrtp (the OpenSSL build the worker uses), and receives what the
 * SFU forwards: SRTP-unprotected (authenticated), loss counted from the RTP sequence numbers, transit
 * latency from a send time written into the last 12 bytes of each payload (CLOCK_REALTIME ns + "VSTB")
 * against the kernel's arrival time of the forwarded packet (SO_TIMESTAMPNS). The SFU forwards payloads
 * untouched past the VP8 descriptor, so the stamp survives.
 *
 * All senders share one UDP socket and all receivers another (streams are told apart by SSRC; a new SSRC
 * is matched to its receiver's SRTP session by trial authentication). The receive socket is read every
 * millisecond, not waited on, so a forwarded packet never wakes this process: on loopback a wake-up of
 * the receiver is charged to the sender (the SFU) and costs it more than the packet itself, which no
 * SFU pays towards a network card.
 *
 * Driven by line commands on stdin, answers on stdout (one line each):
 *   trace <file>                                   load the packet trace
 *   sender <id> <ip> <port> <suite> <keyB64>       UDP socket + outbound SRTP session -> "ok <local port>"
 *   stream <sender id> <a|v> <ssrc> <pt>           start a stream on a sender (random start in the clip)
 *   receiver <id> <suite> <keyB64>                 UDP socket + inbound SRTP session -> "ok <local port>"
 *   pause / resume                                 stop sending / go on from where each stream was
 *   window                                         reset the counters -> "ok"
 *   report                                         counters since the window, as one JSON line
 *   quit
 * suite: AEAD_AES_256_GCM, AEAD_AES_128_GCM, AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32 or none
 * (plain RTP, for the loopback floor).
 *
 *   rtp-load reflect <dst port>   the floor's stand-in SFU: prints "ok <port>", then sends every UDP packet
 *                                 it receives on that port to 127.0.0.1:<dst port>, until stdin closes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <srtp2/srtp.h>

#define MAX_PKT 1500
#define STAMP_LEN 12
#define MAX_LAT_US 200000
#define BATCH 64

struct trace_pkt { uint32_t at_us; uint32_t ts; uint8_t marker; uint16_t len; uint8_t *payload; };
struct trace { struct trace_pkt *pkts; int n; uint32_t period_us; uint32_t clock; };
static struct trace traces[2]; /* 0 audio, 1 video */

struct sender { int id; srtp_t srtp; int plain; struct sockaddr_in dst; };
struct stream {
  struct sender *s; int kind; uint32_t ssrc; uint8_t pt; uint16_t seq; uint32_t ts_base;
  int idx; uint64_t loop_start_ns; uint32_t loops;
};
struct rstream { uint32_t ssrc; int started; uint32_t first_ext, max_ext; uint16_t last_seq; uint32_t cycles; uint64_t received; };
struct receiver { int id; srtp_t srtp; int plain; struct rstream *rs; int nrs, caprs; };
/* SSRC -> (receiver, stream), open addressing */
#define MAP_SIZE 65536
struct slot { uint32_t ssrc; int used; int r; int st; };
static struct slot ssrc_map[MAP_SIZE];
static int send_fd, recv_fd; static uint16_t send_port, recv_port;

static struct sender **senders; static int nsenders;
static struct stream *streams; static int nstreams, capstreams;
static struct receiver **receivers; static int nreceivers;
static uint64_t probation_pkts, sent_pkts, sent_bytes, send_errors, recv_pkts, recv_bytes, auth_fail, unstamped, late_sends;
static uint64_t max_lag_us;
static uint32_t *lat_hist; static uint64_t lat_over, lat_n;
static int epfd; /* reflect mode */
static uint64_t paused_at; /* 0: sending */

static uint64_t now_ns(void) {
  struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static uint64_t real_ns(void) {
  struct timespec t; clock_gettime(CLOCK_REALTIME, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static void die(const char *m) { fprintf(stderr, "rtp-load: %s (%s)\n", m, strerror(errno)); exit(1); }

static int b64dec(const char *in, uint8_t *out, int max) {
  static const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  int n = 0, bits = 0; uint32_t acc = 0;
  for (; *in && *in != '='; in++) {
    const char *p = strchr(a, *in); if (!p) return -1;
    acc = (acc << 6) | (uint32_t)(p - a); bits += 6;
    if (bits >= 8) { bits -= 8; if (n >= max) return -1; out[n++] = (uint8_t)(acc >> bits); }
  }
  return n;
}

/* 1 = plain RTP, 0 = SRTP session created, -1 = bad suite or key */
static int make_session(srtp_t *out, const char *suite, const char *key64, int inbound) {
  if (!strcmp(suite, "none")) return 1;
  srtp_profile_t prof;
  if (!strcmp(suite, "AEAD_AES_256_GCM")) prof = srtp_profile_aead_aes_256_gcm;
  else if (!strcmp(suite, "AEAD_AES_128_GCM")) prof = srtp_profile_aead_aes_128_gcm;
  else if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_80")) prof = srtp_profile_aes128_cm_sha1_80;
  else if (!strcmp(suite, "AES_CM_128_HMAC_SHA1_32")) prof = srtp_profile_aes128_cm_sha1_32;
  else return -1;
  static uint8_t key[64];
  int klen = b64dec(key64, key, sizeof key);
  if (klen != (int)(srtp_profile_get_master_key_length(prof) + srtp_profile_get_master_salt_length(prof))) return -1;
  srtp_policy_t pol; memset(&pol, 0, sizeof pol);
  srtp_crypto_policy_set_from_profile_for_rtp(&pol.rtp, prof);
  srtp_crypto_policy_set_from_profile_for_rtcp(&pol.rtcp, prof);
  pol.ssrc.type = inbound ? ssrc_any_inbound : ssrc_any_outbound;
  pol.key = key; pol.window_size = 1024; pol.next = NULL;
  return srtp_create(out, &pol) == srtp_err_status_ok ? 0 : -1;
}

static int udp_socket(uint16_t *port) {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0); if (fd < 0) die("socket");
  int buf = 4 << 20;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf); setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
  if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
  socklen_t l = sizeof a; getsockname(fd, (struct sockaddr *)&a, &l); *port = ntohs(a.sin_port);
  return fd;
}

static void load_trace(const char *file) {
  FILE *f = fopen(file, "rb"); if (!f) die("trace");
  char magic[4]; uint32_t hdr[2];
  if (fread(magic, 1, 4, f) != 4 || memcmp(magic, "VTRC", 4) || fread(hdr, 4, 2, f) != 2) die("trace header");
  traces[0].period_us = traces[1].period_us = hdr[0];
  traces[0].clock = 48000; traces[1].clock = 90000;
  for (;;) {
    uint8_t kind, marker; uint32_t ts, at; uint16_t len;
    if (fread(&kind, 1, 1, f) != 1) break;
    if (fread(&at, 4, 1, f) != 1 || fread(&ts, 4, 1, f) != 1 || fread(&marker, 1, 1, f) != 1 || fread(&len, 2, 1, f) != 1) die("trace record");
    struct trace *t = &traces[kind ? 1 : 0];
    t->pkts = realloc(t->pkts, sizeof *t->pkts * (size_t)(t->n + 1));
    struct trace_pkt *p = &t->pkts[t->n++];
    p->at_us = at; p->ts = ts; p->marker = marker; p->len = len; p->payload = malloc(len);
    if (fread(p->payload, 1, len, f) != len) die("trace payload");
  }
  fclose(f);
  if (!traces[0].n || !traces[1].n) { fprintf(stderr, "rtp-load: trace needs audio and video\n"); exit(1); }
}

static uint64_t next_due(struct stream *st) {
  return st->loop_start_ns + (uint64_t)traces[st->kind].pkts[st->idx].at_us * 1000ull;
}

static void send_due(uint64_t now) {
  static uint8_t buf[MAX_PKT + SRTP_MAX_TRAILER_LEN];
  if (paused_at) return;
  for (int i = 0; i < nstreams; i++) {
    struct stream *st = &streams[i]; struct trace *t = &traces[st->kind];
    for (uint64_t due; (due = next_due(st)) <= now;) {
      uint64_t lag = (now - due) / 1000; if (lag > max_lag_us) max_lag_us = lag; if (lag > 5000) late_sends++;
      struct trace_pkt *p = &t->pkts[st->idx];
      uint32_t ts = st->ts_base + p->ts + (uint32_t)((uint64_t)st->loops * t->period_us * t->clock / 1000000ull);
      buf[0] = 0x80; buf[1] = (uint8_t)((p->marker ? 0x80 : 0) | st->pt);
      buf[2] = (uint8_t)(st->seq >> 8); buf[3] = (uint8_t)st->seq; st->seq++;
      buf[4] = (uint8_t)(ts >> 24); buf[5] = (uint8_t)(ts >> 16); buf[6] = (uint8_t)(ts >> 8); buf[7] = (uint8_t)ts;
      buf[8] = (uint8_t)(st->ssrc >> 24); buf[9] = (uint8_t)(st->ssrc >> 16); buf[10] = (uint8_t)(st->ssrc >> 8); buf[11] = (uint8_t)st->ssrc;
      memcpy(buf + 12, p->payload, p->len);
      int len = 12 + p->len;
      if (p->len >= 2 * STAMP_LEN) { uint64_t n = real_ns(); memcpy(buf + len - STAMP_LEN, &n, 8); memcpy(buf + len - 4, "VSTB", 4); }
      if (!st->s->plain && srtp_protect(st->s->srtp, buf, &len) != srtp_err_status_ok) { send_errors++; }
      else if (sendto(send_fd, buf, (size_t)len, 0, (struct sockaddr *)&st->s->dst, sizeof st->s->dst) < 0) send_errors++;
      else { sent_pkts++; sent_bytes += (uint64_t)len; }
      if (++st->idx == t->n) { st->idx = 0; st->loops++; st->loop_start_ns += (uint64_t)t->period_us * 1000ull; }
    }
  }
}

static struct slot *slot_of(uint32_t ssrc) {
  uint32_t h = (ssrc * 2654435761u) & (MAP_SIZE - 1);
  while (ssrc_map[h].used && ssrc_map[h].ssrc != ssrc) h = (h + 1) & (MAP_SIZE - 1);
  return &ssrc_map[h];
}

static int add_rstream(struct receiver *r, uint32_t ssrc) {
  if (r->nrs == r->caprs) { r->caprs = r->caprs ? 2 * r->caprs : 4; r->rs = realloc(r->rs, sizeof *r->rs * (size_t)r->caprs); }
  struct rstream *s = &r->rs[r->nrs]; memset(s, 0, sizeof *s); s->ssrc = ssrc;
  return r->nrs++;
}

/* A packet of an SSRC seen for the first time: the receiver whose SRTP session authenticates it. */
static int match_receiver(uint8_t *buf, int *len) {
  static uint8_t copy[MAX_PKT + SRTP_MAX_TRAILER_LEN];
  for (int i = nreceivers - 1; i >= 0; i--) {
    if (receivers[i]->plain) return i;
    int l = *len; memcpy(copy, buf, (size_t)l);
    if (srtp_unprotect(receivers[i]->srtp, copy, &l) == srtp_err_status_ok) { memcpy(buf, copy, (size_t)l); *len = l; return i; }
  }
  return -1;
}

static void on_packet(uint8_t *buf, int len, uint64_t arrival_ns) {
  if (len < 12 || (buf[0] >> 6) != 2) return;
  uint8_t pt = buf[1] & 0x7f;
  if (pt >= 72 && pt <= 79) return; /* RTCP (rtcp-mux) */
  uint32_t ssrc = (uint32_t)buf[8] << 24 | (uint32_t)buf[9] << 16 | (uint32_t)buf[10] << 8 | buf[11];
  /* mediasoup's bandwidth probation stream (padding only, SSRC 1234): not media, not counted */
  if (ssrc == 1234) { probation_pkts++; return; }
  struct slot *sl = slot_of(ssrc);
  if (!sl->used) {
    int ri = match_receiver(buf, &len);
    if (ri < 0) { auth_fail++; return; }
    sl->used = 1; sl->ssrc = ssrc; sl->r = ri; sl->st = add_rstream(receivers[ri], ssrc);
  } else {
    struct receiver *r = receivers[sl->r];
    if (!r->plain && srtp_unprotect(r->srtp, buf, &len) != srtp_err_status_ok) { auth_fail++; return; }
  }
  struct rstream *s = &receivers[sl->r]->rs[sl->st];
  recv_pkts++; recv_bytes += (uint64_t)len;
  uint16_t seq = (uint16_t)(buf[2] << 8 | buf[3]);
  if (!s->started) { s->started = 1; s->cycles = 0; s->last_seq = seq; s->first_ext = s->max_ext = seq; s->received = 1; }
  else {
    int16_t d = (int16_t)(seq - s->last_seq);
    if (d > 0) { if (seq < s->last_seq) s->cycles += 65536; s->last_seq = seq; uint32_t ext = s->cycles + seq; if (ext > s->max_ext) s->max_ext = ext; }
    s->received++;
  }
  if (len >= 12 + 2 * STAMP_LEN && !memcmp(buf + len - 4, "VSTB", 4)) {
    uint64_t t; memcpy(&t, buf + len - STAMP_LEN, 8);
    uint64_t us = arrival_ns > t ? (arrival_ns - t) / 1000 : 0;
    if (us < MAX_LAT_US) lat_hist[us]++; else lat_over++;
    lat_n++;
  } else unstamped++;
}

/* Reads every queued datagram of fd; with `handle`, each goes to on_packet with its kernel arrival time. */
static void drain(int fd, int handle) {
  static uint8_t bufs[BATCH][MAX_PKT + SRTP_MAX_TRAILER_LEN];
  static char ctrl[BATCH][64];
  struct mmsghdr msgs[BATCH]; struct iovec iov[BATCH];
  for (;;) {
    for (int i = 0; i < BATCH; i++) {
      iov[i].iov_base = bufs[i]; iov[i].iov_len = MAX_PKT; memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
      msgs[i].msg_hdr.msg_iov = &iov[i]; msgs[i].msg_hdr.msg_iovlen = 1;
      msgs[i].msg_hdr.msg_control = ctrl[i]; msgs[i].msg_hdr.msg_controllen = sizeof ctrl[i];
    }
    int n = recvmmsg(fd, msgs, BATCH, MSG_DONTWAIT, NULL);
    if (n <= 0) return;
    if (handle) for (int i = 0; i < n; i++) {
      uint64_t arrival = real_ns();
      for (struct cmsghdr *c = CMSG_FIRSTHDR(&msgs[i].msg_hdr); c; c = CMSG_NXTHDR(&msgs[i].msg_hdr, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
          struct timespec ts; memcpy(&ts, CMSG_DATA(c), sizeof ts);
          arrival = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
        }
      on_packet(bufs[i], (int)msgs[i].msg_len, arrival);
    }
    if (n < BATCH) return;
  }
}

static void reset_window(void) {
  probation_pkts = sent_pkts = sent_bytes = send_errors = recv_pkts = recv_bytes = auth_fail = unstamped = late_sends = max_lag_us = 0;
  memset(lat_hist, 0, sizeof *lat_hist * MAX_LAT_US); lat_over = lat_n = 0;
  for (int i = 0; i < nreceivers; i++) for (int j = 0; j < receivers[i]->nrs; j++) receivers[i]->rs[j].started = 0;
}

static double pct(double q) {
  if (!lat_n) return -1;
  uint64_t want = (uint64_t)(q * (double)lat_n), acc = 0;
  for (int i = 0; i < MAX_LAT_US; i++) { acc += lat_hist[i]; if (acc > want) return i; }
  return MAX_LAT_US;
}

static void report(void) {
  uint64_t expected = 0, received = 0; int nstr = 0;
  for (int i = 0; i < nreceivers; i++) for (int j = 0; j < receivers[i]->nrs; j++) {
    struct rstream *s = &receivers[i]->rs[j]; if (!s->started) continue;
    nstr++; expected += s->max_ext - s->first_ext + 1; received += s->received;
  }
  struct rusage ru; getrusage(RUSAGE_SELF, &ru);
  printf("{\"sent\":%llu,\"sentBytes\":%llu,\"sendErrors\":%llu,\"received\":%llu,\"receivedBytes\":%llu,"
         "\"expected\":%llu,\"receivedInSequence\":%llu,\"streamsReceiving\":%d,\"authFailures\":%llu,\"unstamped\":%llu,"
         "\"latencyUs\":{\"p50\":%.0f,\"p99\":%.0f,\"n\":%llu,\"over\":%llu},\"maxSendLagUs\":%llu,\"lateSends\":%llu,"
         "\"probation\":%llu,\"cpuUs\":%llu}\n",
         (unsigned long long)sent_pkts, (unsigned long long)sent_bytes, (unsigned long long)send_errors,
         (unsigned long long)recv_pkts, (unsigned long long)recv_bytes, (unsigned long long)expected,
         (unsigned long long)received, nstr, (unsigned long long)auth_fail, (unsigned long long)unstamped,
         pct(0.5), pct(0.99), (unsigned long long)lat_n, (unsigned long long)lat_over,
         (unsigned long long)max_lag_us, (unsigned long long)late_sends, (unsigned long long)probation_pkts,
         (unsigned long long)(ru.ru_utime.tv_sec * 1000000ll + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * 1000000ll + ru.ru_stime.tv_usec));
  fflush(stdout);
}

static void command(char *line) {
  char a[64], b[64], c[64], d[200], e[200]; int id, port;
  if (sscanf(line, "trace %199s", d) == 1) { load_trace(d); puts("ok"); }
  else if (sscanf(line, "sender %d %63s %d %63s %199s", &id, a, &port, c, e) == 5) {
    struct sender *s = calloc(1, sizeof *s);
    s->id = id;
    s->dst.sin_family = AF_INET; s->dst.sin_port = htons((uint16_t)port); inet_pton(AF_INET, a, &s->dst.sin_addr);
    int k = make_session(&s->srtp, c, e, 0); if (k < 0) { puts("error bad suite or key"); free(s); goto out; }
    s->plain = k;
    senders = realloc(senders, sizeof *senders * (size_t)(nsenders + 1)); senders[nsenders++] = s;
    printf("ok %u\n", send_port);
  } else if (sscanf(line, "stream %d %63s %63s %63s", &id, a, b, c) == 4) {
    struct sender *s = NULL; for (int i = 0; i < nsenders; i++) if (senders[i]->id == id) s = senders[i];
    if (!s || !traces[0].n) { puts("error no such sender or no trace"); goto out; }
    if (nstreams == capstreams) { capstreams = capstreams ? 2 * capstreams : 64; streams = realloc(streams, sizeof *streams * (size_t)capstreams); }
    struct stream *st = &streams[nstreams++]; memset(st, 0, sizeof *st);
    st->s = s; st->kind = a[0] == 'v'; st->ssrc = (uint32_t)strtoul(b, NULL, 10); st->pt = (uint8_t)atoi(c);
    st->seq = (uint16_t)rand(); st->ts_base = (uint32_t)rand();
    /* start somewhere in the clip, so key frames and bursts of different streams do not line up */
    struct trace *t = &traces[st->kind]; st->idx = rand() % t->n;
    st->loop_start_ns = now_ns() - (uint64_t)t->pkts[st->idx].at_us * 1000ull;
    puts("ok");
  } else if (sscanf(line, "receiver %d %63s %199s", &id, c, e) == 3) {
    struct receiver *r = calloc(1, sizeof *r);
    r->id = id;
    int k = make_session(&r->srtp, c, e, 1); if (k < 0) { puts("error bad suite or key"); free(r); goto out; }
    r->plain = k;
    receivers = realloc(receivers, sizeof *receivers * (size_t)(nreceivers + 1)); receivers[nreceivers++] = r;
    printf("ok %u\n", recv_port);
  } else if (!strncmp(line, "pause", 5)) { if (!paused_at) paused_at = now_ns(); puts("ok"); }
  else if (!strncmp(line, "resume", 6)) {
    if (paused_at) { uint64_t d = now_ns() - paused_at; for (int i = 0; i < nstreams; i++) streams[i].loop_start_ns += d; paused_at = 0; }
    puts("ok");
  } else if (!strncmp(line, "window", 6)) { reset_window(); puts("ok"); }
  else if (!strncmp(line, "report", 6)) { report(); return; }
  else if (!strncmp(line, "streams", 7)) { /* per received stream, to stderr: for looking into loss */
    for (int i = 0; i < nreceivers; i++) for (int j = 0; j < receivers[i]->nrs; j++) {
      struct rstream *st = &receivers[i]->rs[j];
      fprintf(stderr, "receiver %d ssrc %u started %d expected %u received %llu\n", receivers[i]->id, st->ssrc, st->started,
              st->started ? st->max_ext - st->first_ext + 1 : 0, (unsigned long long)st->received);
    }
    puts("ok");
  }
  else if (!strncmp(line, "quit", 4)) exit(0);
  else puts("error unknown command");
out:
  fflush(stdout);
}

static int reflect(int dst_port) {
  uint16_t port; int in = udp_socket(&port), out = udp_socket(&(uint16_t){0});
  struct sockaddr_in dst = { .sin_family = AF_INET, .sin_port = htons((uint16_t)dst_port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
  printf("ok %u\n", port); fflush(stdout);
  fcntl(0, F_SETFL, O_NONBLOCK);
  epfd = epoll_create1(0);
  struct epoll_event ev = { .events = EPOLLIN, .data.fd = in }; epoll_ctl(epfd, EPOLL_CTL_ADD, in, &ev);
  struct epoll_event ev0 = { .events = EPOLLIN | EPOLLHUP, .data.fd = 0 }; epoll_ctl(epfd, EPOLL_CTL_ADD, 0, &ev0);
  static uint8_t buf[MAX_PKT];
  for (;;) {
    struct epoll_event evs[4]; int n = epoll_wait(epfd, evs, 4, -1);
    for (int i = 0; i < n; i++) {
      if (evs[i].data.fd == 0) { char c[64]; ssize_t k = read(0, c, sizeof c); if (k >= 0 || errno != EAGAIN) return 0; continue; } /* quit or EOF */
      for (;;) { /* one recv and one send per packet, as an SFU without batching does */
        ssize_t len = recv(in, buf, sizeof buf, MSG_DONTWAIT); if (len <= 0) break;
        sendto(out, buf, (size_t)len, 0, (struct sockaddr *)&dst, sizeof dst);
      }
    }
  }
}

int main(int argc, char **argv) {
  if (argc == 3 && !strcmp(argv[1], "reflect")) return reflect(atoi(argv[2]));
  if (srtp_init() != srtp_err_status_ok) die("srtp_init");
  srand((unsigned)getpid());
  lat_hist = calloc(MAX_LAT_US, sizeof *lat_hist);
  send_fd = udp_socket(&send_port); recv_fd = udp_socket(&recv_port);
  int on = 1; setsockopt(recv_fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
  fcntl(0, F_SETFL, O_NONBLOCK);
  static char inbuf[8192]; size_t inlen = 0;
  for (;;) {
    drain(recv_fd, 1);
    drain(send_fd, 0); /* the SFU's RTCP to the senders: dropped */
    struct pollfd in = { .fd = 0, .events = POLLIN };
    if (poll(&in, 1, 0) > 0) {
      ssize_t k = read(0, inbuf + inlen, sizeof inbuf - inlen - 1);
      if (k == 0) return 0;
      if (k > 0) {
        inlen += (size_t)k; inbuf[inlen] = 0;
        char *nl;
        while ((nl = memchr(inbuf, '\n', inlen))) { *nl = 0; command(inbuf); size_t used = (size_t)(nl - inbuf) + 1; memmove(inbuf, nl + 1, inlen - used); inlen -= used; inbuf[inlen] = 0; }
      }
    }
    uint64_t now = now_ns();
    send_due(now);
    /* sleep to the next packet due, at most 1 ms (the receive socket's polling period), 20 ms when paused */
    uint64_t next = now + (paused_at ? 20000000ull : 1000000ull);
    for (int i = 0; !paused_at && i < nstreams; i++) { uint64_t d = next_due(&streams[i]); if (d < next) next = d; }
    struct timespec until = { .tv_sec = (time_t)(next / 1000000000ull), .tv_nsec = (long)(next % 1000000000ull) };
    if (next > now_ns()) clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
  }
}
