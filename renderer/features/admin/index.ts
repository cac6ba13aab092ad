/** What routes import from the admin area. */
export { AdminPage } from './AdminPage';
