/** The API access screen and its Settings entry, as the routes and Settings import them. */
export { ApiAccessPage } from './ApiAccessPage';
export { ApiAccessSettingsLink } from './ApiAccessSettingsLink';
