import { useMemo, useRef, useState } from 'preact/hooks';
import { effacerBrouillon, enregistrerBrouillon, lireBrouillon, StockagePleinError } from '../../data/index.ts';
import { useAutosave } from './autosave.ts';
import { useBase } from './contexte.ts';
import { useLive } from './useLive.ts';

type Valeurs = Record<string, string>;

/**
 * The fields of a form recorded on submit, autosaved as a draft on the device like every other
 * field (`useAutosave`): a reload brings back what was half typed, a refused submit keeps it.
 * `effacer` drops the draft once the form is recorded; the form then shows `suite` (by default its
 * initial values). `menage` names the household the draft is about (forgetting it forgets the draft).
 */
export function useBrouillon<T extends Valeurs>(cle: string, initiales: T, menage: (v: T) => string | null) {
  const db = useBase();
  const stocke = useLive(() => lireBrouillon(db, cle), [db, cle]);
  // The initial values are those of the first render (a new object at each render is no change),
  // until a recorded form says what it shows next.
  const initialesDeLaCle = useMemo(() => initiales, [cle]);
  const [suite, setSuite] = useState<{ cle: string; valeurs: T } | null>(null);
  const depart = suite?.cle === cle ? suite.valeurs : initialesDeLaCle;
  const valeurStockee = useMemo(() => (stocke ? ({ ...depart, ...stocke.valeurs } as T) : depart), [stocke, depart]);
  const menageRef = useRef(menage);
  menageRef.current = menage;
  const { valeur, changer, relacher, etat, erreur } = useAutosave<T>(valeurStockee, (v) =>
    enregistrerBrouillon(db, { cle, menageId: menageRef.current(v), valeurs: v }),
  );
  // Two fields changed before the next render both count.
  const courant = useRef(valeur);
  courant.current = valeur;
  const changerChamp = <K extends keyof T>(champ: K, v: T[K]) => {
    courant.current = { ...courant.current, [champ]: v };
    changer(courant.current);
  };
  const effacer = async (apres: T = initialesDeLaCle) => {
    setSuite({ cle, valeurs: apres });
    await relacher();
    await effacerBrouillon(db, cle);
  };
  return { valeurs: valeur, changer: changerChamp, effacer, etat, erreur };
}

type Resultat = { ok: true } | { ok: false; message: string };

/**
 * A form recorded on submit, with its draft (`useBrouillon`): a French message when `verifier`
 * finds something missing or the repository refuses, the draft kept then; once recorded, the draft
 * is dropped and the form shows `apres` of what was sent.
 */
export function useFormulaireBrouillon<T extends Valeurs>(
  cle: string,
  initiales: T,
  menage: (v: T) => string | null,
  envoi: { verifier?: (v: T) => string | null; enregistrer: (v: T) => Promise<Resultat>; apres: (v: T) => T; echec: string },
) {
  const brouillon = useBrouillon(cle, initiales, menage);
  const [message, setMessage] = useState<string | null>(null);
  const [enCours, setEnCours] = useState(false);
  const envoyer = async (e: Event) => {
    e.preventDefault();
    const v = brouillon.valeurs;
    const manque = envoi.verifier?.(v) ?? null;
    if (manque) return setMessage(manque);
    setEnCours(true);
    try {
      const r = await envoi.enregistrer(v);
      setMessage(r.ok ? null : r.message);
      if (r.ok) await brouillon.effacer(envoi.apres(v));
    } catch (err) {
      setMessage(err instanceof StockagePleinError ? err.message : envoi.echec);
    } finally {
      setEnCours(false);
    }
  };
  return { ...brouillon, message, enCours, envoyer };
}
