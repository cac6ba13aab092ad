/** Wires the main process together; each concern lives in its own module. */
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { readAppConfig } from './app-config';
import { APP_HOST, APP_SCHEME, APP_URL, isAppDocumentRequest, serveAppFile } from './app-protocol';
import { buildCsp } from './csp';
import { DEEP_LINK_PROTOCOL, findDeepLinkArgument, parseDeepLink } from './deep-links';
import { createAssetCache } from './asset-cache';
import { registerAppIpc } from './ipc/app-ipc';
import { registerAssetsIpc } from './ipc/assets-ipc';
import { registerFilesIpc } from './ipc/files-ipc';
import { registerNotifyIpc } from './ipc/notify-ipc';
import { registerSecretsIpc } from './ipc/secrets-ipc';
import { registerServersIpc } from './ipc/servers-ipc';
import { registerShellIpc } from './ipc/shell-ipc';
import { applicationMenuTemplate } from './menu';
import { installNavigationGuard } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { createSecretStore } from './secret-store';
import { createServerOriginAccess } from './server-origins';
import { checkExternalUrl } from '../../sync/domain/url-policy';
import { mainWindowOptions } from './window-options';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appUrl = devServerUrl ?? APP_URL;
const config = readAppConfig(process.env);
const serverOrigins = createServerOriginAccess({
  file: join(app.getPath('userData'), 'allowed-servers.json'),
  configuredOrigin: new URL(config.supabaseUrl).origin,
});
/** Per response, so a server confirmed on Welcome reaches the page's next load. */
const currentCsp = () =>
  buildCsp({ supabaseUrl: config.supabaseUrl, serverOrigins: serverOrigins.origins(), development: Boolean(devServerUrl), devServerUrl });

let mainWindow: BrowserWindow | null = null;
let pendingDeepLink: string | undefined = findDeepLinkArgument(process.argv);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkArgument(argv);
    if (link) routeDeepLink(link);
    focusMainWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    routeDeepLink(url);
  });
  app.setAsDefaultProtocolClient(DEEP_LINK_PROTOCOL);
  app
    .whenReady()
    .then(() => serverOrigins.load())
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('SISO Partner Workstation could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function routeDeepLink(raw: string): void {
  const result = parseDeepLink(raw);
  if (!result.ok) {
    dialog.showMessageBox({ type: 'warning', message: 'This link cannot be opened', detail: result.reason }).catch(() => undefined);
    return;
  }
  if (!mainWindow) {
    pendingDeepLink = raw;
    return;
  }
  mainWindow.webContents.send('deeplink:open', { route: result.route });
}

async function openExternal(url: string): Promise<void> {
  const decision = checkExternalUrl(url);
  if (decision.allowed) await shell.openExternal(decision.url);
}

function start(): void {
  const rendererRoot = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, (request) => {
    if (isAppDocumentRequest(request.url)) serverOrigins.noteDocumentServed();
    return serveAppFile(rendererRoot, request.url, currentCsp());
  });
  denyAllPermissions(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // The dev server's responses get the CSP here; app:// responses carry it already.
    if (details.url.startsWith(`${APP_SCHEME}://${APP_HOST}`)) return callback({});
    if (details.resourceType === 'mainFrame') serverOrigins.noteDocumentServed();
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [currentCsp()] } });
  });

  const deps = { ipc: ipcMain, appUrl: () => appUrl };
  registerAppIpc({ ...deps, version: app.getVersion(), platform: process.platform, packaged: app.isPackaged, config });
  registerSecretsIpc({ ...deps, store: createSecretStore(join(app.getPath('userData'), 'secrets.json'), safeStorage) });
  registerShellIpc({ ...deps, openExternal });
  registerServersIpc({ ...deps, access: serverOrigins });
  registerFilesIpc({
    ...deps,
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('downloads'), suggestedName) };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  });
  registerAssetsIpc({ ...deps, cache: createAssetCache({ root: join(app.getPath('userData'), 'asset-cache') }) });
  registerNotifyIpc({
    ...deps,
    showNotification: (title, body, route) => {
      if (!Notification.isSupported()) return false;
      const notification = new Notification({ title, body });
      notification.on('click', () => {
        focusMainWindow();
        if (route) mainWindow?.webContents.send('deeplink:open', { route });
      });
      notification.show();
      return true;
    },
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate(process.platform, app.getName(), {
        navigate: (route) => mainWindow?.webContents.send('deeplink:open', { route }),
        openHelp: () => void openExternal('https://partners.siso.agency/help'),
      }),
    ),
  );

  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
  installNavigationGuard(mainWindow.webContents, { appUrl: () => appUrl, openExternal });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.once('did-finish-load', () => {
    if (pendingDeepLink) routeDeepLink(pendingDeepLink);
    pendingDeepLink = undefined;
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(appUrl);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
