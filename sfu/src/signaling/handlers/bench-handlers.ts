import type { RequestContext, RequestHandlers } from '../signaling-types';
import { SfuError, SfuErrorCode } from '../../errors/sfu-error';

/**
 * Benchmark only: plain SRTP transports, for a load generator without ICE/DTLS (test/bench). A socket
 * without a bench token, or on an SFU started without SFU_BENCH_PLAIN_TRANSPORTS=true, is told that
 * these requests do not exist.
 */
export const benchHandlers: RequestHandlers<'benchCreatePlainTransport' | 'benchConnectPlainTransport'> = {
  async benchCreatePlainTransport(ctx, { direction, srtpCryptoSuite }) {
    const listen = allowed(ctx, 'benchCreatePlainTransport');
    const transport = await ctx.room.createPlainTransport(ctx.peer, direction, listen, srtpCryptoSuite);
    return {
      id: transport.id,
      ip: transport.tuple.localAddress,
      port: transport.tuple.localPort,
      srtpParameters: transport.srtpParameters!,
    };
  },

  async benchConnectPlainTransport(ctx, { transportId, ip, port, srtpParameters }) {
    allowed(ctx, 'benchConnectPlainTransport');
    const transport = ctx.peer.plainTransport(transportId);
    if (transport.appData.direction === 'recv' && (ip === undefined || port === undefined)) {
      throw new SfuError(SfuErrorCode.BAD_REQUEST, 'a recv plain transport needs the ip and port to send to');
    }
    await transport.connect({ ip, port, srtpParameters });
    return {};
  },
};

function allowed(ctx: RequestContext, name: string): NonNullable<RequestContext['plainTransports']> {
  if (!ctx.plainTransports) throw new SfuError(SfuErrorCode.UNKNOWN_REQUEST, `unknown request "${name}"`);
  return ctx.plainTransports;
}
