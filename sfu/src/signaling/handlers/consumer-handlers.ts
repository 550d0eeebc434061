import type { RequestHandlers } from '../signaling-types';

/** Consumers are offered by the SFU (`newConsumer`); the client only tunes them. */
export const consumerHandlers: RequestHandlers<'setConsumerPreferredLayers'> = {
  async setConsumerPreferredLayers({ peer }, { consumerId, spatialLayer, temporalLayer }) {
    await peer.consumer(consumerId).setPreferredLayers({ spatialLayer, ...(temporalLayer !== undefined ? { temporalLayer } : {}) });
    return {};
  },
};
