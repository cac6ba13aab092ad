/**
 * Phoenix channel frames as realtime-js sends and expects them: protocol 1.0.0 frames are JSON
 * objects, 2.0.0 frames are JSON arrays `[join_ref, ref, topic, event, payload]`. Binary frames
 * (2.0.0 user broadcasts) are not supported by the local backend and are ignored.
 */
import { z } from 'zod';

export type ProtocolVersion = '1.0.0' | '2.0.0';

export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

const ref = z.union([z.string(), z.number().transform(String)]).nullable().optional();
const payload = z.record(z.string(), z.unknown());

const arrayFrame = z.tuple([ref, ref, z.string(), z.string(), payload]);
const objectFrame = z.object({
  join_ref: ref,
  ref,
  topic: z.string(),
  event: z.string(),
  payload,
});

/** The protocol a connection asked for in its `vsn` query parameter (Phoenix defaults to 1.0.0). */
export function protocolVersionOf(url: URL): ProtocolVersion {
  return url.searchParams.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
}

/** A text frame as a message, or undefined when it is not a well-formed Phoenix frame. */
export function decodeFrame(text: string): PhoenixMessage | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const asArray = arrayFrame.safeParse(raw);
  if (asArray.success) {
    const [joinRef, msgRef, topic, event, body] = asArray.data;
    return { joinRef: joinRef ?? null, ref: msgRef ?? null, topic, event, payload: body };
  }
  const asObject = objectFrame.safeParse(raw);
  if (asObject.success) {
    const { join_ref: joinRef, ref: msgRef, topic, event, payload: body } = asObject.data;
    return { joinRef: joinRef ?? null, ref: msgRef ?? null, topic, event, payload: body };
  }
  return undefined;
}

export function encodeFrame(version: ProtocolVersion, message: PhoenixMessage): string {
  if (version === '2.0.0') {
    return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, message.payload]);
  }
  return JSON.stringify({
    join_ref: message.joinRef,
    ref: message.ref,
    topic: message.topic,
    event: message.event,
    payload: message.payload,
  });
}

const postgresChangeConfig = z.object({
  event: z.enum(['*', 'INSERT', 'UPDATE', 'DELETE']),
  schema: z.string().min(1),
  table: z.string().min(1).optional(),
  filter: z.string().min(1).optional(),
});

export type PostgresChangeConfig = z.infer<typeof postgresChangeConfig>;

export const joinPayloadSchema = z.object({
  config: z
    .object({
      broadcast: z.unknown().optional(),
      presence: z.unknown().optional(),
      postgres_changes: z.array(postgresChangeConfig).optional(),
      private: z.boolean().optional(),
    })
    .optional(),
  access_token: z.string().optional(),
});

export const accessTokenPayloadSchema = z.object({ access_token: z.string().min(1) });
