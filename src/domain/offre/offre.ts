import { z } from 'zod';
import { idSchema, parseDateIso, propositionReferentielChamps, enumeration, type ValeurDe } from '../commun/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import { montantSchema, type Sujet } from '../simulation/index.ts';

// A dwelling made available for relocation (docs/domaine.md §6; AMP annexe 5, flux annexe 3). The
// stored record keeps whatever was typed or imported, so a half-filled offer is never lost;
// `offreCompleteSchema` says what an offer needs before it can be simulated or proposed.

const typologies = enumeration({ T1: 'T1', T2: 'T2', T3: 'T3', T4: 'T4', T5: 'T5', T6: 'T6 et plus' });
export const TYPOLOGIES = typologies.valeurs;
export type Typologie = ValeurDe<typeof typologies>;
export const LIBELLES_TYPOLOGIE = typologies.libelles;
/** Main rooms of a type: the n of Tn (T6 stands for six or more). */
export const piecesDeTypologie = (t: Typologie): number => TYPOLOGIES.indexOf(t) + 1;

const statutsOffre = enumeration({
  brouillon: 'À compléter',
  disponible: 'Disponible',
  proposee: 'Proposée à un ménage',
  attribuee: 'Attribuée',
  retiree: 'Retirée',
});
export const STATUTS_OFFRE = statutsOffre.valeurs;
export const LIBELLES_STATUT_OFFRE = statutsOffre.libelles;

export const MODES_CHAUFFAGE = ['individuel', 'collectif'] as const;
const energiesChauffage = enumeration({
  gaz: 'Gaz',
  electricite: 'Électricité',
  reseau_chaleur: 'Réseau de chaleur',
  fioul: 'Fioul',
  bois: 'Bois',
  pompe_a_chaleur: 'Pompe à chaleur',
  autre: 'Autre',
});
export const ENERGIES_CHAUFFAGE = energiesChauffage.valeurs;
export const LIBELLES_ENERGIE = energiesChauffage.libelles;
export const CLASSES_DPE = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export const STATIONNEMENTS = ['garage', 'parking', 'aucun'] as const;
export const FINANCEMENTS = ['PLAI', 'PLUS', 'PLS', 'PLI', 'autre'] as const;
export const ZONES_APL = [1, 2, 3] as const;

const texte = (max: number) => z.string().max(max, `Texte trop long (${max} caractères au plus).`).default('');
const nombre = z.number({ error: 'Saisissez un nombre.' }).nullable().default(null);
const ouiNon = z.boolean().nullable().default(null);
const choix = <T extends readonly [string, ...string[]]>(valeurs: T) =>
  z
    .enum(valeurs, { error: `Choisissez parmi : ${valeurs.join(', ')}.` })
    .nullable()
    .default(null);
const date = z.string().max(10).nullable().default(null);

const offreChamps = {
  id: idSchema,
  statut: z.enum(STATUTS_OFFRE).default('brouillon'),
  bailleur: texte(120),
  /**
   * The landlord's organisation in the territory, matched once from the name typed, at entry
   * (docs/pilotage.md): the yearly review counts the offer for that organisation whatever its
   * name becomes. Null when the name matches no landlord of the territory.
   */
  bailleurId: idSchema.nullable().default(null),
  rpls: texte(40),
  referenceBailleur: texte(60),
  residence: texte(120),
  batiment: texte(60),
  numero: texte(30),
  adresse: texte(300),
  codePostal: texte(10),
  commune: texte(120),
  qpv: ouiNon,
  typologie: choix(TYPOLOGIES),
  surface: nombre,
  /** 0 = rez-de-chaussée. */
  etage: nombre,
  ascenseur: ouiNon,
  pmr: ouiNon,
  chauffageMode: choix(MODES_CHAUFFAGE),
  chauffageEnergie: choix(ENERGIES_CHAUFFAGE),
  dpe: choix(CLASSES_DPE),
  stationnement: choix(STATIONNEMENTS),
  garageObligatoire: ouiNon,
  loyerGarage: nombre,
  cave: ouiNon,
  balcon: ouiNon,
  financement: choix(FINANCEMENTS),
  periodeConstruction: texte(40),
  /** The réservataire whose flux the dwelling comes from; empty when none (convention de gestion en flux, art. 3). */
  reservataire: texte(120),
  /** First letting, conventionnement and réhabilitation: each may make the dwelling recent (charte §2.3 C). */
  datePremiereLocation: date,
  dateConventionnement: date,
  dateRehabilitation: date,
  /** Only the year of first letting, as older records and some exports give it; the full date prevails. */
  anneePremiereLocation: nombre,
  loyer: nombre,
  /** All charges on the rent receipt, water and heating included when they are. */
  charges: nombre,
  eauComprise: z.boolean().default(false),
  eauChaudeComprise: z.boolean().default(false),
  chauffageCompris: z.boolean().default(false),
  /** The part of `charges` for each of them, when the landlord details it. */
  dontEau: nombre,
  dontEauChaude: nombre,
  dontChauffage: nombre,
  dateDisponibilite: date,
  dateCaleol: date,
  dateLimiteDesignation: date,
  contactNom: texte(120),
  contactTelephone: texte(40),
  contactCourriel: texte(200),
  zoneApl: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { error: 'La zone APL est 1, 2 ou 3.' })
    .nullable()
    .default(null),
  observations: texte(2000),
  supprime: z.boolean().optional(),
  ...propositionReferentielChamps,
};

export const offreSchema = z.object(offreChamps);
export type Offre = z.infer<typeof offreSchema>;

const requis = (message: string) => z.string().trim().min(1, message).max(300, 'Texte trop long.');
const montantFacultatif = (s: Sujet) => montantSchema(s).nullable().default(null);
const dateReelle = (nom: string) => date.refine((d) => d === null || parseDateIso(d) !== null, `${nom} : date invalide (AAAA-MM-JJ).`);

export const offreCompleteSchema = z
  .object({
    ...offreChamps,
    commune: requis('Indiquez la commune du logement.'),
    adresse: requis('Indiquez l’adresse du logement.'),
    typologie: z.enum(TYPOLOGIES, { error: 'Indiquez la typologie du logement (T1 à T6).' }),
    surface: z.number({ error: 'Indiquez la surface habitable (m²).' }).positive('La surface habitable doit être positive.'),
    etage: z
      .number({ error: 'L’étage doit être un nombre entier.' })
      .int('L’étage doit être un nombre entier.')
      .min(-1, 'Étage improbable.')
      .nullable()
      .default(null),
    loyer: montantSchema({ nom: 'le loyer' }),
    charges: montantSchema({ nom: 'les charges', feminin: true, pluriel: true }),
    loyerGarage: montantFacultatif({ nom: 'le loyer du garage' }),
    dontEau: montantFacultatif({ nom: 'la part d’eau froide des charges', feminin: true }),
    dontEauChaude: montantFacultatif({ nom: 'la part d’eau chaude des charges', feminin: true }),
    dontChauffage: montantFacultatif({ nom: 'la part de chauffage des charges', feminin: true }),
    anneePremiereLocation: z
      .number()
      .int('Année entière attendue.')
      .min(1800, 'Année de première location improbable.')
      .max(2100, 'Année de première location improbable.')
      .nullable()
      .default(null),
    datePremiereLocation: dateReelle('Date de première location'),
    dateConventionnement: dateReelle('Date de conventionnement'),
    dateRehabilitation: dateReelle('Date de réhabilitation'),
    dateDisponibilite: dateReelle('Date de disponibilité'),
    dateCaleol: dateReelle('Date de CALEOL'),
    dateLimiteDesignation: dateReelle('Date limite de désignation'),
  })
  .superRefine((o, ctx) => {
    const parts =
      (o.eauComprise ? (o.dontEau ?? 0) : 0) +
      (o.eauChaudeComprise ? (o.dontEauChaude ?? 0) : 0) +
      (o.chauffageCompris ? (o.dontChauffage ?? 0) : 0);
    if (parts > o.charges)
      ctx.addIssue({ code: 'custom', path: ['charges'], message: 'Les parts d’eau et de chauffage dépassent le montant des charges.' });
    if (o.garageObligatoire && o.loyerGarage === null)
      ctx.addIssue({ code: 'custom', path: ['loyerGarage'], message: 'Le garage est obligatoire : indiquez son loyer.' });
  });
export type OffreComplete = z.infer<typeof offreCompleteSchema>;

/** What keeps a stored offer from being simulated or proposed; empty when it is complete. */
export function verifierOffre(offre: Offre): ErreurChamp[] {
  const r = offreCompleteSchema.safeParse(offre);
  return r.success ? [] : r.error.issues.map((i) => ({ champ: i.path.map(String).join('.'), message: i.message }));
}
