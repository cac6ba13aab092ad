/** Appearance, the configured server and what this app is. */
import { useId, useState } from 'react';
import { operatingSystemLabel, runtimeLabel, useAppInfo, usePlatform, usePlatformConfig } from '../../platform';
import { themePreferences, useUiStore, type ThemePreference } from '../../ui/ui-store';
import { PageHeader } from '../../ui/PageHeader';
import { AutomationRulesSection } from '../automation';
import { ApiAccessSettingsLink } from '../api-access';
import { FormAlert } from '../../ui/FormField';
import { LeaderboardSetting } from './LeaderboardSetting';

const themeOptions: Record<ThemePreference, { label: string; hint: string }> = {
  light: { label: 'Light', hint: 'Dark text on light backgrounds.' },
  dark: { label: 'Dark', hint: 'Light text on dark backgrounds, easier in dim rooms.' },
  system: { label: 'Match system', hint: 'Follows your operating system’s setting.' },
};

const SISO_WEBSITE = 'https://siso.agency';

function ThemeSetting() {
  const theme = useUiStore((state) => state.theme);
  const setTheme = useUiStore((state) => state.setTheme);
  const name = useId();

  return (
    <fieldset className="choice-group">
      <legend>Theme</legend>
      {themePreferences.map((option) => (
        <label key={option} className="choice">
          <input
            type="radio"
            name={name}
            value={option}
            checked={theme === option}
            onChange={() => setTheme(option)}
          />
          <span className="choice__text">
            <span className="choice__label">{themeOptions[option].label}</span>
            <span className="choice__hint">{themeOptions[option].hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function SettingsPage() {
  const platform = usePlatform();
  const appInfo = useAppInfo();
  const { supabaseUrl } = usePlatformConfig();
  const [linkProblem, setLinkProblem] = useState<string | null>(null);

  async function openWebsite() {
    const result = await platform.openExternal(SISO_WEBSITE);
    setLinkProblem(result.opened ? null : result.reason);
  }

  return (
    <>
      <title>Settings · SISO Partner Workstation</title>
      <PageHeader title="Settings" description="How the app looks, which server it syncs with, and which version this is." />

      <section className="card settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">Appearance</h2>
        <ThemeSetting />
      </section>

      <LeaderboardSetting />

      <AutomationRulesSection />

      <ApiAccessSettingsLink />

      <section className="card settings-section" aria-labelledby="settings-server">
        <h2 id="settings-server">Server</h2>
        <dl className="facts">
          <dt>Supabase URL</dt>
          <dd>
            <code className="break-anywhere" data-testid="supabase-url">
              {supabaseUrl}
            </code>
          </dd>
        </dl>
        <p className="card__text">
          {platform.kind === 'electron'
            ? 'Set in the desktop app’s configuration.'
            : 'Fixed when this web build was made: VITE_SUPABASE_URL, or the local backend on this computer if unset.'}
        </p>
      </section>

      <section className="card settings-section" aria-labelledby="settings-about">
        <h2 id="settings-about">About</h2>
        <p className="card__text">
          SISO Partner Workstation is the desktop workspace for SISO’s referral partners. It keeps your work on this
          device so it is available offline.
        </p>
        <dl className="facts">
          <dt>Version</dt>
          <dd>{appInfo.version}</dd>
          <dt>Running as</dt>
          <dd>
            {runtimeLabel(platform.kind)} on {operatingSystemLabel(appInfo.os)}
          </dd>
        </dl>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void openWebsite()}>
            Visit siso.agency
            <span className="visually-hidden"> (opens in your browser)</span>
          </button>
        </div>
        <FormAlert message={linkProblem} />
      </section>
    </>
  );
}
