/**
 * Shows the Welcome screen until a workspace is open, then the app inside <DatabaseProvider> for
 * that workspace's store. Reopens the last workspace on start.
 */
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { DatabaseProvider } from '../../data/DatabaseProvider';
import { WelcomePage } from '../../features/welcome/WelcomePage';
import { usePlatformConfig } from '../../platform';
import { useAccountSync } from '../../session/sync/account-sync-context';
import { browserWorkspaceMemory } from '../../session/last-workspace';
import { openWorkspaceDatabase, type OpenedDatabase, type WorkspaceTarget } from '../../session/open-workspace-database';
import { useSessionPort } from '../../session/session-port';
import { OpenWorkspaceContext, type OpenWorkspaceContextValue } from '../../session/open-workspace-context';
import '../../ui/forms.css';
import './workspace.css';
import { createWorkspaceController, setShellIdentity, type WorkspaceController } from '../../session/workspace-controller';

function targetLabel(target: WorkspaceTarget): string {
  return target.kind === 'demo' ? 'the demo workspace' : `the workspace of ${target.session.email}`;
}

function GateStatusPage({ children }: { children: ReactNode }) {
  return <main className="standalone-page gate-page">{children}</main>;
}

export function WorkspaceGate({ children }: { children: ReactNode }) {
  const port = useSessionPort();
  const prepareSync = useAccountSync();
  const { supabaseUrl } = usePlatformConfig();
  const [controller] = useState<WorkspaceController>(() =>
    createWorkspaceController({
      port,
      memory: browserWorkspaceMemory(),
      openDatabase: async (target): Promise<OpenedDatabase> => {
        // Only account workspaces sync; the demo stays on this device.
        if (target.kind !== 'account' || !prepareSync) return openWorkspaceDatabase(target);
        const prepared = prepareSync(target.session);
        const opened = await openWorkspaceDatabase(target, { conflictHandlers: prepared.conflictHandlers });
        try {
          return { ...opened, sync: await prepared.start(opened.db) };
        } catch (error) {
          await opened.db.close();
          throw error;
        }
      },
      setIdentity: setShellIdentity,
    }),
  );
  const state = useSyncExternalStore(controller.store.subscribe, controller.store.getState);

  useEffect(() => {
    void controller.start();
  }, [controller]);

  const openWorkspace = state.status === 'open' ? state.workspace : null;
  const contextValue = useMemo<OpenWorkspaceContextValue | null>(
    () =>
      openWorkspace
        ? { ...openWorkspace, close: () => controller.close({ signOut: openWorkspace.target.kind === 'account' }) }
        : null,
    [openWorkspace, controller],
  );

  switch (state.status) {
    case 'open':
      return (
        <OpenWorkspaceContext value={contextValue}>
          <DatabaseProvider database={state.workspace.db}>{children}</DatabaseProvider>
        </OpenWorkspaceContext>
      );
    case 'welcome':
      return (
        <WelcomePage
          signIn={port ? controller.signIn : null}
          onOpenDemo={() => void controller.openDemo()}
          defaultServerUrl={supabaseUrl}
          defaultEmail={state.lastEmail}
          notice={state.notice}
        />
      );
    case 'failed':
      return (
        <GateStatusPage>
          <title>Could not open the workspace · SISO Partner Workstation</title>
          <section className="gate-card" aria-labelledby="gate-failed-heading">
            <h1 id="gate-failed-heading">Could not open {targetLabel(state.target)}</h1>
            <p role="alert" className="inline-message">
              {state.message}
            </p>
            <p className="card__text">
              Nothing stored on this device was changed. Try again, or go back and choose another workspace.
            </p>
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => void controller.retry()}>
                Try again
              </button>
              <button type="button" className="button" onClick={controller.backToWelcome}>
                Back to Welcome
              </button>
            </div>
          </section>
        </GateStatusPage>
      );
    case 'starting':
    case 'opening':
    case 'closing':
      return (
        <GateStatusPage>
          <title>SISO Partner Workstation</title>
          <p className="gate-progress" role="status">
            {state.status === 'closing'
              ? 'Closing the workspace…'
              : state.status === 'opening'
                ? `Opening ${targetLabel(state.target)}…`
                : 'Starting…'}
          </p>
        </GateStatusPage>
      );
  }
}
