import type { EtatSync } from '../../sync-client/index.ts';

// What the header says of the sync, from the engine's state and the network. It never says
// « Synchronisé » while anything waits or was refused; being offline is not a failure.

export type Ton = 'ok' | 'neutre' | 'attention' | 'erreur';
export type EtatAffiche = {
  texte: string;
  ton: Ton;
  /** « N modifications refusées », linking to their screen; null when there are none. */
  refusees: string | null;
  /** A failure's explanation and what to do; null when there is nothing to do. */
  message: string | null;
};

const nombre = new Intl.NumberFormat('fr-FR');
const heure = (iso: string) => new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
/** « 3 modifications en attente », « 1 modification refusée ». */
const modifications = (n: number, etat: (pluriel: string) => string) =>
  `${nombre.format(n)} modification${n > 1 ? 's' : ''} ${etat(n > 1 ? 's' : '')}`;
const majuscule = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function phase(etat: EtatSync, enLigne: boolean): { texte: string | null; ton: Ton } {
  // Offline, being logged out or a past failure changes nothing until the network returns.
  if (!enLigne && etat.phase !== 'en_cours' && etat.phase !== 'mise_a_jour_requise') return { texte: 'Hors ligne', ton: 'neutre' };
  switch (etat.phase) {
    case 'en_cours':
      return {
        texte:
          etat.recus !== null
            ? `${etat.retelechargement ? 'Retéléchargement' : 'Première synchronisation'}… ${nombre.format(etat.recus)} éléments reçus`
            : 'Synchronisation…',
        ton: 'neutre',
      };
    case 'connexion_requise':
      return { texte: 'Non connecté', ton: 'neutre' };
    case 'mise_a_jour_requise':
      return { texte: 'Mise à jour requise', ton: 'erreur' };
    case 'erreur':
      return { texte: 'Synchronisation en échec', ton: 'erreur' };
    case 'hors_ligne':
      return { texte: 'Hors ligne', ton: 'neutre' };
    case 'effacee':
      return { texte: 'Données de la tablette effacées', ton: 'erreur' };
    default:
      return { texte: null, ton: 'ok' };
  }
}

/**
 * `misesDeCote`: changes kept under a former code after a ten-code erase (docs/chiffrement.md). Out
 * of the outbox until that code is typed, they are waiting all the same, and said so.
 */
export function etatAffiche(etat: EtatSync, enLigne: boolean, misesDeCote = 0): EtatAffiche {
  const { texte, ton } = phase(etat, enLigne);
  const enAttente = etat.enAttente + misesDeCote;
  const dont = misesDeCote > 0 ? `, dont ${nombre.format(misesDeCote)} mise${misesDeCote > 1 ? 's' : ''} de côté` : '';
  const attente = enAttente > 0 ? modifications(enAttente, () => 'en attente') + dont : null;
  const synchronise = etat.derniereSynchro ? `synchronisé à ${heure(etat.derniereSynchro)}` : 'jamais synchronisé';
  const toutEnvoye = attente === null && etat.refusees === 0;
  // Online and idle, the state is what is left to send; offline, also when the last sync was.
  const bilan = attente ?? (toutEnvoye && (texte === null || texte === 'Hors ligne') ? synchronise : null);
  return {
    texte: texte === null ? majuscule(bilan ?? '') : [texte, bilan].filter(Boolean).join(' — '),
    ton: texte === null && !toutEnvoye ? 'neutre' : ton,
    refusees: etat.refusees > 0 ? modifications(etat.refusees, (s) => `refusée${s}`) : null,
    message: ton === 'erreur' || (etat.phase === 'connexion_requise' && enLigne) ? etat.message : null,
  };
}
