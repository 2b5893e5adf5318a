import { useState } from 'preact/hooks';
import { lireSession, nombreEnAttente, nombreRefusees } from '../../data/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien, naviguer } from '../app/route.ts';

const nombre = new Intl.NumberFormat('fr-FR');

/**
 * « Se déconnecter »: the session ends on the server and on the tablet, and the officer chooses
 * whether the tablet keeps its data (her own tablet) or forgets it (a shared or returned one).
 * What is not sent yet is counted before it can be lost.
 */
export default function Deconnexion() {
  const db = useBase();
  const moteur = useMoteur();
  const session = useLive(() => lireSession(db), [db]);
  const nonEnvoyees = useLive(async () => (await nombreEnAttente(db)) + (await nombreRefusees(db)), [db]) ?? 0;
  const [choix, setChoix] = useState(false);
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  if (!session) return null;

  const deconnecter = async (oublier: boolean) => {
    if (!moteur) return;
    setEnCours(true);
    try {
      const { serveurPrevenu } = await moteur.deconnecter(oublier);
      naviguer(lien.connexion());
      if (!serveurPrevenu) setErreur('Serveur injoignable : la session est fermée sur la tablette et le serveur la fermera de lui-même.');
    } catch (e) {
      setErreur(e instanceof Error ? e.message : 'Déconnexion impossible.');
    } finally {
      setEnCours(false);
    }
  };

  return (
    <section class="panneau" aria-labelledby="titre-compte">
      <h2 id="titre-compte">Compte</h2>
      <p>
        Connecté : <strong>{session.user.name}</strong> ({session.user.email}), {session.user.organisation.name}.
      </p>
      {!choix && (
        <button type="button" class="bouton" disabled={!moteur} onClick={() => setChoix(true)}>
          Se déconnecter
        </button>
      )}
      {choix && (
        <div role="group" aria-labelledby="titre-choix-deconnexion">
          <p id="titre-choix-deconnexion">Que doit garder cette tablette ?</p>
          {nonEnvoyees > 0 && (
            <p class="erreur" role="alert">
              {nombre.format(nonEnvoyees)} modification{nonEnvoyees > 1 ? 's' : ''} n’{nonEnvoyees > 1 ? 'ont' : 'a'} pas été envoyée
              {nonEnvoyees > 1 ? 's' : ''} au serveur : effacer les données de la tablette les perdrait. Synchronisez d’abord.
            </p>
          )}
          <div class="actions">
            <button type="button" class="bouton" disabled={enCours} onClick={() => void deconnecter(false)}>
              Garder les données sur la tablette
            </button>
            <button type="button" class="bouton danger" disabled={enCours} onClick={() => void deconnecter(true)}>
              Effacer les données de la tablette
            </button>
            <button type="button" class="bouton" disabled={enCours} onClick={() => setChoix(false)}>
              Annuler
            </button>
          </div>
          <p class="aide">
            Gardées, les données restent sur la tablette pour la prochaine connexion. Effacées, tout ce que la tablette contient (ménages,
            photos, brouillons) disparaît : à choisir pour une tablette partagée ou rendue.
          </p>
        </div>
      )}
      {erreur && (
        <p class="erreur" role="alert">
          {erreur}
        </p>
      )}
    </section>
  );
}
