import { z } from 'zod';
import { idSchema, parseDateIso } from '../commun/index.ts';
import { cleNom } from './filtres.ts';

// What the yearly review needs that the records do not hold, typed for one year by an encadrant:
// - each landlord's yearly relocation objective (convention de mutualisation AMP, art. 3 and
//   annexe 4, revised every year);
// - each réservataire's commitment of dwellings of its flux given to relocation (convention de
//   gestion en flux, art. 3 and art. 6);
// - each landlord's total lettings of the year, dated and with its source, which the 11 % share
//   divides (charte §2.3, protocole interbailleurs).
// One record per year whose entries are keyed by name: two encadrants typing different landlords
// offline merge entry by entry. No personal data: it is stored and synced in clear, like the plans.

const nom = (quoi: string) =>
  z
    .string({ error: `Indiquez ${quoi}.` })
    .trim()
    .min(1, `Indiquez ${quoi}.`)
    .max(120, 'Nom trop long (120 caractères au plus).');
const effectif = (quoi: string) =>
  z
    .number({ error: `${quoi} : saisissez un nombre.` })
    .int(`${quoi} : nombre entier.`)
    .min(0, `${quoi} : le nombre ne peut pas être négatif.`)
    .max(1_000_000, `${quoi} : nombre improbable.`);

export const objectifBailleurSchema = z.object({
  bailleur: nom('le bailleur'),
  objectif: effectif('Objectif de relogements'),
});
export type ObjectifBailleur = z.infer<typeof objectifBailleurSchema>;

export const attributionsBailleurSchema = z.object({
  bailleur: nom('le bailleur'),
  attributions: effectif('Attributions de l’année'),
  /** The day the figure was given, so a report says how fresh it is. */
  saisiLe: z
    .string({ error: 'Indiquez la date de la donnée.' })
    .refine((d) => parseDateIso(d) !== null, 'Date de la donnée invalide : saisissez une date réelle (AAAA-MM-JJ).'),
  source: z
    .string({ error: 'Indiquez la source du chiffre.' })
    .trim()
    .min(1, 'Indiquez la source du chiffre (bilan annuel des attributions du bailleur, par exemple).')
    .max(300, 'Source trop longue (300 caractères au plus).'),
});
export type AttributionsBailleur = z.infer<typeof attributionsBailleurSchema>;

export const engagementFluxSchema = z.object({
  reservataire: nom('le réservataire'),
  engagement: effectif('Logements du flux engagés'),
});
export type EngagementFlux = z.infer<typeof engagementFluxSchema>;

const cle = z.string().min(1).max(130);
export const anneeBilanSchema = z
  .number({ error: 'Indiquez l’année.' })
  .int('L’année est un nombre entier.')
  .min(2000, 'Année improbable.')
  .max(2100, 'Année improbable.');

export const bilanAnnuelSchema = z.object({
  /** The year's own id (`idBilanAnnuel`): every tablet writes the same record for a year. */
  id: idSchema,
  annee: anneeBilanSchema,
  objectifs: z.record(cle, objectifBailleurSchema).default({}),
  attributions: z.record(cle, attributionsBailleurSchema).default({}),
  engagementsFlux: z.record(cle, engagementFluxSchema).default({}),
  supprime: z.boolean().optional(),
});
export type BilanAnnuel = z.infer<typeof bilanAnnuelSchema>;

/** The record of a year, the same on every tablet: `00000000-0000-4000-8000-000000002026`. */
export const idBilanAnnuel = (annee: number): string => `00000000-0000-4000-8000-${String(annee).padStart(12, '0')}`;

/** The key of a named entry: case, accents and punctuation aside, so « Logirem » and « LOGIREM » are one. */
export const cleEntree = (nomSaisi: string): string =>
  cleNom(nomSaisi)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export type PartieBilan = 'objectifs' | 'attributions' | 'engagementsFlux';
export type EntreeBilan<P extends PartieBilan> = BilanAnnuel[P][string];

/** The year's review with the entries of one part replaced by `entrees` (keyed by name). */
export function remplacerPartie<P extends PartieBilan>(
  bilan: BilanAnnuel | undefined,
  annee: number,
  partie: P,
  entrees: readonly EntreeBilan<P>[],
): BilanAnnuel {
  const base: BilanAnnuel = bilan ?? { id: idBilanAnnuel(annee), annee, objectifs: {}, attributions: {}, engagementsFlux: {} };
  const nomDe = (e: EntreeBilan<PartieBilan>) => ('reservataire' in e ? e.reservataire : e.bailleur);
  return { ...base, [partie]: Object.fromEntries(entrees.map((e) => [cleEntree(nomDe(e)), e])) };
}

/**
 * Who types which part of the year's review. The métropole follows the flux conventions'
 * commitments with the State and the relocation platform (convention AMP, art. 12): their
 * encadrants (or an organisation of no declared type, on its own) type the landlords' objectives
 * and the réservataires' commitments; a landlord's encadrant types its own total lettings only.
 * A chargée and a partner account type none (they never write reference data).
 */
export type DroitsBilanAnnuel = { objectifs: boolean; engagementsFlux: boolean; attributions: 'toutes' | 'les_siennes' | 'aucune' };

const PILOTES_DU_BILAN: readonly (string | null)[] = ['metropole', 'etat', 'plateforme', null];
export const REFUS_BILAN_ANNUEL =
  'Les objectifs des bailleurs et les engagements des réservataires sont saisis par un encadrant de la métropole, de l’État ou de la plateforme de relogement (convention de mutualisation, art. 12 et annexe 4) ; un bailleur renseigne seulement le total de ses propres attributions.';

export function droitsBilanAnnuel(role: string, typeOrganisation: string | null): DroitsBilanAnnuel {
  const aucun: DroitsBilanAnnuel = { objectifs: false, engagementsFlux: false, attributions: 'aucune' };
  if (role !== 'encadrant' && role !== 'administrateur') return aucun;
  if (PILOTES_DU_BILAN.includes(typeOrganisation)) return { objectifs: true, engagementsFlux: true, attributions: 'toutes' };
  return typeOrganisation === 'bailleur' ? { ...aucun, attributions: 'les_siennes' } : aucun;
}

/**
 * Whether a change of one field of the year's record is allowed (`champ` as synced: `annee`,
 * `objectifs.<clé>`…), `valeur` the entry written (null to remove it); `organisation` is the
 * writer's organisation name, a landlord's own entry being the one under its name.
 */
export function champBilanPermis(droits: DroitsBilanAnnuel, organisation: string, champ: string, valeur: unknown): boolean {
  const [partie, cle] = [champ.split('.')[0], champ.slice(champ.indexOf('.') + 1)];
  if (partie === 'id' || partie === 'annee') return droits.objectifs || droits.attributions !== 'aucune';
  if (partie === 'objectifs') return droits.objectifs;
  if (partie === 'engagementsFlux') return droits.engagementsFlux;
  if (partie !== 'attributions') return droits.objectifs;
  if (droits.attributions !== 'les_siennes') return droits.attributions === 'toutes';
  const nomEcrit = typeof valeur === 'object' && valeur !== null && 'bailleur' in valeur ? String(valeur.bailleur) : null;
  return cle === cleEntree(organisation) && (nomEcrit === null || cleEntree(nomEcrit) === cle);
}
