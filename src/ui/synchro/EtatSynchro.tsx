import { nombreMisesDeCote } from '../../data/index.ts';
import { useBase, useMoteur } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { lien } from '../app/route.ts';
import { useEnLigne } from '../app/Reseau.tsx';
import { SynchroEnPreparation } from './EnPreparation.tsx';
import { etatAffiche } from './etat-affiche.ts';
import { useEtatSync } from './useEtatSync.ts';

/** Always visible: what waits, what was refused, when the last sync was, and what to do when something is wrong. */
export function EtatSynchro() {
  const db = useBase();
  const moteur = useMoteur();
  const etat = useEtatSync();
  const enLigne = useEnLigne();
  // Re-read when the outbox changes too: recovering them moves them there.
  const misesDeCote = useLive(() => nombreMisesDeCote(db), [db, etat?.enAttente]);
  if (!etat) return <SynchroEnPreparation />;
  const affiche = etatAffiche(etat, enLigne, misesDeCote ?? 0);
  return (
    // The last sync's full time, finer than the minute shown: a test waits for it to change after « Synchroniser maintenant ».
    <div class="synchro" role="status" aria-live="polite" data-derniere-synchro={etat.derniereSynchro ?? ''}>
      {affiche.texte && <span class={`pastille synchro-${affiche.ton}`}>{affiche.texte}</span>}
      {affiche.refusees && (
        <a class="pastille synchro-attention" href={lien.refusees()}>
          {affiche.refusees}
        </a>
      )}
      {etat.phase === 'en_cours' && etat.recus !== null && (
        <progress
          aria-label="Progression de la première synchronisation"
          max={1}
          {...(etat.avancement !== null ? { value: etat.avancement } : {})}
        />
      )}
      {etat.phase === 'connexion_requise' ? (
        <a class="bouton petit" href={lien.connexion()}>
          Se connecter
        </a>
      ) : (
        <button type="button" class="bouton petit" disabled={etat.phase === 'en_cours'} onClick={() => void moteur?.synchroniser()}>
          Synchroniser maintenant
        </button>
      )}
      {affiche.message && <span class="message-synchro">{affiche.message}</span>}
    </div>
  );
}
