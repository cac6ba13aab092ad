/** What routes import from the Live sessions feature. */
export { LiveSessionsPage } from './LiveSessionsPage';
