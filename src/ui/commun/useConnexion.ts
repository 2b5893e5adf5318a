import { useState } from 'preact/hooks';

// The state of a login form (the header's login, the lock screen's new login after a forgotten
// code): both check the fields the same way and say a failure in the same words.

/** Logs in with these credentials; throws what the sync client throws. */
type SeConnecter = (email: string, motDePasse: string) => Promise<void>;

export function useConnexion(seConnecter: SeConnecter) {
  const [email, setEmail] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !motDePasse) return setErreur('Saisissez votre adresse électronique et votre mot de passe.');
    setEnvoi(true);
    try {
      await seConnecter(email.trim(), motDePasse);
      setErreur(null);
    } catch (err) {
      // The sync client is loaded with the login (never with the first screen): offline, its
      // code may not be in the cache yet.
      setErreur(
        await import('../../sync-client/index.ts').then(
          ({ messageDeConnexion }) => messageDeConnexion(err),
          () => 'Connexion impossible : vérifiez le réseau.',
        ),
      );
    } finally {
      setEnvoi(false);
    }
  };

  const champs = { email, motDePasse, erreur, changerEmail: setEmail, changerMotDePasse: setMotDePasse };
  return { champs, envoi, valider };
}
