/**
 * The top bar's status area: for an account workspace, the sync indicator; for the demo (which
 * never syncs), the network connection only.
 */
import { useOnlineStatus } from '../platform/online-status';
import { SyncIndicator } from './sync/SyncIndicator';
import { useOpenWorkspace } from '../session';

export function SyncStatusSlot() {
  const workspace = useOpenWorkspace();
  if (workspace?.sync) return <SyncIndicator sync={workspace.sync} />;
  return <NetworkStatus />;
}

function NetworkStatus() {
  const online = useOnlineStatus();
  return (
    <div className="status-pill" data-state={online ? 'online' : 'offline'} role="status">
      <span className="status-pill__dot" aria-hidden="true" />
      <span className="visually-hidden">Network: </span>
      {online ? 'Online' : 'Offline'}
    </div>
  );
}
