import type { RequestHandlers } from '../signaling-types';

/** Consumers are offered by the SFU (`newConsumer`); the client only tunes them. */
export const consumerHandlers: RequestHandlers<'setConsumerPreferredLayers' | 'pauseConsumer' | 'resumeConsumer'> = {
  async setConsumerPreferredLayers({ peer }, { consumerId, spatialLayer, temporalLayer }) {
    await peer.consumer(consumerId).setPreferredLayers({ spatialLayer, ...(temporalLayer !== undefined ? { temporalLayer } : {}) });
    return {};
  },

  /** Audio-only mode: the SFU stops forwarding this consumer (no bandwidth spent on remote video). */
  async pauseConsumer({ peer }, { consumerId }) {
    await peer.consumer(consumerId).pause();
    return {};
  },

  async resumeConsumer({ peer }, { consumerId }) {
    const consumer = peer.consumer(consumerId);
    await consumer.resume();
    if (consumer.kind === 'video') await consumer.requestKeyFrame();
    return {};
  },
};
