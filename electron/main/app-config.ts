/** Which Supabase project the app talks to: SUPABASE_URL / SUPABASE_ANON_KEY, or the local backend. */
import { z } from 'zod';
import { LOCAL_ANON_KEY, LOCAL_BACKEND_URL } from '../../sync/replication/local-backend';

const envSchema = z.object({
  SUPABASE_URL: z.string().url().optional(),
  SUPABASE_ANON_KEY: z.string().min(20).optional(),
});

export interface AppConfig {
  supabaseUrl: string;
  supabaseAnonKey: string;
}

export function readAppConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse({ SUPABASE_URL: env.SUPABASE_URL || undefined, SUPABASE_ANON_KEY: env.SUPABASE_ANON_KEY || undefined });
  if (!parsed.success) {
    throw new Error(`Configuration is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    supabaseUrl: parsed.data.SUPABASE_URL ?? LOCAL_BACKEND_URL,
    supabaseAnonKey: parsed.data.SUPABASE_ANON_KEY ?? LOCAL_ANON_KEY,
  };
}
