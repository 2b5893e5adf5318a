import { z } from 'zod';
import type { ErreurChamp } from '../commun/index.ts';
import { BAREME_APL, type BaremeApl } from './bareme.ts';
import { FORMAT_MOIS, deMois, libelleMois } from './mois.ts';

// What the estimator needs to know about one household in one dwelling (issue 5 §5). Colocation,
// overseas departments and accession use other formulas: they are refused, never approximated.

export const DISPOSITIFS_AIDE = ['APL', 'ALF', 'ALS'] as const;
export type DispositifAide = (typeof DISPOSITIFS_AIDE)[number];
export const ZONES_APL = [1, 2, 3] as const;
export type ZoneApl = (typeof ZONES_APL)[number];
export const MAX_PERSONNES_A_CHARGE = 20;

export type ResultatApl<T> = { ok: true; value: T } | { ok: false; erreurs: ErreurChamp[] };

/** "d’octobre 2020 à septembre 2026": the months the barème knows. */
export function libelleCouverture(bareme: BaremeApl = BAREME_APL): string {
  const premiere = bareme.periodes[0];
  const derniere = bareme.periodes[bareme.periodes.length - 1];
  return premiere && derniere ? `${deMois(premiere.debut)} à ${libelleMois(derniere.fin)}` : 'vide';
}

const oui = (libelle: string) => z.boolean({ error: `« ${libelle} » attend vrai ou faux (true ou false).` });
const horsPerimetre = (message: string) => z.literal(false, { error: message }).optional();

function champsSituation(bareme: BaremeApl) {
  return {
    mois: z
      .string({ error: 'Le mois est requis, au format AAAA-MM (par exemple "2025-10").' })
      .regex(FORMAT_MOIS, 'Le mois doit être au format AAAA-MM, par exemple "2025-10".')
      .superRefine((mois, ctx) => {
        if (bareme.periode(mois) === null) {
          ctx.addIssue({ code: 'custom', message: `Le mois ${mois} est hors du barème connu, qui va ${libelleCouverture(bareme)}.` });
        }
      }),
    dispositif: z.enum(DISPOSITIFS_AIDE, { error: 'Le dispositif doit être "APL" (logement conventionné), "ALF" ou "ALS".' }),
    zone: z.union(
      ZONES_APL.map((z1) => z.literal(z1)),
      { error: 'La zone APL doit valoir 1, 2 ou 3.' },
    ),
    couple: oui('En couple'),
    personnesACharge: z
      .number({ error: 'Le nombre de personnes à charge doit être un nombre.' })
      .int('Le nombre de personnes à charge doit être un entier.')
      .min(0, 'Le nombre de personnes à charge ne peut pas être négatif.')
      .max(MAX_PERSONNES_A_CHARGE, `Le nombre de personnes à charge ne peut pas dépasser ${MAX_PERSONNES_A_CHARGE}.`),
    loyer: z
      .number({ error: 'Le loyer doit être un montant en euros par mois, hors charges.' })
      .positive('Le loyer mensuel hors charges doit être supérieur à 0 €.')
      .max(100_000, 'Le loyer mensuel dépasse 100 000 € : vérifiez la saisie.'),
    bailleurSocial: oui('Bailleur social').default(false),
    meuble: oui('Logement meublé').default(false),
    chambre: oui('Chambre').default(false),
    handicap: oui('Handicap (AAH ou AEEH)').default(false),
    colocation: horsPerimetre(
      'La colocation est hors du périmètre de l’estimateur (plafond et forfait de charges propres) : demandez le calcul à la CAF.',
    ),
    outreMer: horsPerimetre(
      'Les départements et collectivités d’outre-mer sont hors du périmètre de l’estimateur (barème propre) : demandez le calcul à la CAF.',
    ),
    accession: horsPerimetre('L’accession à la propriété est hors du périmètre de l’estimateur, qui ne calcule que l’aide des locataires.'),
  };
}

const montantAnnuel = (libelle: string) =>
  z
    .number({ error: `${libelle} doivent être un montant annuel en euros.` })
    .min(0, `${libelle} ne peuvent pas être négatives.`)
    .max(10_000_000, `${libelle} dépassent 10 millions d’euros : vérifiez la saisie.`);

type Coherence = { dispositif: DispositifAide; personnesACharge: number };

function verifierCoherence(entree: Coherence, ctx: z.RefinementCtx) {
  if (entree.dispositif === 'ALS' && entree.personnesACharge > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['dispositif'],
      message:
        'L’ALS ne concerne que les ménages sans personne à charge : avec des personnes à charge, le dispositif est l’ALF (ou l’APL en logement conventionné).',
    });
  }
}

export function creerSchemaEntree(bareme: BaremeApl) {
  return z
    .object({ ...champsSituation(bareme), ressourcesAnnuelles: montantAnnuel('Les ressources annuelles') })
    .superRefine(verifierCoherence);
}

export function creerSchemaCalibration(bareme: BaremeApl) {
  return z
    .object({
      ...champsSituation(bareme),
      aideActuelle: z
        .number({ error: 'L’aide actuelle doit être un montant en euros par mois.' })
        .min(0, 'L’aide actuelle ne peut pas être négative.')
        .max(10_000, 'L’aide actuelle dépasse 10 000 € par mois : vérifiez la saisie.'),
    })
    .superRefine(verifierCoherence);
}

/** One schema per barème, built on first use: zod schemas are costly to build, cheap to run. */
export function parBareme<S>(fabrique: (bareme: BaremeApl) => S): (bareme: BaremeApl) => S {
  const faits = new WeakMap<BaremeApl, S>();
  return (bareme) => {
    const connu = faits.get(bareme);
    if (connu) return connu;
    const schema = fabrique(bareme);
    faits.set(bareme, schema);
    return schema;
  };
}

export const schemaEntree = parBareme(creerSchemaEntree);
export const schemaCalibration = parBareme(creerSchemaCalibration);

/** The estimator's input (issue 5 §5), validated against the default barème. */
export const aplInputSchema = schemaEntree(BAREME_APL);
export type EntreeAide = z.output<typeof aplInputSchema>;
export type EntreeCalibration = z.output<ReturnType<typeof creerSchemaCalibration>>;
export type SituationLogement = Omit<EntreeAide, 'ressourcesAnnuelles'>;

/** One French message per bad field, the field named by its path ("personnes.0.pensions"). */
export function erreursDe(erreur: z.ZodError): ErreurChamp[] {
  const parChamp = new Map<string, string>();
  for (const issue of erreur.issues) {
    const champ = issue.path.map(String).join('.') || 'entrée';
    if (!parChamp.has(champ)) parChamp.set(champ, issue.message);
  }
  return [...parChamp].map(([champ, message]) => ({ champ, message }));
}

export function valider<T>(schema: z.ZodType<T>, brut: unknown): ResultatApl<T> {
  const r = schema.safeParse(brut);
  return r.success ? { ok: true, value: r.data } : { ok: false, erreurs: erreursDe(r.error) };
}
