/** The application menu: standard edit/view/window roles plus navigation to the app's sections. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  navigate: (route: string) => void;
  openHelp: () => void;
}

export function applicationMenuTemplate(platform: string, appName: string, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] });
  template.push(
    {
      label: 'File',
      submenu: [{ label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => actions.navigate('/settings') }, { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
    },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { label: 'Workspace', accelerator: 'CmdOrCtrl+1', click: () => actions.navigate('/workspace') },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'SISO Partner Help', click: actions.openHelp }] },
  );
  return template;
}
