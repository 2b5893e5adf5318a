import { useState } from 'preact/hooks';
import { nombreEnAttente, nombreRefusees, retelechargementDemande } from '../../data/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';

const nombre = new Intl.NumberFormat('fr-FR');
const modifications = (n: number, etat: string) => `${nombre.format(n)} modification${n > 1 ? 's' : ''} ${etat}${n > 1 ? 's' : ''}`;

/**
 * « Tout retélécharger » (docs/sync.md, « Empreintes et réparation »): the tablet downloads all its
 * data again from the server, keeping what it has not sent and what the server refused.
 */
export default function Retelecharger() {
  const db = useBase();
  const moteur = useMoteur();
  const demande = useLive(() => retelechargementDemande(db), [db]);
  const enAttente = useLive(() => nombreEnAttente(db), [db]) ?? 0;
  const refusees = useLive(() => nombreRefusees(db), [db]) ?? 0;
  const [erreur, setErreur] = useState<string | null>(null);

  const lancer = () => {
    if (!moteur) return;
    setErreur(null);
    moteur.toutRetelecharger().catch((e: unknown) => setErreur(e instanceof Error ? e.message : 'Demande impossible.'));
  };

  return (
    <section class="panneau" aria-labelledby="titre-retelecharger">
      <h2 id="titre-retelecharger">Tout retélécharger</h2>
      <p>
        Si des ménages, des occupants ou des réponses semblent manquer sur cette tablette, ou différer de ce que voient vos collègues, la
        tablette peut recevoir de nouveau toutes ses données du serveur. Elle le fait d’elle-même quand elle constate un écart avec le
        serveur.
      </p>
      <p>
        Ce qui n’a pas encore été envoyé est gardé tel quel, et sera envoyé : <strong>{modifications(enAttente, 'en attente')}</strong>,{' '}
        <strong>{modifications(refusees, 'refusée')}</strong>. Tout le reste est remplacé par la copie du serveur. Les données restent
        consultables pendant le téléchargement, qui peut prendre une minute ou deux.
      </p>
      {demande ? (
        <p role="status">Retéléchargement demandé : il a lieu à la prochaine synchronisation, dès que le réseau le permet.</p>
      ) : (
        <button type="button" class="bouton" disabled={!moteur} onClick={lancer}>
          Tout retélécharger
        </button>
      )}
      {erreur && (
        <p class="erreur" role="alert">
          {erreur}
        </p>
      )}
    </section>
  );
}
