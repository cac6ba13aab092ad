/**
 * Every write (and the one read) the API access page makes: token RPCs that go straight to the
 * server — tokens are never kept on this device, so they need the connection.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import {
  apiTokenSummarySchema,
  createdApiTokenSchema,
  newApiTokenSchema,
  type ApiTokenSummary,
  type CreatedApiToken,
  type NewApiToken,
} from '../../../sync/domain/api-tokens';

export class ApiTokenRequestError extends Error {}

function sentence(action: string, error: { message: string }): string {
  const message = error.message.trim();
  if (/fetch|network|failed to send/i.test(message)) {
    return `Could not ${action}: the server could not be reached. Check your connection and try again.`;
  }
  return `Could not ${action}: ${message.endsWith('.') ? message : `${message}.`}`;
}

export async function listApiTokens(client: SupabaseClient): Promise<ApiTokenSummary[]> {
  const { data, error } = await client.rpc('list_api_tokens');
  if (error) throw new ApiTokenRequestError(sentence('load your API tokens', error));
  return z.array(apiTokenSummarySchema).parse(data);
}

export async function createApiToken(client: SupabaseClient, input: NewApiToken): Promise<CreatedApiToken> {
  const values = newApiTokenSchema.parse(input);
  const { data, error } = await client.rpc('create_api_token', {
    token_name: values.name,
    token_scopes: values.scopes,
    expires_in_days: values.expiresInDays,
  });
  if (error) throw new ApiTokenRequestError(sentence('create the token', error));
  const [created] = z.array(createdApiTokenSchema).length(1).parse(data);
  return created as CreatedApiToken;
}

export async function revokeApiToken(client: SupabaseClient, tokenId: string): Promise<void> {
  const { error } = await client.rpc('revoke_api_token', { token_id: z.string().uuid().parse(tokenId) });
  if (error) throw new ApiTokenRequestError(sentence('revoke the token', error));
}
