import type { types } from 'mediasoup';
import type { RequestHandlers } from '../signaling-types';

/** Entering and leaving the room. */
export const roomHandlers: RequestHandlers<'getRouterRtpCapabilities' | 'join' | 'leave'> = {
  async getRouterRtpCapabilities({ room }) {
    return room.rtpCapabilities as unknown as Record<string, unknown>;
  },

  async join({ room, peer }, { rtpCapabilities }) {
    return { peers: room.join(peer, rtpCapabilities as unknown as types.RtpCapabilities) };
  },

  async leave({ room, peer }) {
    room.removePeer(peer);
    return {};
  },
};
