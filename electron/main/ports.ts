/**
 * Ports: what main-process services need from the outside world. Services
 * depend on these interfaces only, so they run under plain Node in tests and
 * in the web host; adapters/ implements them with Electron, axios and fs.
 */

export interface HttpResponse {
  status: number;
  /** Parsed JSON when the body was JSON, otherwise the raw text (or null when empty). */
  body: unknown;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

/** Every status comes back as a response; only transport failures (refused, reset, timeout) throw. */
export interface HttpPort {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** A tiny persistent key-value store for preferences (never for votes). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Where the signed-in session's tokens live: only ever in main. Electron
 * encrypts them with safeStorage; the web host keeps a 0600 file.
 */
export interface TokenVault<T> {
  read(): Promise<T | null>;
  write(value: T): Promise<void>;
  clear(): Promise<void>;
}

/** Opens an https link outside the app after the user confirmed it. */
export interface ExternalLinkOpener {
  confirmAndOpen(url: string): Promise<boolean>;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
