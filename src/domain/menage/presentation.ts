import { dateEnLettres } from '../calendrier/index.ts';
import type { Menage } from './menage.ts';
import { LIBELLES_LIEN, type Personne } from './personne.ts';
import { nomAffiche } from './verification.ts';

// How a household is named on a paper. Charte §4 step 3: a household that signed a refusal to
// share its situation is still discussed with the partners, but anonymously; docs/domaine.md §8: what goes
// to meetings is pseudonymised. Letters to the household itself keep its name and address.

export type Destinataire = 'partenaires' | 'menage';

export type PresentationMenage = {
  anonyme: boolean;
  nom: string;
  /** Empty when anonymous: the landlord's reference identifies the household too. */
  reference: string;
  adresse: string;
  nomOccupant: (p: Pick<Personne, 'prenom' | 'nom' | 'lien'>) => string;
  /** What was typed freely (a motive, precisions) may name people: an anonymous paper leaves it out. */
  texteLibre: (texte: string) => string;
};

export const TEXTE_LIBRE_NON_REPRODUIT = '(texte libre non reproduit)';

/** A pseudonym the officer can match with the file, telling partners nothing of the household. */
export const pseudonymeMenage = (m: Pick<Menage, 'id'>): string => `Ménage M-${m.id.replace(/-/g, '').slice(-6).toUpperCase()}`;

export function presentationMenage(
  m: Pick<Menage, 'id' | 'nom' | 'reference' | 'adresse' | 'logement' | 'refusConsentement'>,
  destinataire: Destinataire,
): PresentationMenage {
  if (destinataire === 'partenaires' && m.refusConsentement) {
    return {
      anonyme: true,
      nom: pseudonymeMenage(m),
      reference: '',
      adresse: `présentation anonyme : refus de partage signé le ${dateEnLettres(m.refusConsentement.signeLe)}`,
      nomOccupant: (p) => LIBELLES_LIEN[p.lien],
      texteLibre: (texte) => (texte.trim() === '' ? '' : TEXTE_LIBRE_NON_REPRODUIT),
    };
  }
  return {
    anonyme: false,
    nom: m.nom || 'Ménage sans nom',
    reference: m.reference,
    adresse: [m.adresse, m.logement].filter(Boolean).join(', ') || 'adresse non renseignée',
    nomOccupant: nomAffiche,
    texteLibre: (texte) => texte,
  };
}
