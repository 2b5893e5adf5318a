import { enumeration, type ValeurDe } from '../commun/index.ts';
import { LIBELLES_MOTIF_REFUS, type Proposition } from './proposition.ts';

// Where a proposal stands, derived from its steps. A refusal always has an author: the partners,
// the CALEOL or the household, never confused (AMP art. 12 counts them apart).
const etatsProposition = enumeration({
  soumise: 'Soumise aux partenaires',
  rejetee_partenaires: 'Rejetée par les partenaires',
  validee: 'Validée, en attente de CALEOL',
  refusee_caleol: 'Refusée par la CALEOL',
  attribuee: 'Attribuée par la CALEOL',
  visitee: 'Visite faite ou prévue, réponse attendue',
  acceptee: 'Acceptée par le ménage',
  refusee_menage: 'Refusée par le ménage',
  bail_signe: 'Bail signé',
  retiree: 'Retirée',
});
export const ETATS_PROPOSITION = etatsProposition.valeurs;
export type EtatProposition = ValeurDe<typeof etatsProposition>;
export const LIBELLES_ETAT_PROPOSITION = etatsProposition.libelles;

const CLOSES: ReadonlySet<EtatProposition> = new Set(['rejetee_partenaires', 'refusee_caleol', 'refusee_menage', 'bail_signe', 'retiree']);

export const avisAttendus = (p: Proposition): string[] => p.partenaires.filter((nom) => p.avis[nom] === undefined);
export const avisDefavorable = (p: Proposition): [string, NonNullable<Proposition['avis'][string]>] | undefined =>
  Object.entries(p.avis).find(([, a]) => a.avis === 'defavorable');
export const valideeParLesPartenaires = (p: Proposition): boolean => p.partenaires.every((nom) => p.avis[nom]?.avis === 'favorable');
export const refusParLeMenage = (p: Proposition): boolean => p.reponse !== null && p.reponse.decision !== 'acceptation';

export function etatProposition(p: Proposition): EtatProposition {
  if (p.retrait) return 'retiree';
  if (p.bailSigneLe) return 'bail_signe';
  if (refusParLeMenage(p)) return 'refusee_menage';
  if (p.caleol?.decision === 'refus') return 'refusee_caleol';
  if (avisDefavorable(p)) return 'rejetee_partenaires';
  if (p.reponse) return 'acceptee';
  if (p.visite) return 'visitee';
  if (p.caleol) return 'attribuee';
  if (valideeParLesPartenaires(p)) return 'validee';
  return 'soumise';
}

export const estClose = (p: Proposition): boolean => CLOSES.has(etatProposition(p));

/**
 * Only offers that reached the household use up one of its proposals (CCH L353-15 counts the
 * offers made to the tenant): one rejected by the partners or the CALEOL, or withdrawn, does not.
 */
export function compteDansLesPropositions(p: Proposition): boolean {
  const etat = etatProposition(p);
  return !p.supprime && !p.temporaire && etat !== 'rejetee_partenaires' && etat !== 'refusee_caleol' && etat !== 'retiree';
}

/** A refusal by the household that counts toward the binding proposal: one judged legitimate does not (charte §3.4 C). */
export const refusCompte = (p: Proposition): boolean => refusParLeMenage(p) && p.refusLegitime === null && compteDansLesPropositions(p);

const auteursRefus = enumeration({
  partenaires: 'Refus des partenaires',
  caleol: 'Refus de la CALEOL',
  menage: 'Refus du ménage',
});
export const AUTEURS_REFUS = auteursRefus.valeurs;
export type AuteurRefus = ValeurDe<typeof auteursRefus>;
export const LIBELLES_AUTEUR_REFUS = auteursRefus.libelles;

export type Refus = { par: AuteurRefus; date: string; motif: string };

const motifMenage = (r: NonNullable<Proposition['reponse']>, texteLibre: (t: string) => string): string =>
  r.decision === 'sans_reponse'
    ? 'Sans réponse dans le délai (vaut refus)'
    : [r.motif ? LIBELLES_MOTIF_REFUS[r.motif] : '', texteLibre(r.commentaire)].filter(Boolean).join(' : ');

/** Who refused and when, without the reason: reports count tens of thousands of refusals. */
export function auteurDuRefus(p: Proposition): Omit<Refus, 'motif'> | null {
  switch (etatProposition(p)) {
    case 'refusee_menage':
      return p.reponse && { par: 'menage', date: p.reponse.date };
    case 'refusee_caleol':
      return p.caleol && { par: 'caleol', date: p.caleol.date };
    case 'rejetee_partenaires': {
      const rejet = avisDefavorable(p);
      return rejet ? { par: 'partenaires', date: rejet[1].date } : null;
    }
    default:
      return null;
  }
}

/** The day a closed proposal was concluded (withdrawn, lease signed, refused); null while it is open. */
export function concluLe(p: Proposition): string | null {
  if (p.retrait) return p.retrait.date;
  if (p.bailSigneLe) return p.bailSigneLe;
  return auteurDuRefus(p)?.date ?? null;
}

function motifDuRefus(p: Proposition, par: AuteurRefus, texteLibre: (t: string) => string): string {
  if (par === 'caleol') return texteLibre(p.caleol?.motif ?? '');
  if (par === 'partenaires') {
    const rejet = avisDefavorable(p);
    return rejet ? `${rejet[0]} : ${texteLibre(rejet[1].motif)}` : '';
  }
  return [
    p.reponse ? motifMenage(p.reponse, texteLibre) : '',
    p.refusLegitime ? `refus reconnu légitime : ${texteLibre(p.refusLegitime.motif)}` : '',
  ]
    .filter(Boolean)
    .join(' ; ');
}

/**
 * Who refused, when and why; null when the proposal was not refused. `texteLibre` passes what was
 * typed freely: an anonymous paper leaves it out (`presentationMenage`), the coded motive stays.
 */
export function refusDe(p: Proposition, texteLibre: (t: string) => string = (t) => t): Refus | null {
  const refus = auteurDuRefus(p);
  return refus && { ...refus, motif: motifDuRefus(p, refus.par, texteLibre) };
}
