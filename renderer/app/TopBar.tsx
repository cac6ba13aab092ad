import { SyncStatusSlot } from './SyncStatusSlot';
import { useUiStore } from '../ui/ui-store';
import { useWorkspaceStore, workspaceLabel } from '../session/workspace-store';
import { Icon } from '../ui/Icon';
import { AccountMenu } from './workspace/AccountMenu';
import { RemindersEntry } from '../features/reminders';
import { NotificationsEntry } from '../features/notifications';

export function TopBar() {
  const workspace = useWorkspaceStore((state) => state.workspace);
  const collapsed = useUiStore((state) => state.sidebarCollapsed);
  const toggleSidebar = useUiStore((state) => state.toggleSidebar);

  return (
    <header className="topbar">
      <button
        type="button"
        className="icon-button"
        onClick={toggleSidebar}
        aria-controls="sidebar"
        aria-expanded={!collapsed}
        title={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
      >
        <Icon name="sidebar" />
        <span className="visually-hidden">{collapsed ? 'Expand sidebar' : 'Collapse sidebar'}</span>
      </button>
      <div className="topbar__workspace">
        <span className="topbar__eyebrow">Workspace</span>
        <span className="topbar__workspace-name" data-testid="workspace-name">
          {workspaceLabel(workspace)}
        </span>
      </div>
      <div className="topbar__end">
        <RemindersEntry />
        <NotificationsEntry />
        <SyncStatusSlot />
        <AccountMenu />
      </div>
    </header>
  );
}
