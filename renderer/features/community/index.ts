/** The community feature's public surface: the pages the route table loads and the shell's report sender. */
export { CommunityPage } from './CommunityPage';
export { ThreadPage } from './ThreadPage';
export { QueuedCommunityReports } from './use-queued-reports';
