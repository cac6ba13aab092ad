/** The Training feature's public surface: the pages the route table loads. */
export { TrainingHubPage } from './TrainingHubPage';
export { CoursePage } from './CoursePage';
