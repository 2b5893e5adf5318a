import { useState } from 'preact/hooks';
import type { GenreCode } from '../../domain/index.ts';
import { enregistrerSession, repartirDUnNouveauCode } from '../../data/index.ts';
import type { RelogementDb, Session } from '../../data/index.ts';
import type { MoteurSync } from '../../sync-client/index.ts';
import { Identifiants } from '../commun/Identifiants.tsx';

/** The server password proves who she is; the sync client loads only for it, never with the first screen. */
export default function Reconnexion({ db, onConnectee }: { db: RelogementDb; onConnectee: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !motDePasse) return setErreur('Saisissez votre adresse électronique et votre mot de passe.');
    setEnvoi(true);
    try {
      const { apiDeConnexion, ErreurSync } = await import('../../sync-client/index.ts');
      const api = apiDeConnexion(db);
      try {
        onConnectee(await api.connexion(email.trim(), motDePasse));
      } catch (err) {
        setErreur(
          err instanceof ErreurSync && err.genre === 'connexion' ? 'Adresse ou mot de passe incorrect.' : String((err as Error).message),
        );
        setEnvoi(false);
      }
    } catch {
      setErreur('Connexion impossible : vérifiez le réseau.');
      setEnvoi(false);
    }
  };

  return (
    <form class="panneau verrou" aria-labelledby="titre-reconnexion" onSubmit={(e) => void valider(e)} noValidate>
      <h2 id="titre-reconnexion">Vous ne retrouvez pas votre code ?</h2>
      <p class="aide">
        Connectez-vous avec votre compte, puis choisissez un nouveau code : les données des ménages reviendront du serveur. Les
        modifications non envoyées restent chiffrées par l’ancien code : vous pourrez les retrouver plus tard en le saisissant dans
        Paramètres ; sans lui, elles ne peuvent pas être lues.
      </p>
      <Identifiants
        id="reconnexion"
        email={email}
        motDePasse={motDePasse}
        erreur={erreur}
        changerEmail={setEmail}
        changerMotDePasse={setMotDePasse}
      />
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
