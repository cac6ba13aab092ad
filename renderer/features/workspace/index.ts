/** What routes import from the workspace overview. */
export { WorkspacePage } from './WorkspacePage';
