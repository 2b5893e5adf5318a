import { z } from 'zod';
import donneesParDefaut from './bareme.json';
import { moisDe, moisPrecedent, premierJour } from './mois.ts';

// The barème as dated data (issue 5 §1): every parameter is a series of {depuis, valeur} with its
// source, and a month uses the values in force on its first day. New values are a data change:
// add the dated entries and move `meta.valideJusquAu`.

const jourIso = z.string().regex(/^\d{4}-\d{2}-01$/, 'date du premier jour d’un mois attendue (AAAA-MM-01)');

const serieSchema = z.object({
  source: z.string().min(1),
  valeurs: z
    .array(z.object({ depuis: jourIso, valeur: z.number() }))
    .min(1)
    .refine(
      (v) => v.every((e, i) => i === 0 || (v[i - 1]?.depuis ?? '') < e.depuis),
      'les valeurs doivent être classées par date croissante, sans doublon',
    ),
  derniereValeurVerifieeValideLe: z.string().optional(),
});
type Serie = z.infer<typeof serieSchema>;

const table4 = z.object({ isole: serieSchema, coupleSansPAC: serieSchema, unePAC: serieSchema, parPACSupplementaire: serieSchema });
const table9 = z.object({
  isole: serieSchema,
  coupleSansPAC: serieSchema,
  PAC1: serieSchema,
  PAC2: serieSchema,
  PAC3: serieSchema,
  PAC4: serieSchema,
  PAC5: serieSchema,
  PAC6: serieSchema,
  parPACAuDelaDe6: serieSchema,
});
const parZone = <T extends z.ZodType>(t: T) => z.object({ zone1: t, zone2: t, zone3: t });

const parametresSchema = z.object({
  loyersPlafonds: parZone(table4),
  coefficientsPlafond: z.object({ chambre: serieSchema }),
  loyerMeuble: z.object({ coefficient: serieSchema }),
  forfaitCharges: z.object({ casGeneral: z.object({ base: serieSchema, parPAC: serieSchema }) }),
  participationMinimaleP0: z.object({ taux: serieSchema, forfait: serieSchema }),
  tauxFamilleTF_metropole: table9,
  tauxLoyerTL: z.object({ seuil1: serieSchema, seuil2: serieSchema, taux2: serieSchema, taux3: serieSchema }),
  abattementR0: table9,
  degressivite: parZone(z.object({ degressivite: serieSchema, suppression: serieSchema })),
  minorationForfaitaire: serieSchema,
  seuilMinimumVersement: z.object({ apl: serieSchema, alNonApl: serieSchema }),
  crds: serieSchema,
  reductionLoyerSolidarite: z.object({
    fractionBaisseAPL: serieSchema,
    montantMensuel: parZone(table4),
    plafondRessourcesMensuel: parZone(table9),
  }),
  ressources: z.object({
    abattementFraisProTaux: serieSchema,
    abattementFraisProMin: serieSchema,
    abattementFraisProMax: serieSchema,
    abattementPensionsTaux: serieSchema,
    abattementPensionsMin: serieSchema,
  }),
});

export const donneesBaremeSchema = parametresSchema.extend({
  meta: z.looseObject({
    valideJusquAu: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue'),
    commit: z.string(),
  }),
});
export type DonneesBareme = z.infer<typeof donneesBaremeSchema>;

/** Every series replaced by its value on one day: what the formula reads for a month. */
type Resolu<T> = T extends Serie ? number : { [K in keyof T]: Resolu<T[K]> };
export type ParametresMois = Resolu<z.infer<typeof parametresSchema>>;

/** A stretch of months over which no value of the barème changes. */
export type PeriodeBareme = { debut: string; fin: string };

export type BaremeApl = {
  donnees: DonneesBareme;
  /** Consecutive periods from the first month every series covers to `meta.valideJusquAu`. */
  periodes: readonly PeriodeBareme[];
  /** The values in force on the month's first day, or null outside the known periods. */
  parametres(mois: string): ParametresMois | null;
  /** The period that contains the month, or null outside the known periods. */
  periode(mois: string): PeriodeBareme | null;
};

const estSerie = (n: unknown): n is Serie => typeof n === 'object' && n !== null && 'valeurs' in n;

function series(noeud: unknown): Serie[] {
  if (estSerie(noeud)) return [noeud];
  return Object.values(noeud as Record<string, unknown>).flatMap(series);
}

function valeurAu(serie: Serie, jour: string): number | undefined {
  let valeur: number | undefined;
  for (const e of serie.valeurs) if (e.depuis <= jour) valeur = e.valeur;
  return valeur;
}

function resoudre(noeud: unknown, jour: string): unknown {
  if (estSerie(noeud)) return valeurAu(noeud, jour);
  return Object.fromEntries(Object.entries(noeud as Record<string, unknown>).map(([cle, enfant]) => [cle, resoudre(enfant, jour)]));
}

function periodesDe(toutes: readonly Serie[], finValidite: string): PeriodeBareme[] {
  const debutCouverture = toutes.map((s) => s.valeurs[0]?.depuis ?? '').reduce((a, b) => (a > b ? a : b));
  const changements = [...new Set(toutes.flatMap((s) => s.valeurs.map((v) => v.depuis)))]
    .filter((j) => j > debutCouverture && j <= finValidite)
    .sort();
  const debuts = [debutCouverture, ...changements];
  return debuts.map((debut, i) => {
    const suivant = debuts[i + 1];
    return { debut: moisDe(debut), fin: suivant ? moisPrecedent(suivant) : moisDe(finValidite) };
  });
}

/** Validates a barème data file (same shape as bareme.json) and indexes it by month. */
export function chargerBaremeApl(brut: unknown): BaremeApl {
  const donnees = donneesBaremeSchema.parse(brut);
  const { meta: _meta, ...parametresDonnees } = donnees;
  const periodes = periodesDe(series(parametresDonnees), donnees.meta.valideJusquAu);
  const premier = periodes[0]?.debut ?? '';
  const dernier = periodes[periodes.length - 1]?.fin ?? '';
  // Estimating is a hot path (issue 5: 100,000 estimates in 200 ms): each month is resolved once.
  const parMois = new Map<string, { periode: PeriodeBareme; parametres: ParametresMois } | null>();
  const resoudreMois = (mois: string) => {
    if (parMois.has(mois)) return parMois.get(mois) ?? null;
    const periode = mois < premier || mois > dernier ? undefined : periodes.filter((p) => p.debut <= mois).pop();
    const resolu = periode ? { periode, parametres: resoudre(parametresDonnees, premierJour(mois)) as ParametresMois } : null;
    parMois.set(mois, resolu);
    return resolu;
  };
  return {
    donnees,
    periodes,
    periode: (mois) => resoudreMois(mois)?.periode ?? null,
    parametres: (mois) => resoudreMois(mois)?.parametres ?? null,
  };
}

export const BAREME_APL: BaremeApl = chargerBaremeApl(donneesParDefaut);

/** The months the default barème knows, period by period. */
export const PERIODES_CONNUES: readonly PeriodeBareme[] = BAREME_APL.periodes;

/** The last month with known values: a UI may fall back on it, saying so, for a later month. */
export function dernierMoisConnu(bareme: BaremeApl = BAREME_APL): string {
  return bareme.periodes[bareme.periodes.length - 1]?.fin ?? '';
}
