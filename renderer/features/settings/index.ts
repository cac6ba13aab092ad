/** What routes import from settings. */
export { SettingsPage } from './SettingsPage';
