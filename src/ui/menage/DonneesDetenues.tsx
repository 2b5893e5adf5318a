import { useState } from 'preact/hooks';
import { useMoteur } from '../commun/contexte.ts';
import { useRole } from '../commun/role.ts';
import { lien, naviguer } from '../app/route.ts';
import { enDemonstration } from '../app/espace.ts';

// The rights of the people (RGPD art. 15, 17, 20), answered by an encadrant: everything the
// server holds about the household, to hand over, and its erasure for good. Both need the network.

function telecharger(contenu: Blob, nom: string): void {
  const url = URL.createObjectURL(contenu);
  const a = document.createElement('a');
  a.href = url;
  a.download = nom;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function DonneesDetenues({ menageId, nom }: { menageId: string; nom: string }) {
  const moteur = useMoteur();
  const role = useRole();
  const [message, setMessage] = useState<{ texte: string; erreur: boolean } | null>(null);
  const [confirmer, setConfirmer] = useState(false);
  if ((role !== 'encadrant' && role !== 'administrateur') || enDemonstration()) return null;

  const exporter = async (format: 'json' | 'pdf') => {
    if (!moteur) return;
    setMessage({ texte: 'Préparation de l’export…', erreur: false });
    try {
      telecharger(await moteur.api.exportMenage(menageId, format), `menage-${menageId}.${format}`);
      setMessage({
        texte: `Export ${format === 'pdf' ? 'PDF' : 'JSON'} téléchargé : il contient tout ce que le serveur détient sur ce ménage. Remettez-le à la personne sans en garder de copie.`,
        erreur: false,
      });
    } catch (e) {
      setMessage({ texte: e instanceof Error ? e.message : 'Export impossible.', erreur: true });
    }
  };

  const effacer = async () => {
    if (!moteur) return;
    try {
      await moteur.api.effacerMenage(menageId);
      await moteur.synchroniser();
      naviguer(lien.menages(), true);
    } catch (e) {
      setMessage({ texte: e instanceof Error ? e.message : 'Effacement impossible.', erreur: true });
      setConfirmer(false);
    }
  };

  return (
    <section class="panneau" aria-labelledby="titre-donnees-detenues">
      <h2 id="titre-donnees-detenues">Données détenues sur le ménage</h2>
      <p class="aide">
        Pour répondre à une demande d’accès ou d’effacement des personnes (RGPD, articles 15 et 17). Nécessite le réseau ; chaque export est
        inscrit au journal des accès.
      </p>
      <div class="actions">
        <button type="button" class="bouton" disabled={!moteur} onClick={() => void exporter('pdf')}>
          Exporter (PDF lisible)
        </button>
        <button type="button" class="bouton" disabled={!moteur} onClick={() => void exporter('json')}>
          Exporter (JSON complet)
        </button>
        {!confirmer && (
          <button type="button" class="bouton danger" disabled={!moteur} onClick={() => setConfirmer(true)}>
            Effacer définitivement…
          </button>
        )}
      </div>
      {confirmer && (
        <div role="group" aria-labelledby="titre-confirmer-effacement">
          <p id="titre-confirmer-effacement" class="erreur">
            Effacer définitivement « {nom} » ? Toutes ses données, pièces et photos sont supprimées du serveur, puis de chaque tablette à sa
            prochaine synchronisation. C’est irréversible.
          </p>
          <div class="actions">
            <button type="button" class="bouton danger" onClick={() => void effacer()}>
              Effacer définitivement
            </button>
            <button type="button" class="bouton" onClick={() => setConfirmer(false)}>
              Annuler
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class={message.erreur ? 'erreur' : 'info'} role={message.erreur ? 'alert' : 'status'}>
          {message.texte}
        </p>
      )}
    </section>
  );
}
