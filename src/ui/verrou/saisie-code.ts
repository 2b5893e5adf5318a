import { useEffect, useRef } from 'preact/hooks';
import type { GenreCode } from '../../domain/index.ts';

// What every field of a code shares, the lock screen's and the new code's.

export const attributsSaisie = (genre: GenreCode) => ({
  inputMode: genre === 'chiffres' ? ('numeric' as const) : ('text' as const),
  autoComplete: 'off',
});

/** The field that has the focus when its form shows. */
export function useFocusInitial() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
