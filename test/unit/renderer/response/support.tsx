import { act, render, waitFor, type RenderResult } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRoot, type Root } from 'react-dom/client';
import type { ReactElement } from 'react';
import { setRendererApi } from '../../../../renderer/src/bridge';
import { vi } from 'vitest';
import { createFakeRendererApi } from '../../../support/fakeRendererApi';

/** Helpers for the response-rendering specs. */

export function readFixture(name: string): string {
  // Vitest runs from the repository root (import.meta.url is not a file URL under jsdom).
  return readFileSync(resolve(process.cwd(), 'test/fixtures', name), 'utf8');
}

/** Installs a fake bridge whose shell.openExternal records every call. */
export function fakeShell() {
  const fake = createFakeRendererApi({ 'shell.openExternal': () => ({ opened: true }) });
  setRendererApi(fake.api);
  return {
    openedUrls: () => fake.calls.filter((entry) => entry.channel === 'shell.openExternal').map((entry) => entry.args),
    callCount: () => fake.calls.length,
  };
}

/** Resolves once no response in `root` is still rendering progressively. */
export async function settled(root: ParentNode, timeout = 60_000): Promise<void> {
  await waitFor(
    () => {
      if (!root.querySelector('.response')) throw new Error('no response rendered yet');
      // A response, and any big table in it, say aria-busy while they are still filling in.
      if (root.querySelector('[aria-busy="true"]')) throw new Error('still rendering');
    },
    { timeout, interval: 20 },
  );
}

/** Renders and waits for progressive rendering to finish. */
export async function renderSettled(ui: ReactElement): Promise<RenderResult> {
  const result = render(ui);
  await settled(result.container);
  return result;
}

/**
 * Renders outside Testing Library's per-test cleanup, for suites that share
 * one expensive render (the hostile fixture) across many assertions. Fake
 * timers drive the idle-time scheduler step by step, so the suite does not
 * wait on real timers between chunks.
 */
export function mountShared(ui: ReactElement): { container: HTMLElement; unmount: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  vi.useFakeTimers();
  try {
    act(() => root.render(ui));
    for (let step = 0; step < 10_000 && container.querySelector('[aria-busy="true"]'); step += 1) {
      act(() => {
        vi.advanceTimersByTime(20);
      });
    }
  } finally {
    vi.useRealTimers();
  }
  if (container.querySelector('[aria-busy="true"]')) throw new Error('rendering did not finish');
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export const allElements = (root: ParentNode): Element[] => Array.from(root.querySelectorAll('*'));

/** Depth of the deepest `selector` nested inside another, counted from `root`. */
export function maxNesting(root: ParentNode, selector: string): number {
  let deepest = 0;
  for (const element of root.querySelectorAll(selector)) {
    let depth = 0;
    for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
      if (node.matches(selector)) depth += 1;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
