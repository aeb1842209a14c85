/**
 * Runs `task` when the browser is idle, and returns a cancel function.
 * requestIdleCallback lets input and painting go first; the timeout keeps
 * rendering moving on a busy page. Where it is missing (jsdom, older
 * engines) a short timer stands in.
 */
const IDLE_TIMEOUT_MS = 100;
const FALLBACK_DELAY_MS = 16;

export function scheduleIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, FALLBACK_DELAY_MS);
  return () => window.clearTimeout(handle);
}
