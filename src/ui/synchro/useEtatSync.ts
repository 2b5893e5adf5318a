import { useEffect, useState } from 'preact/hooks';
import type { EtatSync } from '../../sync-client/index.ts';
import { useMoteur } from '../commun/contexte.ts';

/** The engine's state; null while the engine loads. */
export function useEtatSync(): EtatSync | null {
  const moteur = useMoteur();
  const [etat, setEtat] = useState<EtatSync | null>(null);
  useEffect(() => moteur?.suivre(setEtat), [moteur]);
  return etat;
}
