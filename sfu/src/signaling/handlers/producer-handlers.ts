import type { types } from 'mediasoup';
import type { RequestHandlers } from '../signaling-types';

/** Producers: what a peer sends (mic, camera, screen). */
export const producerHandlers: RequestHandlers<'produce' | 'closeProducer' | 'pauseProducer' | 'resumeProducer'> = {
  async produce({ room, peer }, { transportId, kind, rtpParameters, source }) {
    const producer = await room.produce(peer, {
      transportId,
      kind,
      rtpParameters: rtpParameters as unknown as types.RtpParameters,
      source,
    });
    return { producerId: producer.id };
  },

  async closeProducer({ room, peer }, { producerId }) {
    room.closeProducer(peer, producerId);
    return {};
  },

  async pauseProducer({ peer }, { producerId }) {
    await peer.producer(producerId).pause();
    return {};
  },

  async resumeProducer({ peer }, { producerId }) {
    await peer.producer(producerId).resume();
    return {};
  },
};
