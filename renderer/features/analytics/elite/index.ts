/** The Elite dashboard's public surface: the section the analytics page renders. */
export { EliteDashboard } from './EliteDashboard';
