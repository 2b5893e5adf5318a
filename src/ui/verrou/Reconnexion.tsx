import type { GenreCode } from '../../domain/index.ts';
import { enregistrerSession, repartirDUnNouveauCode } from '../../data/index.ts';
import type { RelogementDb, Session } from '../../data/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { Identifiants } from '../commun/Identifiants.tsx';
import { useConnexion } from '../commun/useConnexion.ts';

/** The server password proves who she is; the sync client loads only for it, never with the first screen. */
export default function Reconnexion({ db, onConnectee }: { db: RelogementDb; onConnectee: (s: Session) => void }) {
  const { champs, envoi, valider } = useConnexion(async (email, motDePasse) => {
    const { apiDeLAppareil } = await import('../../sync-client/index.ts');
    onConnectee(await apiDeLAppareil(db).connexion(email, motDePasse));
  });

  return (
    <form class="panneau verrou" aria-labelledby="titre-reconnexion" onSubmit={(e) => void valider(e)} noValidate>
      <h2 id="titre-reconnexion">Vous ne retrouvez pas votre code ?</h2>
      <p class="aide">
        Connectez-vous avec votre compte, puis choisissez un nouveau code : les données des ménages reviendront du serveur. Les
        modifications non envoyées restent chiffrées par l’ancien code : vous pourrez les retrouver plus tard en le saisissant dans
        Paramètres ; sans lui, elles ne peuvent pas être lues.
      </p>
      <Identifiants id="reconnexion" {...champs} />
      <button type="submit" class="bouton" disabled={envoi}>
        Se connecter et choisir un nouveau code
      </button>
    </form>
  );
}

/** Once logged in without the old code: its changes set aside, a new code, and the session that brings the households back. */
export async function repartirAvecSession(
  db: RelogementDb,
  moteur: MoteurSync | null,
  session: Session,
  code: string,
  genre: GenreCode,
): Promise<void> {
  await repartirDUnNouveauCode(db, code, genre);
  await enregistrerSession(db, session);
  // The sync that the unlock started found no session yet: the households come back with this one.
  void moteur?.synchroniser();
}
