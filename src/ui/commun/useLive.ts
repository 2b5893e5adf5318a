import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from '../../data/index.ts';

/** A value read through repositories, re-read whenever the data it touched changes. */
export function useLive<T>(lire: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [valeur, setValeur] = useState<T | undefined>(undefined);
  useEffect(() => {
    const abonnement = liveQuery(lire).subscribe({ next: setValeur, error: (e: unknown) => console.error(e) });
    return () => abonnement.unsubscribe();
  }, deps);
  return valeur;
}
