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
// One record per year, shared by the organisations of a territory (the server keeps one per
// territory, docs/pilotage.md), whose entries are keyed: two users typing different landlords
// offline merge entry by entry. A landlord's entry is keyed by its organisation's id, chosen from
// the territory's organisations (a rename or a close name changes nothing); outside a territory, a
// landlord typed by name is keyed by its name. No personal data: stored and synced in clear.

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

/** The landlord's organisation in the territory (`GET /api/v1/territory/organisations`); null for a landlord typed by name outside any territory. */
const organisationIdSchema = idSchema.nullable().default(null);

export const objectifBailleurSchema = z.object({
  organisationId: organisationIdSchema,
  /** The landlord's name as shown when typed; the territory's list gives its current name. */
  bailleur: nom('le bailleur'),
  objectif: effectif('Objectif de relogements'),
});
export type ObjectifBailleur = z.infer<typeof objectifBailleurSchema>;

export const attributionsBailleurSchema = z.object({
  organisationId: organisationIdSchema,
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

/**
 * The landlord of the territory a name typed by hand designates, matched once at entry (an offer's
 * landlord): the one landlord whose name has the same key, else null (none, or several alike).
 */
export function bailleurDuTerritoire(
  nomSaisi: string,
  organisations: readonly { id: string; name: string; kind: string | null }[],
): string | null {
  const cle = cleEntree(nomSaisi);
  const memes = cle === '' ? [] : organisations.filter((o) => o.kind === 'bailleur' && cleEntree(o.name) === cle);
  return memes.length === 1 ? (memes[0]?.id ?? null) : null;
}

/** An entry's key: its landlord's organisation id, else its name's key (a réservataire, a landlord outside any territory). */
export const cleDe = (e: EntreeBilan<PartieBilan>): string =>
  'reservataire' in e ? cleEntree(e.reservataire) : (e.organisationId ?? cleEntree(e.bailleur));

/**
 * The year's review with the entries of one part replaced by `entrees`; with `seulement`, only the
 * entry under that key is replaced (a landlord's own total), the others' entries are kept.
 */
export function remplacerPartie<P extends PartieBilan>(
  bilan: BilanAnnuel | undefined,
  annee: number,
  partie: P,
  entrees: readonly EntreeBilan<P>[],
  seulement: string | null = null,
): BilanAnnuel {
  const base: BilanAnnuel = bilan ?? { id: idBilanAnnuel(annee), annee, objectifs: {}, attributions: {}, engagementsFlux: {} };
  const gardees = seulement === null ? [] : Object.entries(base[partie]).filter(([cle]) => cle !== seulement);
  const nouvelles = entrees.filter((e) => seulement === null || cleDe(e) === seulement).map((e) => [cleDe(e), e]);
  return { ...base, [partie]: Object.fromEntries([...gardees, ...nouvelles]) };
}

/**
 * Who types which part of the year's review. The métropole follows the flux conventions'
 * commitments with the State and the relocation platform (convention AMP, art. 12): their
 * encadrants (or an organisation of no declared type, on its own) type the landlords' objectives
 * and the réservataires' commitments for the whole territory; a landlord's encadrant or partner
 * account types its own total lettings only. A chargée types none, nor any other partner.
 */
export type DroitsBilanAnnuel = { objectifs: boolean; engagementsFlux: boolean; attributions: 'toutes' | 'les_siennes' | 'aucune' };

const PILOTES_DU_BILAN: readonly (string | null)[] = ['metropole', 'etat', 'plateforme', null];
export const REFUS_BILAN_ANNUEL =
  'Les objectifs des bailleurs et les engagements des réservataires sont saisis par un encadrant de la métropole, de l’État ou de la plateforme de relogement (convention de mutualisation, art. 12 et annexe 4) ; un bailleur renseigne seulement le total de ses propres attributions.';
export const REFUS_BAILLEUR_INCONNU =
  'Choisissez le bailleur parmi les organisations du territoire : l’objectif ou le total d’un bailleur est rangé sous son identifiant, pas sous son nom.';

export function droitsBilanAnnuel(role: string, typeOrganisation: string | null): DroitsBilanAnnuel {
  const aucun: DroitsBilanAnnuel = { objectifs: false, engagementsFlux: false, attributions: 'aucune' };
  if (typeOrganisation === 'bailleur' && ['encadrant', 'administrateur', 'partenaire'].includes(role))
    return { ...aucun, attributions: 'les_siennes' };
  if (role !== 'encadrant' && role !== 'administrateur') return aucun;
  return PILOTES_DU_BILAN.includes(typeOrganisation) ? { objectifs: true, engagementsFlux: true, attributions: 'toutes' } : aucun;
}

/** Who writes: the organisation's id, and whether it belongs to a territory (then a landlord is keyed by its id). */
export type AuteurBilan = { organisationId: string; territoire: boolean };

/**
 * Why a change of one field of the year's record is refused, or null (`champ` as synced: `annee`,
 * `objectifs.<clé>`…; `valeur` the entry written, null to remove it). An entry is stored under its
 * own key; in a territory a landlord's entry names its organisation; a landlord's own total is the
 * entry under its organisation's id, whatever its name.
 */
export function refusChampBilan(droits: DroitsBilanAnnuel, auteur: AuteurBilan, champ: string, valeur: unknown): string | null {
  const [partie, cle] = [champ.split('.')[0], champ.slice(champ.indexOf('.') + 1)];
  const permis =
    partie === 'id' || partie === 'annee'
      ? droits.objectifs || droits.attributions !== 'aucune'
      : partie === 'engagementsFlux'
        ? droits.engagementsFlux
        : partie === 'attributions'
          ? droits.attributions === 'toutes' || (droits.attributions === 'les_siennes' && cle === auteur.organisationId)
          : droits.objectifs;
  if (!permis) return REFUS_BILAN_ANNUEL;
  if (valeur === null || (partie !== 'objectifs' && partie !== 'attributions')) return null;
  const entree = (partie === 'objectifs' ? objectifBailleurSchema : attributionsBailleurSchema).safeParse(valeur);
  if (!entree.success) return null; // the schema's own message comes with the record's validation
  if (auteur.territoire && entree.data.organisationId === null) return REFUS_BAILLEUR_INCONNU;
  return cleDe(entree.data) === cle ? null : REFUS_BAILLEUR_INCONNU;
}
