/**
 * Every call across the process boundary answers with an envelope instead of
 * throwing: Electron flattens thrown errors into strings, and the web host
 * cannot throw across a socket at all. Callers unwrap on their side.
 */
export type IpcErrorCode =
  | 'unknown_channel'
  | 'invalid_arguments'
  | 'forbidden_sender'
  | 'disconnected'
  /** The request was understood but refused by the rules (e.g. undoing a vote already sent). */
  | 'refused'
  | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function ipcFail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

export class IpcCallError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new IpcCallError(result.error.code, result.error.message);
}
