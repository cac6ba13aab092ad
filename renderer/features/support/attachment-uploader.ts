/**
 * The one driver of the ticket attachment uploader, mounted by the shell so files attached offline
 * upload whichever screen is open: when an account workspace opens, whenever an attachment is kept,
 * and when the network returns (the moments a refused upload is tried again).
 */
import { useEffect, useRef, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { useOpenWorkspace } from '../../session';
import { useOnlineStatus } from '../../platform/online-status';
import { listPendingAttachments, onPendingAttachmentsChange, uploadPendingAttachments } from './attachment-queue';

export function useAttachmentUploader(): void {
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const client: SupabaseClient | null = workspace?.sync?.client ?? null;
  const online = useOnlineStatus();
  const [hasWork, setHasWork] = useState(false);
  const [changeToken, setChangeToken] = useState(0);
  // A refused upload is retried once per session (client) and again each time the network returns.
  const [retryToken, setRetryToken] = useState(0);
  const retriedFor = useRef<{ client: SupabaseClient | null; token: number }>({ client: null, token: 0 });

  useEffect(() => {
    if (!partnerId) return undefined;
    let active = true;
    const load = () =>
      listPendingAttachments(partnerId).then(
        (records) => {
          if (!active) return;
          setHasWork(records.length > 0);
          setChangeToken((token) => token + 1);
        },
        // An unreadable store is the Support screens' to report (they read the same list); nothing to upload meanwhile.
        () => active && setHasWork(false),
      );
    void load();
    const stop = onPendingAttachmentsChange(() => void load());
    return () => {
      active = false;
      stop();
    };
  }, [partnerId]);

  useEffect(() => {
    const onOnline = () => setRetryToken((token) => token + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  useEffect(() => {
    if (!client || !partnerId || !online || !hasWork) return;
    const retryRefused = retriedFor.current.client !== client || retriedFor.current.token !== retryToken;
    retriedFor.current = { client, token: retryToken };
    // The queue keeps the round's problem for the Support screens; a failed round is tried again on the next change.
    uploadPendingAttachments(client, partnerId, retryRefused).catch(() => undefined);
  }, [client, partnerId, online, hasWork, retryToken, changeToken]);
}

/** Mounts the uploader; renders nothing (the shell loads it lazily with the support code). */
export function SupportAttachmentUploads(): null {
  useAttachmentUploader();
  return null;
}
