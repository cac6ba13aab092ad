/**
 * Renderer entry: pick the platform, load what every screen needs from it (app info, config),
 * apply the stored theme before the first paint, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorFallback } from './app/ErrorFallback';
import { buildErrorReport } from './app/error-report';
import { createPlatform } from './platform';
import { applyInitialTheme } from './ui/theme';
import './ui/theme.css';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page is missing its #root element.');
  const root = createRoot(container);
  applyInitialTheme();

  try {
    const platform = createPlatform();
    const [appInfo, config] = await Promise.all([platform.appInfo(), platform.config()]);
    root.render(
      <StrictMode>
        <App platform={{ platform, appInfo, config }} />
      </StrictMode>,
    );
  } catch (error) {
    const report = buildErrorReport(error);
    root.render(
      <main className="standalone-page">
        <ErrorFallback report={{ ...report, headline: 'The app could not start.' }} />
      </main>,
    );
  }
}

void start();
