import { useState } from 'preact/hooks';
import type { EtatCode, RelogementDb, Session } from '../../data/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { differe } from '../commun/differe.tsx';
import { ChoisirCode } from './ChoisirCode.tsx';
import { SaisirCode } from './SaisirCode.tsx';

/** Shown only after the ten-code erase, with what setting the old changes aside needs: not part of the first screen. */
const chargerReconnexion = () => import('./Reconnexion.tsx');
const Reconnexion = differe(chargerReconnexion);

/** After the ten-code erase: the old code, or a new login then a new code; never a dead end. */
export default function ApresEffacement({
  db,
  moteur,
  etat,
  onOuvert,
}: {
  db: RelogementDb;
  moteur: MoteurSync | null;
  etat: EtatCode;
  onOuvert: () => void;
}) {
  const [session, setSession] = useState<Session | null>(null);
  if (!session)
    return (
      <>
        <SaisirCode db={db} etat={etat} onOuvert={onOuvert} />
        <Reconnexion db={db} onConnectee={setSession} />
      </>
    );
  return (
    <ChoisirCode
      titre="Choisissez un nouveau code"
      onOuvert={onOuvert}
      enregistrer={async (code, genre) => (await chargerReconnexion()).repartirAvecSession(db, moteur, session, code, genre)}
    >
      <p class="aide">
        Connexion réussie. Ce nouveau code chiffrera les données de cette tablette. Les modifications non envoyées restent gardées à part,
        chiffrées par l’ancien code : Paramètres › Verrouillage de la tablette propose de les retrouver en le saisissant.
      </p>
    </ChoisirCode>
  );
}
