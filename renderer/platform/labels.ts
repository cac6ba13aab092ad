/** Words for platform facts as people read them on screen. */
import type { OperatingSystem, Platform } from './platform';

export function runtimeLabel(kind: Platform['kind']): string {
  return kind === 'electron' ? 'Desktop app' : 'Web browser';
}

export function operatingSystemLabel(os: OperatingSystem): string {
  switch (os) {
    case 'darwin':
      return 'macOS';
    case 'win32':
      return 'Windows';
    case 'linux':
      return 'Linux';
    case 'other':
      return 'Other';
  }
}
