import { useEffect } from 'preact/hooks';
import { DELAI_VERROU_DEFAUT_MINUTES, delaiVerrou, verrouiller } from '../../data/index.ts';
import type { RelogementDb } from '../../data/index.ts';
import { saisiesNonEnregistrees, toutEnregistrer } from '../commun/autosave.ts';
import { useLive } from '../commun/useLive.ts';

/**
 * Locks the app: every pending draft is saved first, then the key is dropped. A save that fails
 * (full storage) keeps the app open, with the field's message shown: locking would lose what it holds.
 */
export async function verrouillerApresEnregistrement(db: RelogementDb): Promise<boolean> {
  await toutEnregistrer();
  if (saisiesNonEnregistrees()) return false;
  verrouiller(db);
  return true;
}

const ACTIVITE = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** While mounted (`db` unlocked): locks it after the idle time set on this device (Paramètres). */
export function VerrouillageInactif({ db }: { db: RelogementDb }): null {
  const minutes = useLive(() => delaiVerrou(db), [db]) ?? DELAI_VERROU_DEFAUT_MINUTES;
  useEffect(() => {
    let minuteur: ReturnType<typeof setTimeout> | undefined;
    const relancer = () => {
      clearTimeout(minuteur);
      minuteur = setTimeout(() => void verrouillerApresEnregistrement(db).then((fait) => fait || relancer()), minutes * 60_000);
    };
    ACTIVITE.forEach((e) => document.addEventListener(e, relancer, { capture: true, passive: true }));
    relancer();
    return () => {
      clearTimeout(minuteur);
      ACTIVITE.forEach((e) => document.removeEventListener(e, relancer, { capture: true }));
    };
  }, [db, minutes]);
  return null;
}
