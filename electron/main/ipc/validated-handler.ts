/**
 * Every IPC call is untrusted input: it must come from the app's own top-level page, and its
 * payload must match the contract. Replies are checked too, so main never leaks extra fields.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { ipcContract, type IpcChannel, type IpcReply, type IpcRequest } from '../../contract/channels';
import { isAppUrl } from '../navigation-guard';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent) return false;
  return isAppUrl(frame.url, appUrl);
}

export class IpcRefusal extends Error {}

export type IpcHandler<C extends IpcChannel> = (request: IpcRequest<C>) => Promise<IpcReply<C>>;

export function validatedHandler<C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  appUrl: () => string,
): (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, payload: unknown) => Promise<IpcReply<C>> {
  const { request, reply } = ipcContract[channel];
  return async (event, payload) => {
    if (!isTrustedSender(event.senderFrame, appUrl())) {
      throw new IpcRefusal(`${channel}: refused a call from a frame that is not the workstation's own page`);
    }
    const parsed = request.safeParse(payload);
    if (!parsed.success) {
      throw new IpcRefusal(`${channel}: refused an invalid request (${parsed.error.issues.map((i) => i.message).join('; ')})`);
    }
    const result = await handler(parsed.data as IpcRequest<C>);
    return reply.parse(result) as IpcReply<C>;
  };
}

export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>): void;
}

export function registerHandler<C extends IpcChannel>(
  ipc: IpcRegistrar,
  channel: C,
  handler: IpcHandler<C>,
  appUrl: () => string,
): void {
  ipc.handle(channel, validatedHandler(channel, handler, appUrl));
}
