/** The community feature's public surface: the pages the route table loads. */
export { CommunityPage } from './CommunityPage';
export { ThreadPage } from './ThreadPage';
