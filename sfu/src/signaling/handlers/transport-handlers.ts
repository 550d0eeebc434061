import type { types } from 'mediasoup';
import type { RequestHandlers } from '../signaling-types';

/** WebRTC transports: created on the worker's WebRtcServer, connected with the client's DTLS parameters. */
export const transportHandlers: RequestHandlers<'createWebRtcTransport' | 'connectWebRtcTransport' | 'restartIce'> = {
  async createWebRtcTransport({ room, peer }, { direction, forceTcp }) {
    const transport = await room.createWebRtcTransport(peer, direction, forceTcp ?? false);
    return {
      id: transport.id,
      iceParameters: transport.iceParameters as unknown as Record<string, unknown>,
      iceCandidates: transport.iceCandidates as unknown as Record<string, unknown>[],
      dtlsParameters: transport.dtlsParameters as unknown as Record<string, unknown>,
    };
  },

  async connectWebRtcTransport({ peer }, { transportId, dtlsParameters }) {
    await peer.webRtcTransport(transportId).connect({ dtlsParameters: dtlsParameters as unknown as types.DtlsParameters });
    return {};
  },

  async restartIce({ peer }, { transportId }) {
    const iceParameters = await peer.webRtcTransport(transportId).restartIce();
    return { iceParameters: iceParameters as unknown as Record<string, unknown> };
  },
};
