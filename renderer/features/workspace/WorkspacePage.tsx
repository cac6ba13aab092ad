/**
 * The overview: which workspace is open, which app build is running, and whether this device is
 * online. Only facts the app actually knows — figures arrive with the features that own them.
 */
import { useOnlineStatus } from '../../platform/online-status';
import { operatingSystemLabel, runtimeLabel, useAppInfo, usePlatform, usePlatformConfig } from '../../platform';
import { useWorkspaceStore, workspaceLabel, type WorkspaceIdentity } from '../../session/workspace-store';
import { PageHeader } from '../../ui/PageHeader';

function workspaceDescription(workspace: WorkspaceIdentity): string {
  switch (workspace.mode) {
    case 'signed-out':
      return 'No SISO partner account is signed in on this device.';
    case 'demo':
      return 'Sample data stored on this device only. Nothing you change here is sent to SISO.';
    case 'account':
      return `Signed in as ${workspace.email}. Your data is kept on this device and syncs with SISO when online.`;
  }
}

export function WorkspacePage() {
  const workspace = useWorkspaceStore((state) => state.workspace);
  const { kind } = usePlatform();
  const appInfo = useAppInfo();
  const { supabaseUrl } = usePlatformConfig();
  const online = useOnlineStatus();

  return (
    <>
      <title>Workspace · SISO Partner Workstation</title>
      <PageHeader title="Workspace" description="The workspace open on this device and the app running it." />
      <div className="card-grid">
        <section className="card" aria-labelledby="workspace-open-heading">
          <h2 id="workspace-open-heading">Open workspace</h2>
          <p className="card__headline" data-testid="workspace-label">
            {workspaceLabel(workspace)}
          </p>
          <p className="card__text">{workspaceDescription(workspace)}</p>
        </section>

        <section className="card" aria-labelledby="workspace-app-heading">
          <h2 id="workspace-app-heading">This app</h2>
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="app-version">{appInfo.version}</dd>
            <dt>Running as</dt>
            <dd>{runtimeLabel(kind)}</dd>
            <dt>Operating system</dt>
            <dd>{operatingSystemLabel(appInfo.os)}</dd>
            <dt>Build</dt>
            <dd>{appInfo.packaged ? 'Installed release' : 'Development'}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="workspace-connection-heading">
          <h2 id="workspace-connection-heading">Connection</h2>
          <dl className="facts">
            <dt>Network</dt>
            <dd>
              <span className="status-text" data-state={online ? 'online' : 'offline'}>
                {online ? 'Online' : 'Offline'}
              </span>
            </dd>
            <dt>Server</dt>
            <dd>
              <span className="break-anywhere">{supabaseUrl}</span>
            </dd>
          </dl>
          <p className="card__text">
            {online
              ? 'This device has a network connection.'
              : 'This device is offline. Everything stored on it stays available.'}
          </p>
        </section>
      </div>
    </>
  );
}
