import type { Ack, NewConsumerOffer } from '@visite/contracts';
import { controlToken } from '../support/tokens';
import { opusRtpParameters, vp8RtpParameters, vp8SimulcastRtpParameters } from '../support/test-peer';
import { useTestSfu, waitFor } from '../support/test-sfu';

describe('producers and consumers', () => {
  const t = useTestSfu();
  const connect = (room: string, sub: string) => t.connect(room, sub);
  const serverConsumer = (room: string, peerId: string, consumerId: string) =>
    t.sfu.rooms.get(room)!.peers.find((p) => p.id === peerId)!.consumer(consumerId);

  it('offers a paused consumer to the other peer and resumes it only after the acknowledgement', async () => {
    const a = await connect('m1', 'a');
    const b = await connect('m1', 'b');
    const aEntry = await a.enter();
    await b.enter();

    let release!: (ack: Ack<Record<string, never>>) => void;
    const offered = new Promise<NewConsumerOffer>((resolve) => {
      b.replyToNewConsumer = (offer) => {
        resolve(offer);
        return new Promise((r) => (release = r));
      };
    });
    const { producerId } = await a.ok('produce', {
      transportId: aEntry.sendTransportId,
      kind: 'video',
      rtpParameters: vp8RtpParameters(),
      source: 'camera',
    });
    const offer = await offered;
    expect(offer).toMatchObject({ producerId, peerId: 'a', kind: 'video', source: 'camera', producerPaused: false });
    expect((offer.rtpParameters.codecs as { mimeType: string }[])[0]!.mimeType).toBe('video/VP8');

    const consumer = serverConsumer('m1', 'b', offer.consumerId);
    expect(consumer.paused).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(consumer.paused).toBe(true);

    release({ ok: true, data: {} });
    await waitFor(() => !consumer.paused, 3000, 'consumer resumed');
    expect(a.offers).toHaveLength(0);
  });

  it('offers existing producers to a peer that joins later, and closes a refused offer', async () => {
    const a = await connect('m2', 'a');
    const aEntry = await a.enter();
    await a.ok('produce', { transportId: aEntry.sendTransportId, kind: 'audio', rtpParameters: opusRtpParameters(), source: 'mic' });
    await a.ok('produce', { transportId: aEntry.sendTransportId, kind: 'video', rtpParameters: vp8RtpParameters(), source: 'camera' });

    const b = await connect('m2', 'b');
    b.replyToNewConsumer = (offer) =>
      offer.kind === 'audio' ? { ok: true, data: {} } : { ok: false, error: { code: 'CLIENT_ERROR', message: 'cannot render' } };
    await b.enter();
    await waitFor(() => b.offers.length === 2, 3000, 'two offers');
    const audio = b.offers.find((o) => o.kind === 'audio')!;
    const video = b.offers.find((o) => o.kind === 'video')!;
    expect(audio.source).toBe('mic');
    await waitFor(() => !serverConsumer('m2', 'b', audio.consumerId).paused, 3000, 'audio consumer resumed');
    await waitFor(() => b.eventsNamed('consumerClosed').length === 1, 3000, 'refused consumer closed');
    expect(b.eventsNamed('consumerClosed')).toEqual([{ consumerId: video.consumerId }]);
  });

  it('relays producer pause, resume and close to consumers', async () => {
    const a = await connect('m3', 'a');
    const b = await connect('m3', 'b');
    const aEntry = await a.enter();
    await b.enter();
    const { producerId } = await a.ok('produce', {
      transportId: aEntry.sendTransportId,
      kind: 'audio',
      rtpParameters: opusRtpParameters(),
      source: 'mic',
    });
    await waitFor(() => b.offers.length === 1);
    const { consumerId } = b.offers[0]!;
    await waitFor(() => !serverConsumer('m3', 'b', consumerId).paused);

    await a.ok('pauseProducer', { producerId });
    expect(await b.waitForEvent('consumerPaused')).toEqual({ consumerId });
    await a.ok('resumeProducer', { producerId });
    expect(await b.waitForEvent('consumerResumed')).toEqual({ consumerId });
    await a.ok('closeProducer', { producerId });
    expect(await b.waitForEvent('consumerClosed')).toEqual({ consumerId });
    expect(await a.request('pauseProducer', { producerId })).toMatchObject({ ok: false, error: { code: 'PRODUCER_NOT_FOUND' } });
  });

  it('forwards the highest simulcast layers by default and lets the client choose lower ones', async () => {
    const a = await connect('m4', 'a');
    const b = await connect('m4', 'b');
    const aEntry = await a.enter();
    await b.enter();
    await a.ok('produce', { transportId: aEntry.sendTransportId, kind: 'video', rtpParameters: vp8SimulcastRtpParameters(), source: 'camera' });
    await waitFor(() => b.offers.length === 1);
    const consumer = serverConsumer('m4', 'b', b.offers[0]!.consumerId);
    expect(consumer.type).toBe('simulcast');
    expect(consumer.preferredLayers).toEqual({ spatialLayer: 2, temporalLayer: 2 });
    await b.ok('setConsumerPreferredLayers', { consumerId: consumer.id, spatialLayer: 0 });
    expect(consumer.preferredLayers?.spatialLayer).toBe(0);
  });

  it('creates TCP-only transports on request, on the worker WebRtcServer', async () => {
    const a = await connect('m5', 'a');
    const transport = await a.ok('createWebRtcTransport', { direction: 'recv', forceTcp: true });
    expect(transport.iceCandidates.length).toBeGreaterThan(0);
    expect(transport.iceCandidates.every((c) => c.protocol === 'tcp')).toBe(true);
    const both = await a.ok('createWebRtcTransport', { direction: 'send' });
    expect(both.iceCandidates.map((c) => c.protocol).sort()).toEqual(['tcp', 'udp']);
    expect(both.iceCandidates.every((c) => c.address === '127.0.0.1')).toBe(true);
  });

  it('reports producers and their counters to the server for billing', async () => {
    const a = await connect('m6', 'a');
    const aEntry = await a.enter();
    const { producerId } = await a.ok('produce', {
      transportId: aEntry.sendTransportId,
      kind: 'video',
      rtpParameters: vp8RtpParameters(),
      source: 'camera',
    });
    const token = await controlToken(t.keys, { room: 'm6', action: 'room-stats' });
    const res = await fetch(`${t.url}/control/rooms/m6/stats`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      roomId: 'm6',
      peers: [
        {
          peerId: 'a',
          role: 'patient',
          displayName: 'Test Peer',
          joined: true,
          producers: [{ producerId, kind: 'video', source: 'camera', paused: false, bytes: 0, packets: 0 }],
        },
      ],
    });
  });
});
