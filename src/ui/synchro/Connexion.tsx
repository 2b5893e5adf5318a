import { enregistrerSession, lireAvisEffacement, nombreEnAttente, oublierAvisEffacement } from '../../data/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien, naviguer } from '../app/route.ts';
import { Identifiants } from '../commun/Identifiants.tsx';
import { useConnexion } from '../commun/useConnexion.ts';

/** Logging in is needed only to sync: the work on the tablet never waits for it. */
export default function Connexion() {
  const db = useBase();
  const moteur = useMoteur();
  const enAttente = useLive(() => nombreEnAttente(db), [db]);
  const avis = useLive(() => lireAvisEffacement(db), [db]);
  const { champs, envoi, valider } = useConnexion(async (email, motDePasse) => {
    if (!moteur) return;
    await enregistrerSession(db, await moteur.api.connexion(email, motDePasse));
    await oublierAvisEffacement(db);
    naviguer(lien.menages());
    void moteur.synchroniser();
  });

  return (
    <form class="panneau connexion" aria-labelledby="titre-connexion" onSubmit={(e) => void valider(e)} noValidate>
      <h1 id="titre-connexion">{ECRANS.connexion.titre}</h1>
      {avis && (
        <p class={avis.motif === 'deconnexion' ? 'info' : 'erreur'} role="alert">
          {avis.message}
        </p>
      )}
      <p class="aide">
        La connexion sert à synchroniser avec le serveur.{' '}
        {enAttente ? `${enAttente} modification(s) attendent sur cette tablette : elles partiront après la connexion.` : ''}
      </p>
      <Identifiants id="connexion" {...champs} />
      <button type="submit" class="bouton principal" disabled={envoi || !moteur}>
        Se connecter
      </button>
    </form>
  );
}
