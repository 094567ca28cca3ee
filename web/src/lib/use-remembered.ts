// A small UI preference remembered on this browser (the findings panel folded away, say). Private browsing
// or a full store simply forgets it.
import { useCallback, useState } from 'react';

function store(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function useRemembered(key: string, initial: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState<boolean>(() => {
    const saved = store()?.getItem(key);
    return saved === '1' ? true : saved === '0' ? false : initial;
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        store()?.setItem(key, next ? '1' : '0');
      } catch {
        // not remembered: the choice still holds for this page
      }
    },
    [key],
  );
  return [value, set];
}
