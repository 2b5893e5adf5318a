import { useMoteur } from '../commun/contexte.ts';
import { lien } from '../app/route.ts';
import { useEtatSync } from './useEtatSync.ts';

const heure = (iso: string) => new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Always visible: when the last sync was, what waits, and what to do when something is wrong. */
export function EtatSynchro() {
  const moteur = useMoteur();
  const etat = useEtatSync();
  if (!etat) return null;
  const attente = etat.enAttente > 0 ? `${new Intl.NumberFormat('fr-FR').format(etat.enAttente)} modification${etat.enAttente > 1 ? 's' : ''} en attente` : null;
  const texte = (() => {
    switch (etat.phase) {
      case 'en_cours':
        return etat.recus !== null ? `Première synchronisation… ${new Intl.NumberFormat('fr-FR').format(etat.recus)} éléments reçus` : 'Synchronisation…';
      case 'connexion_requise':
        return 'Non connecté';
      case 'mise_a_jour_requise':
        return 'Mise à jour requise';
      case 'erreur':
        return 'Synchronisation en échec';
      default:
        return etat.derniereSynchro ? `Synchronisé à ${heure(etat.derniereSynchro)}` : 'Jamais synchronisé';
    }
  })();
  return (
    <div class="synchro" role="status" aria-live="polite">
      <span class={`pastille synchro-${etat.phase}`}>{texte}</span>
      {attente && <span class="pastille en-attente">{attente}</span>}
      {etat.phase === 'en_cours' && etat.recus !== null && <progress aria-label="Progression de la première synchronisation" max={1} {...(etat.avancement !== null ? { value: etat.avancement } : {})} />}
      {etat.phase === 'connexion_requise' ? (
        <a class="bouton petit" href={lien.connexion()}>Se connecter</a>
      ) : (
        <button type="button" class="bouton petit" disabled={etat.phase === 'en_cours'} onClick={() => void moteur?.synchroniser()}>Synchroniser maintenant</button>
      )}
      {etat.message && etat.phase !== 'en_cours' && <span class="message-synchro">{etat.message}</span>}
    </div>
  );
}
