import { useState } from 'preact/hooks';
import { enregistrerSession, lireAvisEffacement, nombreEnAttente, oublierAvisEffacement } from '../../data/index.ts';
import { ErreurSync } from '../../sync-client/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien, naviguer } from '../app/route.ts';
import { Identifiants } from '../commun/Identifiants.tsx';

/** Logging in is needed only to sync: the work on the tablet never waits for it. */
export default function Connexion() {
  const db = useBase();
  const moteur = useMoteur();
  const enAttente = useLive(() => nombreEnAttente(db), [db]);
  const avis = useLive(() => lireAvisEffacement(db), [db]);
  const [email, setEmail] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);

  const valider = async (e: Event) => {
    e.preventDefault();
    if (!moteur) return;
    if (!email.trim() || !motDePasse) return setErreur('Saisissez votre adresse électronique et votre mot de passe.');
    setEnvoi(true);
    try {
      await enregistrerSession(db, await moteur.api.connexion(email.trim(), motDePasse));
      await oublierAvisEffacement(db);
      setErreur(null);
      naviguer(lien.menages());
      void moteur.synchroniser();
    } catch (err) {
      setErreur(
        err instanceof ErreurSync && err.genre === 'connexion'
          ? 'Adresse ou mot de passe incorrect.'
          : err instanceof Error
            ? err.message
            : 'Connexion impossible.',
      );
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <form class="panneau connexion" aria-labelledby="titre-connexion" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-connexion">Connexion</h1>
      {avis && (
        <p class={avis.motif === 'deconnexion' ? 'info' : 'erreur'} role="alert">
          {avis.message}
        </p>
      )}
      <p class="aide">
        La connexion sert à synchroniser avec le serveur.{' '}
        {enAttente ? `${enAttente} modification(s) attendent sur cette tablette : elles partiront après la connexion.` : ''}
      </p>
      <Identifiants
        id="connexion"
        email={email}
        motDePasse={motDePasse}
        erreur={erreur}
        changerEmail={setEmail}
        changerMotDePasse={setMotDePasse}
      />
      <button type="submit" class="bouton principal" disabled={envoi || !moteur}>
        Se connecter
      </button>
    </form>
  );
}
