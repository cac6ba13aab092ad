/** The notification center: the top-bar bell, the /notifications page and the dashboard's card. */
export { NotificationsEntry } from './NotificationsEntry';
export { NotificationsPage } from './NotificationsPage';
export { NotificationsCard } from './NotificationsCard';
