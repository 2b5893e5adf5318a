import { useEffect } from 'preact/hooks';
import { etatCode } from '../../data/index.ts';
import type { EtatCode, RelogementDb } from '../../data/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { useLive } from '../commun/useLive.ts';
import { differe } from '../commun/differe.tsx';
import { SaisirCode, TITRE_VERROU } from './SaisirCode.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// The lock screen (docs/chiffrement.md): at the first start the officer chooses her code; then it
// is asked at every start and after the idle time. After ten wrong codes the data is forgotten:
// she types her code if it comes back, or logs in again and chooses a new one.
// Only the code asked at every start is part of the first screen's script: the first code and the
// screen after the erase load when they are shown.

const EnChargementDuVerrou = () => <EnChargement titre={TITRE_VERROU} />;
const PremierCode = differe<{ db: RelogementDb; onOuvert: () => void }>(() => import('./PremierCode.tsx'), EnChargementDuVerrou);
const ApresEffacement = differe<{ db: RelogementDb; moteur: MoteurSync | null; etat: EtatCode; onOuvert: () => void }>(
  () => import('./ApresEffacement.tsx'),
  EnChargementDuVerrou,
);

/** The lock screen: chooses the first code, or asks for it. */
export function EcranVerrou({ db, moteur = null, onOuvert }: { db: RelogementDb; moteur?: MoteurSync | null; onOuvert: () => void }) {
  const etat = useLive(() => etatCode(db), [db]);
  useEffect(() => {
    document.title = `${TITRE_VERROU} — Relogement`;
  }, []);
  return (
    <main id="contenu" class="ecran-verrou">
      {etat === undefined ? (
        <EnChargementDuVerrou />
      ) : etat === null ? (
        <PremierCode db={db} onOuvert={onOuvert} />
      ) : etat.oublie ? (
        <ApresEffacement db={db} moteur={moteur} etat={etat} onOuvert={onOuvert} />
      ) : (
        <SaisirCode db={db} etat={etat} onOuvert={onOuvert} />
      )}
    </main>
  );
}
