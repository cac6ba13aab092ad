/**
 * Where the app connects when nothing else is configured: the project's local backend
 * (`npm run backend`) with its development JWT secret. Production builds are given
 * SUPABASE_URL and SUPABASE_ANON_KEY instead; the anon key is public by design (RLS protects data).
 */
export const LOCAL_BACKEND_URL = 'http://127.0.0.1:54321';

/** The development JWT secret of the local backend. Never used by a real Supabase project. */
export const LOCAL_JWT_SECRET = 'siso-local-development-secret-at-least-32-chars';

/** The anon key the local backend derives from LOCAL_JWT_SECRET (checked by a unit test). */
export const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlLWxvY2FsIiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjIwODI1ODU2MDB9.EjuOYBtniVPKbYz9ulPjgSfTn8VMco1oRkpwbcMDufU';
