export { WorkspaceGate, useOpenWorkspace, type OpenWorkspaceContextValue } from './WorkspaceGate';
export { AccountMenu } from './AccountMenu';
export { SessionPortProvider, useSessionPort, type AccountSession, type SessionPort, type SignInInput } from './session-port';
