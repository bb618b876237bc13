// Moves keyboard focus to a screen's heading when the screen opens, so keyboard and screen-reader
// users land at the top of the new content instead of on a button that no longer exists.

import { useEffect, useRef } from 'react';

export function useFocusHeading<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
