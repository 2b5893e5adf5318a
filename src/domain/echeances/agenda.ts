import type { Instant } from '../calendrier/index.ts';
import { enumeration, type ValeurDe } from '../commun/index.ts';
import type { StatutMenage } from '../menage/index.ts';
import { remboursementsAttendus, type Demenagement } from '../demenagement/index.ts';
import {
  avisAttendus,
  echeanceConge,
  echeanceValidationPartenaires,
  etatProposition,
  type Proposition,
  type ReglagesProposition,
} from '../proposition/index.ts';
import {
  echeanceEnquete,
  echeancesVisites,
  estClos,
  reglagesSuiviOperation,
  type EnqueteSatisfaction,
  type ReglagesSuivi,
  type SurchargeSuivi,
  type VisiteCourtoisie,
} from '../visite/index.ts';
import { avantRelogementEnCours, echeanceContact, echeancePremierEntretien, premierEntretienFait } from './avant-relogement.ts';
import { echeanceReponseSuivie } from './reponse.ts';
import { bornesAgenda, classerEvenement, trierAgenda, type Bornes, type ClasseAgenda } from './classement.ts';
import type { PieceAExpirer } from './pieces.ts';
import type { ReglagesEcheances } from './reglages.ts';
import { horlogesReunions, type OperationReunions } from './reunions.ts';
import type { ReglagesReunions } from '../reunion/index.ts';

// The officer's "À faire" across the caseload: the clocks before the move (charte §4 step 2),
// the dossier pieces (step 3), the proposals' clocks (steps 7 to 12) and the follow-up after the
// move (steps 13 and 14), with the congé's six months (charte §3.4 C, CCH L442-6) and the
// invoices to pay back within 8 days (charte §3.2). The input is plain data per household, whatever stores it.

/** An interview as the agenda needs it; `Entretien` records fit. */
export type EntretienAgenda = {
  type: 'premier' | 'suivi';
  date: string;
  heure?: string | null;
  termineLe: string | null;
  supprime?: boolean;
};
export type VisiteAgenda = Pick<VisiteCourtoisie, 'numero' | 'datePrevue' | 'heurePrevue' | 'issue'> & { supprime?: boolean };
export type EnqueteAgenda = Pick<EnqueteSatisfaction, 'datePrevue' | 'heurePrevue' | 'issue'> & { supprime?: boolean };
export type DemenagementAgenda = Pick<Demenagement, 'id' | 'postes'> & { supprime?: boolean | undefined };

export type DossierAgenda = {
  menageId: string;
  nom: string;
  dateOuvertureResidence: string | null;
  entretiens: readonly EntretienAgenda[];
  dernierContact: string | null;
  /** The household's step: a relocated or closed one has no before-move clock; absent, its lease date alone tells. */
  statut?: StatutMenage;
  /** The lease signature; the before-move clocks stop and the follow-up starts from it. */
  dateRelogement: string | null;
  visites: readonly VisiteAgenda[];
  enquete: EnqueteAgenda | null;
  pieces: readonly PieceAExpirer[];
  propositions: readonly Proposition[];
  /** The follow-up months of the household's opération, when it sets its own. */
  suiviOperation?: SurchargeSuivi;
  /** The checklists of its moves, temporary and final; absent, none. */
  demenagements?: readonly DemenagementAgenda[];
};

export type ContexteAgenda = {
  aujourdhui: string;
  echeances: ReglagesEcheances;
  suivi: ReglagesSuivi;
  propositions: ReglagesProposition;
  reunions: ReglagesReunions;
};

const naturesEvenement = enumeration({
  premier_entretien: 'Premier entretien',
  contact: 'Contact',
  piece: 'Pièce du dossier',
  validation_partenaires: 'Validation des partenaires',
  visite_logement: 'Visite du logement',
  reponse_menage: 'Réponse du ménage',
  signature_bail: 'Signature du bail',
  visite_courtoisie: 'Visite de courtoisie',
  enquete_satisfaction: 'Enquête de satisfaction',
  fin_maintien: 'Fin du droit au maintien dans les lieux',
  remboursement: 'Remboursement au ménage',
  bilan_peuplement: 'Bilan de peuplement',
  reunion_orientation: 'Réunion d’orientation',
});
export const NATURES_EVENEMENT = naturesEvenement.valeurs;
export type NatureEvenement = ValeurDe<typeof naturesEvenement>;
export const LIBELLES_NATURE_EVENEMENT = naturesEvenement.libelles;

export type EvenementAgenda = {
  /** Stable across runs: household, nature and the record or rank it is about. */
  cle: string;
  /** Empty for a meeting of an opération, which `operationId` names instead. */
  menageId: string;
  operationId?: string;
  /** The household's name, or the opération's for its meetings. */
  nom: string;
  nature: NatureEvenement;
  libelle: string;
  /** The due date, null for a plain appointment. */
  echeance: string | null;
  /** The appointment, when one is set. */
  rendezVous: Instant | null;
  /** The day it shows on: the appointment if any, else the due date. */
  jour: string;
  classe: ClasseAgenda;
  /** The appointment falls after the due date. */
  horsDelai: boolean;
};

/** A clock of a household before it is placed on the agenda. */
export type Horloge = { cle: string; nature: NatureEvenement; libelle: string; echeance: string | null; rendezVous: Instant | null };

const rdv = (date: string | null, heure: string | null | undefined): Instant | null =>
  date === null ? null : { date, heure: heure ?? null };

/** A draft interview dated today or later is the planned one. */
const prevu = (entretiens: readonly EntretienAgenda[], type: EntretienAgenda['type'], aujourdhui: string): Instant | null => {
  const e = entretiens.find((x) => !x.supprime && x.type === type && x.termineLe === null && x.date >= aujourdhui);
  return e ? rdv(e.date, e.heure) : null;
};

function avantRelogement(d: DossierAgenda, ctx: ContexteAgenda): Horloge[] {
  const { aujourdhui, echeances: r } = ctx;
  const premierEntretienLe = premierEntretienFait(d.entretiens);
  const situation = { dateOuvertureResidence: d.dateOuvertureResidence, premierEntretienLe, dernierContact: d.dernierContact };
  const horloges: Horloge[] = [];
  const premier = premierEntretienLe === null ? echeancePremierEntretien(situation, r) : null;
  if (premier !== null)
    horloges.push({
      cle: 'premier_entretien',
      nature: 'premier_entretien',
      libelle: 'Premier entretien',
      echeance: premier,
      rendezVous: prevu(d.entretiens, 'premier', aujourdhui),
    });
  const contact = echeanceContact(situation, r);
  if (contact !== null)
    horloges.push({
      cle: 'contact',
      nature: 'contact',
      libelle: 'Prendre contact avec le ménage',
      echeance: contact,
      rendezVous: prevu(d.entretiens, 'suivi', aujourdhui),
    });
  for (const p of d.pieces)
    horloges.push({
      cle: `piece:${p.pieceId}`,
      nature: 'piece',
      libelle: `${p.finValidite < aujourdhui ? 'Pièce expirée' : 'Pièce à renouveler'} : ${p.libelle}`,
      echeance: p.finValidite,
      rendezVous: null,
    });
  return horloges;
}

/** The household's answer, due from the written offer's notification on, before the visit too. */
function horlogeReponse(p: Proposition, ctx: ContexteAgenda, n: string): Horloge[] {
  const suivie = echeanceReponseSuivie(p, ctx.propositions);
  if (suivie === null) return [];
  const { echeance, avantVisite } = suivie;
  const libelle = avantVisite
    ? `Réponse du ménage à l’offre écrite attendue (${n})`
    : ctx.aujourdhui > echeance
      ? `Délai de réponse dépassé (${n}) : constater le refus`
      : `Réponse du ménage attendue (${n})`;
  return [{ cle: `reponse_menage:${p.id}`, nature: 'reponse_menage', libelle, echeance, rendezVous: null }];
}

function horlogesProposition(p: Proposition, ctx: ContexteAgenda): Horloge[] {
  const r = ctx.propositions;
  const n = `proposition n° ${p.rang}`;
  const cle = (nature: NatureEvenement) => `${nature}:${p.id}`;
  switch (etatProposition(p)) {
    case 'soumise': {
      const echeance = echeanceValidationPartenaires(p, r);
      const validation: Horloge[] =
        echeance === null
          ? []
          : [
              {
                cle: cle('validation_partenaires'),
                nature: 'validation_partenaires',
                libelle: `Validation des partenaires (${n}) : ${avisAttendus(p).join(', ')}`,
                echeance,
                rendezVous: null,
              },
            ];
      return [...validation, ...horlogeReponse(p, ctx, n)];
    }
    case 'validee':
    case 'attribuee':
      return horlogeReponse(p, ctx, n);
    case 'visitee': {
      if (p.visite === null) return [];
      const visite =
        p.visite.date >= ctx.aujourdhui
          ? [
              {
                cle: cle('visite_logement'),
                nature: 'visite_logement' as const,
                libelle: `Visite du logement (${n})`,
                echeance: null,
                rendezVous: p.visite,
              },
            ]
          : [];
      return [...visite, ...horlogeReponse(p, ctx, n)];
    }
    case 'refusee_menage': {
      const fin = echeanceConge(p);
      return fin === null
        ? []
        : [
            {
              cle: cle('fin_maintien'),
              nature: 'fin_maintien',
              libelle: `Fin du droit au maintien dans les lieux (${n}, congé remis) : transmettre le dossier à la suite juridique`,
              echeance: fin,
              rendezVous: null,
            },
          ];
    }
    case 'bail_signe':
      return p.bailSigneLe !== null && p.bailSigneLe >= ctx.aujourdhui
        ? [
            {
              cle: cle('signature_bail'),
              nature: 'signature_bail',
              libelle: `Signature du bail (${n})`,
              echeance: null,
              rendezVous: rdv(p.bailSigneLe, null),
            },
          ]
        : [];
    default:
      return [];
  }
}

function apresRelogement(d: DossierAgenda, dateRelogement: string, ctx: ContexteAgenda): Horloge[] {
  const r = reglagesSuiviOperation(ctx.suivi, d.suiviOperation);
  const horloges: Horloge[] = [];
  for (const { numero, echeance } of echeancesVisites(dateRelogement, r)) {
    const v = d.visites.find((x) => !x.supprime && x.numero === numero);
    if (v && estClos(v)) continue;
    horloges.push({
      cle: `visite_courtoisie:${numero}`,
      nature: 'visite_courtoisie',
      libelle: `Visite de courtoisie n° ${numero}`,
      echeance,
      rendezVous: v ? rdv(v.datePrevue, v.heurePrevue) : null,
    });
  }
  const enquete = d.enquete && !d.enquete.supprime ? d.enquete : null;
  if (!enquete || !estClos(enquete)) {
    horloges.push({
      cle: 'enquete_satisfaction',
      nature: 'enquete_satisfaction',
      libelle: 'Enquête de satisfaction',
      echeance: echeanceEnquete(dateRelogement, r),
      rendezVous: enquete ? rdv(enquete.datePrevue, enquete.heurePrevue) : null,
    });
  }
  return horloges;
}

type Sujet = { cle: string; menageId: string; operationId?: string; nom: string };
const sujetMenage = (d: DossierAgenda): Sujet => ({ cle: d.menageId, menageId: d.menageId, nom: d.nom });

function placer(d: Sujet, b: Horloge, bornes: Bornes): EvenementAgenda {
  const jour = b.rendezVous?.date ?? b.echeance ?? bornes.aujourdhui;
  return {
    cle: `${d.cle}:${b.cle}`,
    menageId: d.menageId,
    ...(d.operationId === undefined ? {} : { operationId: d.operationId }),
    nom: d.nom,
    nature: b.nature,
    libelle: b.libelle,
    echeance: b.echeance,
    rendezVous: b.rendezVous,
    jour,
    classe: classerEvenement(jour, b.echeance, bornes),
    horsDelai: b.echeance !== null && b.rendezVous !== null && b.rendezVous.date > b.echeance,
  };
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

function remboursements(d: DossierAgenda, ctx: ContexteAgenda): Horloge[] {
  return (d.demenagements ?? []).flatMap((dem) =>
    dem.supprime
      ? []
      : remboursementsAttendus(dem, ctx.propositions.delaiRemboursement).map((r) => ({
          cle: `remboursement:${dem.id}:${r.poste}`,
          nature: 'remboursement' as const,
          libelle: `Rembourser le ménage : ${r.libelle}${r.montant === null ? '' : ` (${euros.format(r.montant)})`}`,
          echeance: r.echeance,
          rendezVous: null,
        })),
  );
}

/** Every clock of one household: due dates and appointments, before, during and after the search. */
export function horlogesDossier(d: DossierAgenda, ctx: ContexteAgenda): Horloge[] {
  const horloges = avantRelogementEnCours(d, ctx.aujourdhui) ? avantRelogement(d, ctx) : [];
  for (const p of d.propositions) if (!p.supprime) horloges.push(...horlogesProposition(p, ctx));
  horloges.push(...remboursements(d, ctx));
  if (d.dateRelogement !== null) horloges.push(...apresRelogement(d, d.dateRelogement, ctx));
  return horloges;
}

const evenementsAvecBornes = (d: DossierAgenda, ctx: ContexteAgenda, bornes: Bornes): EvenementAgenda[] =>
  horlogesDossier(d, ctx).map((h) => placer(sujetMenage(d), h, bornes));

const NATURE_REUNION: Record<'bilan_peuplement' | 'orientation', NatureEvenement> = {
  bilan_peuplement: 'bilan_peuplement',
  orientation: 'reunion_orientation',
};

/** The meeting clocks of an opération that have started (charte §4 steps 5 and 6). */
export function horlogesOperation(o: OperationReunions, ctx: ContexteAgenda): Horloge[] {
  return horlogesReunions(o, ctx.reunions, ctx.aujourdhui).flatMap((h) =>
    h.echeance === null
      ? []
      : [
          {
            cle: NATURE_REUNION[h.nature],
            nature: NATURE_REUNION[h.nature],
            libelle: h.libelle,
            echeance: h.echeance,
            rendezVous: h.prevue && rdv(h.prevue.date, h.prevue.heure),
          },
        ],
  );
}

/** What there is to do for one household, in no particular order. */
export const evenementsDossier = (d: DossierAgenda, ctx: ContexteAgenda): EvenementAgenda[] =>
  evenementsAvecBornes(d, ctx, bornesAgenda(ctx.aujourdhui, ctx.echeances.horizonJours));

/** What there is to do across the caseload and its opérations' meetings, in chronological order. */
export function agenda(
  dossiers: readonly DossierAgenda[],
  ctx: ContexteAgenda,
  operations: readonly OperationReunions[] = [],
): EvenementAgenda[] {
  const bornes = bornesAgenda(ctx.aujourdhui, ctx.echeances.horizonJours);
  const evenements: EvenementAgenda[] = [];
  for (const d of dossiers) for (const h of horlogesDossier(d, ctx)) evenements.push(placer(sujetMenage(d), h, bornes));
  for (const o of operations) {
    const sujet = { cle: `operation:${o.operationId}`, menageId: '', operationId: o.operationId, nom: o.nom };
    for (const h of horlogesOperation(o, ctx)) evenements.push(placer(sujet, h, bornes));
  }
  return trierAgenda(evenements);
}
