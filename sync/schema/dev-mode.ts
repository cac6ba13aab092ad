/**
 * Development-only RxDB checks, loaded with a dynamic import so production bundles never carry
 * dev-mode or ajv. Note: in a browser renderer dev-mode also injects a hidden rxdb.info iframe,
 * which the app's CSP is expected to block.
 */
import { addRxPlugin, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

export function enableDevModeChecks<Internals, InstanceCreationOptions>(
  storage: RxStorage<Internals, InstanceCreationOptions>,
): RxStorage<Internals, InstanceCreationOptions> {
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage });
}
