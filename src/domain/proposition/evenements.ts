import { z } from 'zod';
import { isoDateSchema } from '../commun/index.ts';
import { dateEnLettres, heureSchema } from '../calendrier/index.ts';
import { verifierDateRelogement, type ReglagesSuivi } from '../visite/index.ts';
import { echeanceSilence } from './delais.ts';
import { LIBELLES_ETAT_PROPOSITION, avisAttendus, estClose, etatProposition, refusParLeMenage, valideeParLesPartenaires } from './etat.ts';
import {
  AVIS,
  DECISIONS_CALEOL,
  LIBELLES_PIECE_SUITE_JURIDIQUE,
  MODES_CONGE,
  PIECES_SUITE_JURIDIQUE,
  motifRefusSchema,
  type Proposition,
} from './proposition.ts';
import { refusComptesJusqua } from './situation.ts';
import type { ReglagesProposition } from './reglages.ts';
import { accepte, refuse, type Resultat } from './resultat.ts';

// The steps of a proposal in the charter's order (charte §4 steps 7 to 12; CCH R441-10 for the
// silence that counts as a refusal). An event out of order is refused with a message saying what
// is missing, and the proposal is returned unchanged.
const date = isoDateSchema;
export const evenementPropositionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('avis'),
      date,
      partenaire: z.string().min(1, 'Indiquez le partenaire qui donne son avis.'),
      avis: z.enum(AVIS),
      motif: z.string().max(2000).default(''),
    }),
    z.object({ type: z.literal('caleol'), date, decision: z.enum(DECISIONS_CALEOL), motif: z.string().max(2000).default('') }),
    z.object({ type: z.literal('visite'), date, heure: heureSchema.nullable().default(null) }),
    z.object({ type: z.literal('offre_notifiee'), date }),
    z.object({
      type: z.literal('reponse'),
      date,
      decision: z.enum(['acceptation', 'refus']),
      motif: motifRefusSchema.nullable().default(null),
      commentaire: z.string().max(4000).default(''),
    }),
    z.object({ type: z.literal('absence_reponse'), date }),
    z.object({ type: z.literal('bail_signe'), date }),
    z.object({ type: z.literal('retrait'), date, motif: z.string().max(2000).default('') }),
    z.object({ type: z.literal('refus_legitime'), date, motif: z.string().max(2000).default('') }),
    /** `date`: the day on the receipt or the bailiff's act, from which the 6 months run. */
    z.object({
      type: z.literal('conge'),
      date,
      mode: z.enum(MODES_CONGE, { error: 'Mode de remise du congé : lettre recommandée ou huissier.' }),
      envoyeLe: date,
      preuve: z.string().max(200).default(''),
    }),
    z.object({
      type: z.literal('suite_juridique'),
      date,
      destinataire: z.string().max(200).default(''),
      pieces: z.array(z.enum(PIECES_SUITE_JURIDIQUE)).max(PIECES_SUITE_JURIDIQUE.length).default([]),
      commentaire: z.string().max(2000).default(''),
    }),
  ],
  { error: 'Événement de proposition inconnu.' },
);
export type EvenementProposition = z.infer<typeof evenementPropositionSchema>;
export type TypeEvenementProposition = EvenementProposition['type'];

export const LIBELLES_EVENEMENT: Record<TypeEvenementProposition, { nom: string; feminin: boolean }> = {
  avis: { nom: 'l’avis du partenaire', feminin: false },
  caleol: { nom: 'la décision de la CALEOL', feminin: true },
  visite: { nom: 'la visite du logement', feminin: true },
  offre_notifiee: { nom: 'la notification de l’offre écrite', feminin: true },
  reponse: { nom: 'la réponse du ménage', feminin: true },
  absence_reponse: { nom: 'le constat d’absence de réponse', feminin: false },
  bail_signe: { nom: 'la signature du bail', feminin: true },
  retrait: { nom: 'le retrait de la proposition', feminin: false },
  refus_legitime: { nom: 'la reconnaissance d’un refus légitime', feminin: true },
  conge: { nom: 'la remise du congé', feminin: true },
  suite_juridique: { nom: 'la transmission à la suite juridique', feminin: true },
};

export type ContexteProposition = {
  reglages: ReglagesProposition;
  suivi: Pick<ReglagesSuivi, 'relogementFuturMaxMois'>;
  aujourdhui: string;
  /** The household's proposals: the congé and the legal follow-up depend on the refusals before. */
  propositionsDuMenage?: readonly Proposition[];
};

// Steps recorded on a proposal the household already refused (charte §3.4 C and D).
const APRES_REFUS: ReadonlySet<TypeEvenementProposition> = new Set(['refus_legitime', 'conge', 'suite_juridique']);

// A visit may be planned ahead; a lease signature up to the territory's limit; the rest is past.
const PEUT_ETRE_FUTUR: ReadonlySet<TypeEvenementProposition> = new Set(['visite', 'bail_signe']);

const le = dateEnLettres;
const majuscule = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const dernierAvis = (p: Proposition): string => Object.values(p.avis).reduce((d, a) => (a.date > d ? a.date : d), p.proposeeLe);

function controleCommun(p: Proposition, e: EvenementProposition, ctx: ContexteProposition): string | null {
  const { nom, feminin } = LIBELLES_EVENEMENT[e.type];
  const accord = feminin ? 'e' : '';
  if (estClose(p) && !APRES_REFUS.has(e.type))
    return `La proposition est close (${LIBELLES_ETAT_PROPOSITION[etatProposition(p)].toLowerCase()}) : ${nom} ne peut plus être enregistré${accord}.`;
  if (e.date < p.proposeeLe) return `${majuscule(nom)} ne peut pas précéder la proposition, faite le ${le(p.proposeeLe)}.`;
  if (!PEUT_ETRE_FUTUR.has(e.type) && e.date > ctx.aujourdhui) return `${majuscule(nom)} ne peut pas être daté${accord} dans le futur.`;
  return null;
}

const exigerValidation = (p: Proposition, quoi: string): string | null => {
  const attendus = avisAttendus(p);
  return valideeParLesPartenaires(p)
    ? null
    : `${quoi} attend la validation de tous les partenaires : avis attendu de ${attendus.join(', ')}.`;
};

const exigerAttribution = (p: Proposition, quoi: string): string | null =>
  p.caleol?.decision === 'attribution' ? null : `${quoi} suit l’attribution du logement par la CALEOL : enregistrez d’abord sa décision.`;

function controleEtape(p: Proposition, e: EvenementProposition, ctx: ContexteProposition): string | null {
  const r = ctx.reglages;
  switch (e.type) {
    case 'avis': {
      if (!p.partenaires.includes(e.partenaire))
        return `${e.partenaire} n’est pas appelé à valider cette proposition (partenaires : ${p.partenaires.join(', ')}).`;
      const deja = p.avis[e.partenaire];
      if (deja) return `${e.partenaire} a déjà donné son avis le ${le(deja.date)}.`;
      if (e.avis === 'defavorable' && e.motif.trim() === '') return `Indiquez le motif de l’avis défavorable de ${e.partenaire}.`;
      return null;
    }
    case 'caleol':
      if (p.caleol) return `La CALEOL a déjà statué le ${le(p.caleol.date)}.`;
      if (e.decision === 'refus' && e.motif.trim() === '') return 'Indiquez le motif du refus de la CALEOL.';
      return (
        exigerValidation(p, 'La CALEOL') ??
        (e.date < dernierAvis(p)
          ? `La CALEOL ne peut pas statuer avant le dernier avis des partenaires, donné le ${le(dernierAvis(p))}.`
          : null)
      );
    case 'visite':
      if (p.reponse) return `Le ménage a déjà répondu le ${le(p.reponse.date)} : la visite ne peut plus être modifiée.`;
      if (r.visiteApresCaleol) {
        const manque = exigerAttribution(p, 'Sur ce territoire, la visite');
        if (manque) return manque;
        if (p.caleol && e.date < p.caleol.date)
          return `La visite ne peut pas précéder la décision de la CALEOL, prise le ${le(p.caleol.date)}.`;
      }
      return (
        exigerValidation(p, 'La visite') ??
        (e.date < dernierAvis(p) ? `La visite ne peut pas précéder le dernier avis des partenaires, donné le ${le(dernierAvis(p))}.` : null)
      );
    case 'offre_notifiee':
      if (p.offreNotifieeLe) return `L’offre écrite a déjà été notifiée le ${le(p.offreNotifieeLe)}.`;
      if (p.reponse) return `Le ménage a déjà répondu le ${le(p.reponse.date)}.`;
      return (
        exigerAttribution(p, 'L’offre écrite') ??
        (p.caleol && e.date < p.caleol.date
          ? `L’offre écrite ne peut pas précéder la décision de la CALEOL, prise le ${le(p.caleol.date)}.`
          : null)
      );
    case 'reponse':
    case 'absence_reponse': {
      if (p.reponse) return `La réponse du ménage est déjà enregistrée (le ${le(p.reponse.date)}).`;
      if (!p.visite) return 'La réponse du ménage suit la visite du logement : enregistrez d’abord la visite.';
      if (e.date < p.visite.date)
        return `La réponse est datée du ${le(e.date)}, avant la visite du ${le(p.visite.date)} : vérifiez les dates.`;
      if (e.type === 'reponse')
        return e.decision === 'refus' && e.motif === null ? 'Indiquez le motif du refus du ménage, choisi dans la liste.' : null;
      const echeance = echeanceSilence(p, r);
      if (echeance === null)
        return 'Le silence du ménage ne vaut refus qu’après une offre écrite notifiée indiquant le délai de réponse (CCH R441-10) : enregistrez d’abord la notification de l’offre écrite.';
      return e.date > echeance
        ? null
        : `Le ménage a jusqu’au ${le(echeance)} pour répondre : son silence ne vaut refus qu’après cette date.`;
    }
    case 'bail_signe': {
      if (p.reponse?.decision !== 'acceptation') return 'Le bail suit l’acceptation du ménage : enregistrez d’abord sa réponse.';
      const manque = exigerAttribution(p, 'La signature du bail');
      if (manque) return manque;
      if (e.date < p.reponse.date) return `Le bail ne peut pas être signé avant l’acceptation du ménage, le ${le(p.reponse.date)}.`;
      return verifierDateRelogement(e.date, ctx.aujourdhui, ctx.suivi)[0]?.message ?? null;
    }
    case 'retrait':
      return e.motif.trim() === '' ? 'Indiquez pourquoi la proposition est retirée.' : null;
    case 'refus_legitime':
      return controleRefusLegitime(p, e);
    case 'conge':
      return controleConge(p, e, ctx);
    case 'suite_juridique':
      return controleSuiteJuridique(p, e, ctx);
  }
}

type Evenement<T extends TypeEvenementProposition> = Extract<EvenementProposition, { type: T }>;

function controleRefusLegitime(p: Proposition, e: Evenement<'refus_legitime'>): string | null {
  if (!refusParLeMenage(p) || !p.reponse) return 'Seul un refus du ménage peut être reconnu légitime : enregistrez d’abord sa réponse.';
  if (p.refusLegitime) return `Ce refus a déjà été reconnu légitime le ${le(p.refusLegitime.date)}.`;
  if (p.suiteJuridique)
    return `Le dossier a été transmis à la suite juridique le ${le(p.suiteJuridique.transmisLe)} : le refus ne peut plus être reconnu légitime.`;
  if (e.date < p.reponse.date) return `Le refus ne peut pas être reconnu légitime avant d’avoir été exprimé, le ${le(p.reponse.date)}.`;
  return e.motif.trim() === '' ? 'Indiquez pourquoi le refus est légitime (logement inadapté, loyer trop élevé…).' : null;
}

/** The congé goes with the binding proposal (charte §3.4 C): the one after the last counted refusal but one. */
function controleConge(p: Proposition, e: Evenement<'conge'>, ctx: ContexteProposition): string | null {
  const max = ctx.reglages.maxPropositions;
  if (p.temporaire) return 'Un relogement temporaire ne s’accompagne pas d’un congé.';
  if (p.conge) return `Le congé a déjà été remis le ${le(p.conge.notifieLe)}.`;
  const avant = refusComptesJusqua(p, ctx.propositionsDuMenage ?? [], false);
  if (avant < max - 1)
    return `Le congé accompagne la proposition opposable, faite après ${max - 1} refus du ménage qui comptent ; il n’y en a que ${avant} avant celle-ci.`;
  if (p.retrait || p.bailSigneLe || p.reponse?.decision === 'acceptation')
    return `La proposition est ${LIBELLES_ETAT_PROPOSITION[etatProposition(p)].toLowerCase()} : le congé n’a plus d’objet.`;
  const manque = exigerAttribution(p, 'Le congé');
  if (manque) return manque;
  if (e.envoyeLe < p.proposeeLe) return `Le congé ne peut pas être envoyé avant la proposition, faite le ${le(p.proposeeLe)}.`;
  if (e.date < e.envoyeLe) return `Le congé ne peut pas être remis (le ${le(e.date)}) avant d’avoir été envoyé (le ${le(e.envoyeLe)}).`;
  return e.preuve.trim() === ''
    ? 'Indiquez la preuve de remise : numéro de l’accusé de réception ou référence de l’acte de l’huissier.'
    : null;
}

const PIECES_EXIGEES = ['conge', 'preuve_remise_conge'] as const;

function controleSuiteJuridique(p: Proposition, e: Evenement<'suite_juridique'>, ctx: ContexteProposition): string | null {
  const max = ctx.reglages.maxPropositions;
  if (p.suiteJuridique) return `Le dossier a déjà été transmis le ${le(p.suiteJuridique.transmisLe)} à ${p.suiteJuridique.destinataire}.`;
  if (!refusParLeMenage(p) || p.refusLegitime)
    return 'Le dossier va à la suite juridique après un refus du ménage qui compte : celui-ci n’est pas refusé ou son refus est reconnu légitime.';
  if (!p.conge) return 'Le dossier va à la suite juridique avec le congé et sa preuve de remise : enregistrez d’abord le congé.';
  const refus = refusComptesJusqua(p, ctx.propositionsDuMenage ?? [], true);
  if (refus < max) return `Le ménage n’a refusé que ${refus} proposition(s) qui compte(nt) sur ${max} : pas de suite juridique.`;
  if (e.date < p.conge.notifieLe) return `Le dossier ne peut pas être transmis avant la remise du congé, le ${le(p.conge.notifieLe)}.`;
  if (e.destinataire.trim() === '') return 'Indiquez à qui le dossier est transmis (service juridique, avocat…).';
  const manquantes = PIECES_EXIGEES.filter((x) => !e.pieces.includes(x));
  return manquantes.length === 0
    ? null
    : `Joignez au dossier : ${manquantes.map((x) => LIBELLES_PIECE_SUITE_JURIDIQUE[x].toLowerCase()).join(', ')}.`;
}

function appliquer(p: Proposition, e: EvenementProposition): Proposition {
  switch (e.type) {
    case 'avis':
      return { ...p, avis: { ...p.avis, [e.partenaire]: { avis: e.avis, date: e.date, motif: e.motif } } };
    case 'caleol':
      return { ...p, caleol: { date: e.date, decision: e.decision, motif: e.motif } };
    case 'visite':
      return { ...p, visite: { date: e.date, heure: e.heure } };
    case 'offre_notifiee':
      return { ...p, offreNotifieeLe: e.date };
    case 'reponse':
      return {
        ...p,
        reponse: { date: e.date, decision: e.decision, motif: e.decision === 'refus' ? e.motif : null, commentaire: e.commentaire },
      };
    case 'absence_reponse':
      return { ...p, reponse: { date: e.date, decision: 'sans_reponse', motif: null, commentaire: '' } };
    case 'bail_signe':
      return { ...p, bailSigneLe: e.date };
    case 'retrait':
      return { ...p, retrait: { date: e.date, motif: e.motif } };
    case 'refus_legitime':
      return { ...p, refusLegitime: { date: e.date, motif: e.motif } };
    case 'conge':
      return { ...p, conge: { mode: e.mode, envoyeLe: e.envoyeLe, notifieLe: e.date, preuve: e.preuve } };
    case 'suite_juridique':
      return { ...p, suiteJuridique: { transmisLe: e.date, destinataire: e.destinataire, pieces: e.pieces, commentaire: e.commentaire } };
  }
}

export function appliquerEvenement(p: Proposition, e: EvenementProposition, ctx: ContexteProposition): Resultat<Proposition> {
  const manque = controleCommun(p, e, ctx) ?? controleEtape(p, e, ctx);
  return manque === null ? accepte(appliquer(p, e)) : refuse(manque);
}
