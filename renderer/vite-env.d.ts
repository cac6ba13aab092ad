/// <reference types="vite/client" />

/** Build-time settings the renderer reads; all optional, each has a documented fallback. */
interface ImportMetaEnv {
  /** Supabase (or local backend) URL for the web build. Electron reads it from main instead. */
  readonly VITE_SUPABASE_URL?: string;
  /** Public anon key that goes with VITE_SUPABASE_URL. */
  readonly VITE_SUPABASE_ANON_KEY?: string;
  /** Overrides the version shown in the web build (defaults to package.json's). */
  readonly VITE_APP_VERSION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
