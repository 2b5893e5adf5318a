import { useEffect, useRef, useState } from 'preact/hooks';
import { StockagePleinError } from '../../data/index.ts';

// Every keystroke reaches IndexedDB within DELAI_MS; pending saves are flushed when the page is
// hidden or closed, and before an update is applied.
const DELAI_MS = 250;

const enAttente = new Set<() => Promise<void>>();
// Saves already started: locking waits for them too, since the key they need is dropped after.
const enCours = new Set<Promise<void>>();

export async function toutEnregistrer(): Promise<void> {
  await Promise.all([...[...enAttente].map((flush) => flush()), ...enCours]);
}

/** Whether some typed value is still not saved (its save failed): locking now would lose it. */
export const saisiesNonEnregistrees = (): boolean => enAttente.size > 0;

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void toutEnregistrer());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void toutEnregistrer();
  });
}

export type EtatSauvegarde = 'enregistre' | 'en_cours' | 'erreur';

/**
 * Local state for one field, saved after a short pause. The typed value stays on screen whatever
 * happens to the save, so a full disk or an invalid value never loses a word.
 */
export function useAutosave<T>(valeurStockee: T, enregistrer: (v: T) => Promise<unknown>) {
  const [valeur, setValeur] = useState<T>(valeurStockee);
  const [etat, setEtat] = useState<EtatSauvegarde>('enregistre');
  const [erreur, setErreur] = useState<string | null>(null);
  const aEnregistrer = useRef<{ v: T } | null>(null);
  // While the officer edits a field, values read back from storage (our own earlier saves, or a
  // sync) must not overwrite what she is typing.
  const enSaisie = useRef(false);
  const minuteur = useRef<ReturnType<typeof setTimeout> | null>(null);
  const enregistrerRef = useRef(enregistrer);
  enregistrerRef.current = enregistrer;

  const flush = useRef(async () => {
    if (minuteur.current) clearTimeout(minuteur.current);
    minuteur.current = null;
    const aFaire = aEnregistrer.current;
    if (!aFaire) return;
    aEnregistrer.current = null;
    enAttente.delete(flush.current);
    const sauvegarde = Promise.resolve().then(() => enregistrerRef.current(aFaire.v));
    const fin = sauvegarde.then(
      () => undefined,
      () => undefined,
    );
    enCours.add(fin);
    try {
      await sauvegarde;
      setEtat('enregistre');
      setErreur(null);
    } catch (e) {
      setEtat('erreur');
      setErreur(e instanceof StockagePleinError ? e.message : 'La saisie n’a pas pu être enregistrée ; elle reste affichée. Réessayez.');
      if (!aEnregistrer.current) aEnregistrer.current = aFaire;
      enAttente.add(flush.current);
    } finally {
      enCours.delete(fin);
    }
  });

  useEffect(() => {
    if (!enSaisie.current) setValeur(valeurStockee);
  }, [valeurStockee]);

  // A field that leaves the screen makes a last try; what still fails then is no longer waited for.
  useEffect(() => () => void flush.current().finally(() => enAttente.delete(flush.current)), []);

  const changer = (v: T) => {
    enSaisie.current = true;
    setValeur(v);
    setEtat('en_cours');
    aEnregistrer.current = { v };
    enAttente.add(flush.current);
    if (minuteur.current) clearTimeout(minuteur.current);
    minuteur.current = setTimeout(() => void flush.current(), DELAI_MS);
  };

  const relacher = async () => {
    await flush.current();
    if (!aEnregistrer.current) enSaisie.current = false;
  };

  return { valeur, changer, relacher, etat, erreur };
}
