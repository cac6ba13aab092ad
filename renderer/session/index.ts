export { useOpenWorkspace, useIsAdminSession, type OpenWorkspaceContextValue } from './open-workspace-context';
export { SessionPortProvider, useSessionPort, type AccountSession, type SessionPort, type SignInInput } from './session-port';
