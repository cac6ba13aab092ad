/**
 * e2e-only entry for tests/e2e/tiers-dashboard.test.ts: the dashboard and tier pages on the demo
 * workspace in an in-memory store, under hash routing, with the same providers the app uses
 * (DatabaseProvider + react-router), without RxDB dev-mode (its ajv compiler needs eval, which the CSP forbids). Exposes the database as window.__sisoTestDb so the test can
 * play an admin whose changes arrive through sync.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Link, Outlet, RouterProvider, useLocation } from 'react-router-dom';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import demoData from '../../../resources/demo/workspace.json';
import { DatabaseProvider } from '../../../renderer/data/DatabaseProvider';
import { DashboardPage } from '../../../renderer/features/dashboard/DashboardPage';
import { TierProgressPage } from '../../../renderer/features/tiers/TierProgressPage';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../../sync/schema/database';
import { loadDemoWorkspace } from '../../../sync/schema/demo-workspace';
import '../../../renderer/ui/theme.css';

declare global {
  interface Window {
    __sisoTestDb?: WorkstationDatabase;
  }
}

function Frame() {
  return (
    <div className="harness">
      <header className="harness__bar">
        <nav aria-label="Main" className="harness__nav">
          <Link to="/dashboard">Dashboard</Link>
          <Link to="/tiers">Tier progress</Link>
        </nav>
      </header>
      <main className="app-shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function OutsideThisBuild() {
  const { pathname } = useLocation();
  return (
    <>
      <title>Outside this test build</title>
      <h1>Outside this test build</h1>
      <p data-testid="outside-path">{pathname}</p>
    </>
  );
}

async function start() {
  const db = await openWorkstationDatabase({ name: `tiers-e2e-${Date.now()}`, storage: getRxStorageMemory() });
  await loadDemoWorkspace(db, demoData);
  window.__sisoTestDb = db;
  const router = createHashRouter([
    {
      element: <Frame />,
      children: [
        { path: 'dashboard', element: <DashboardPage /> },
        { path: 'tiers', element: <TierProgressPage /> },
        { path: '*', element: <OutsideThisBuild /> },
      ],
    },
  ]);
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root');
  createRoot(container).render(
    <StrictMode>
      <DatabaseProvider database={db}>
        <RouterProvider router={router} />
      </DatabaseProvider>
    </StrictMode>,
  );
}

void start();
