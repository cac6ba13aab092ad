/** What routes import from the dashboard. */
export { DashboardPage } from './DashboardPage';
