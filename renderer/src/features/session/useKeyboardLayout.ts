import { useEffect, useState } from 'react';

interface KeyboardWithLayout {
  getLayoutMap(): Promise<ReadonlyMap<string, string>>;
}

/** The character each physical key produces on the rater's layout (Chromium's Keyboard API), when available. */
export function useKeyboardLayout(): ReadonlyMap<string, string> | null {
  const [layout, setLayout] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    const keyboard = (navigator as Navigator & { keyboard?: KeyboardWithLayout }).keyboard;
    let live = true;
    keyboard
      ?.getLayoutMap()
      .then((map) => live && setLayout(map))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return layout;
}
