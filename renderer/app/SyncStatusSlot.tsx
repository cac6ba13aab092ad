/**
 * The top bar's status area. For now it reports only the network connection; the sync engine
 * (a later issue) replaces it with what is waiting to sync.
 */
import { useOnlineStatus } from './online-status';

export function SyncStatusSlot() {
  const online = useOnlineStatus();
  return (
    <div className="status-pill" data-state={online ? 'online' : 'offline'} role="status">
      <span className="status-pill__dot" aria-hidden="true" />
      <span className="visually-hidden">Network: </span>
      {online ? 'Online' : 'Offline'}
    </div>
  );
}
