/**
 * Realtime (`/realtime/v1/websocket`): Supabase's postgres_changes over the Phoenix protocol,
 * fed by the trigger-based change capture and filtered per subscriber by RLS.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ServerContext } from '../context';
import { verifyJwt } from '../auth/jwt';
import { changeChannel, installChangeCapture, parseChangeNotification } from './change-capture';
import { createChangeDispatcher } from './change-dispatcher';
import type { ChannelSubscription } from './channel-subscription';
import { protocolVersionOf } from './protocol';
import { startSocketSession } from './socket-session';

export const realtimePath = '/realtime/v1/websocket';

export async function attachRealtime(server: Server, ctx: ServerContext): Promise<{ close(): Promise<void> }> {
  await installChangeCapture(ctx.engine);

  const subscriptions = new Set<ChannelSubscription>();
  let bindingId = 0;
  const dispatcher = createChangeDispatcher(ctx.engine, () => subscriptions);
  const unlisten = await ctx.engine.listen(changeChannel, (payload) => {
    const change = parseChangeNotification(payload);
    if (change) dispatcher.enqueue(change);
  });

  // Clients only send small control frames; a large frame is refused rather than buffered.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const registry = {
    add: (subscription: ChannelSubscription) => void subscriptions.add(subscription),
    remove: (subscription: ChannelSubscription) => void subscriptions.delete(subscription),
    nextBindingId: () => ++bindingId,
  };

  function refuse(socket: Duplex, status: string): void {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== realtimePath && url.pathname !== `${realtimePath}/`) {
      socket.destroy();
      return;
    }
    // Like Supabase, a connection needs a valid project key; channels may then join as a user.
    const apiKey = url.searchParams.get('apikey') ?? (typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined);
    if (!apiKey || !(await verifyJwt(apiKey, ctx.jwtSecret)).ok) {
      refuse(socket, '401 Unauthorized');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      startSocketSession(ws, { ctx, version: protocolVersionOf(url), apiKey, registry });
    });
  }

  const upgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    onUpgrade(req, socket, head).catch(() => socket.destroy());
  };
  server.on('upgrade', upgradeListener);

  return {
    async close() {
      server.off('upgrade', upgradeListener);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      subscriptions.clear();
      await dispatcher.stop();
      await unlisten();
    },
  };
}
