/**
 * One websocket connection speaking the Phoenix channel protocol: heartbeats, joins with
 * postgres_changes bindings, access token refreshes, leaves. Frames that are not valid Phoenix
 * messages are ignored; the connection stays usable.
 */
import type { WebSocket } from 'ws';
import type { JwtClaims } from '../auth/jwt';
import { verifyJwt } from '../auth/jwt';
import { actAs } from '../db/claims';
import type { ServerContext } from '../context';
import { claimsExpired, type ChangeBinding, type ChannelSubscription } from './channel-subscription';
import {
  accessTokenPayloadSchema,
  decodeFrame,
  encodeFrame,
  joinPayloadSchema,
  type PhoenixMessage,
  type PostgresChangeConfig,
  type ProtocolVersion,
} from './protocol';
import { filterCondition, parseRowFilter, quoteIdent } from './subscription-filter';

export interface SessionRegistry {
  add(subscription: ChannelSubscription): void;
  remove(subscription: ChannelSubscription): void;
  nextBindingId(): number;
}

interface JoinedChannel {
  subscription: ChannelSubscription;
  joinRef: string | null;
  expiryTimer?: NodeJS.Timeout;
}

class JoinRefusal extends Error {}

const maxTimerMs = 2_147_483_647;

export function startSocketSession(
  socket: WebSocket,
  options: { ctx: ServerContext; version: ProtocolVersion; apiKey: string | undefined; registry: SessionRegistry },
): void {
  const { ctx, version, registry } = options;
  const channels = new Map<string, JoinedChannel>();
  // Messages are handled in arrival order; a join's database checks must not let a later
  // leave or token refresh overtake it.
  let pending: Promise<void> = Promise.resolve();

  function send(message: PhoenixMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(encodeFrame(version, message));
  }

  function reply(message: PhoenixMessage, status: 'ok' | 'error', response: Record<string, unknown>): void {
    send({ joinRef: message.joinRef, ref: message.ref, topic: message.topic, event: 'phx_reply', payload: { status, response } });
  }

  function channelName(topic: string): string {
    return topic.startsWith('realtime:') ? topic.slice('realtime:'.length) : topic;
  }

  function close(topic: string): void {
    const channel = channels.get(topic);
    if (!channel) return;
    channels.delete(topic);
    registry.remove(channel.subscription);
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
  }

  function expire(topic: string, message: string): void {
    const channel = channels.get(topic);
    if (!channel) return;
    send({
      joinRef: channel.joinRef,
      ref: null,
      topic,
      event: 'system',
      payload: { status: 'error', message, extension: 'system', channel: channelName(topic) },
    });
    send({ joinRef: channel.joinRef, ref: null, topic, event: 'phx_close', payload: {} });
    close(topic);
  }

  function scheduleExpiry(channel: JoinedChannel): void {
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    const exp = channel.subscription.claims.exp;
    if (typeof exp !== 'number') return;
    const delay = Math.min(Math.max(exp * 1000 - Date.now(), 0), maxTimerMs);
    channel.expiryTimer = setTimeout(() => expire(channel.subscription.topic, 'Token has expired'), delay);
    channel.expiryTimer.unref();
  }

  async function claimsFor(token: string | undefined): Promise<JwtClaims> {
    if (!token) throw new JoinRefusal('No access token or API key was sent');
    const result = await verifyJwt(token, ctx.jwtSecret);
    if (!result.ok) throw new JoinRefusal(result.reason === 'expired' ? 'Token has expired' : 'Invalid token');
    return result.claims;
  }

  /** Checks every binding against the database as the subscriber, so bad tables or filters fail the join. */
  async function bindingsFor(configs: PostgresChangeConfig[], claims: JwtClaims): Promise<ChangeBinding[]> {
    const bindings: ChangeBinding[] = configs.map((config) => {
      const binding: ChangeBinding = { id: registry.nextBindingId(), event: config.event, schema: config.schema };
      if (config.table !== undefined) binding.table = config.table;
      if (config.filter !== undefined) {
        const filter = parseRowFilter(config.filter);
        if (!filter) throw new JoinRefusal(`Unsupported filter: ${config.filter}`);
        if (config.table === undefined || config.table === '*' || config.schema === '*') {
          throw new JoinRefusal('A filter needs a schema and a table');
        }
        binding.filter = filter;
      }
      return binding;
    });
    const concrete = bindings.filter((binding) => binding.schema !== '*' && binding.table !== undefined && binding.table !== '*');
    if (concrete.length === 0) return bindings;
    try {
      await ctx.engine.transaction(async (tx) => {
        await actAs(tx, claims);
        for (const binding of concrete) {
          const params: unknown[] = [];
          const condition = binding.filter ? filterCondition(binding.filter, 't', params) : 'true';
          await tx.query(
            `select 1 from ${quoteIdent(binding.schema)}.${quoteIdent(binding.table ?? '')} as t where false and ${condition}`,
            params,
          );
        }
      });
    } catch (error) {
      throw new JoinRefusal(`Unable to subscribe to changes with given parameters: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
    return bindings;
  }

  async function join(message: PhoenixMessage): Promise<void> {
    const parsed = joinPayloadSchema.safeParse(message.payload);
    if (!parsed.success) {
      reply(message, 'error', { reason: 'Malformed join payload' });
      return;
    }
    const configs = parsed.data.config?.postgres_changes ?? [];
    let claims: JwtClaims;
    let bindings: ChangeBinding[];
    try {
      claims = await claimsFor(parsed.data.access_token ?? options.apiKey);
      bindings = await bindingsFor(configs, claims);
    } catch (error) {
      if (!(error instanceof JoinRefusal)) throw error;
      reply(message, 'error', { reason: error.message });
      return;
    }
    close(message.topic);
    const topic = message.topic;
    const subscription: ChannelSubscription = {
      topic,
      claims,
      bindings,
      push: (event, payload) => send({ joinRef: message.joinRef, ref: null, topic, event, payload }),
      expire: (reason) => expire(topic, reason),
    };
    const channel: JoinedChannel = { subscription, joinRef: message.joinRef };
    channels.set(topic, channel);
    registry.add(subscription);
    scheduleExpiry(channel);
    reply(message, 'ok', {
      postgres_changes: configs.map((config, index) => ({ ...config, id: bindings[index]?.id })),
    });
    if (configs.length > 0) {
      subscription.push('system', {
        status: 'ok',
        message: 'Subscribed to PostgreSQL',
        extension: 'postgres_changes',
        channel: channelName(topic),
      });
    }
  }

  async function refreshToken(message: PhoenixMessage, channel: JoinedChannel): Promise<void> {
    const parsed = accessTokenPayloadSchema.safeParse(message.payload);
    if (!parsed.success) {
      reply(message, 'error', { reason: 'Malformed access_token payload' });
      return;
    }
    const result = await verifyJwt(parsed.data.access_token, ctx.jwtSecret);
    if (!result.ok || claimsExpired(result.claims)) {
      expire(message.topic, result.ok || result.reason === 'expired' ? 'Token has expired' : 'Invalid token');
      return;
    }
    channel.subscription.claims = result.claims;
    scheduleExpiry(channel);
    reply(message, 'ok', {});
  }

  async function handle(message: PhoenixMessage): Promise<void> {
    if (message.topic === 'phoenix') {
      if (message.event === 'heartbeat') reply(message, 'ok', {});
      return;
    }
    if (message.event === 'phx_join') {
      await join(message);
      return;
    }
    const channel = channels.get(message.topic);
    if (!channel) {
      reply(message, 'error', { reason: 'unmatched topic' });
      return;
    }
    switch (message.event) {
      case 'phx_leave':
        reply(message, 'ok', {});
        send({ joinRef: channel.joinRef, ref: null, topic: message.topic, event: 'phx_close', payload: {} });
        close(message.topic);
        return;
      case 'phx_close':
        close(message.topic);
        return;
      case 'access_token':
        await refreshToken(message, channel);
        return;
      default:
        // broadcast and presence are not provided by the local backend; acknowledge so clients
        // that wait for an ack do not time out.
        reply(message, 'ok', {});
    }
  }

  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    const message = decodeFrame(data.toString());
    if (!message) return;
    pending = pending.then(() => handle(message)).catch(() => {
      reply(message, 'error', { reason: 'Internal error' });
    });
  });

  socket.on('close', () => {
    for (const topic of [...channels.keys()]) close(topic);
  });
  socket.on('error', () => socket.terminate());
}
