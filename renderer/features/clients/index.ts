/** The clients feature's public surface: the screens routes mount. */
export { ClientsPage } from './ClientsPage';
export { ClientDetailPage } from './ClientDetailPage';
