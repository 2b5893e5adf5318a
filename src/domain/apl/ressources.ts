import { z } from 'zod';
import { arrondiNumpy, centaineSuperieure } from './arrondis.ts';
import { BAREME_APL, type BaremeApl, type ParametresMois } from './bareme.ts';
import { libelleCouverture, parBareme, valider, type ResultatApl } from './entree.ts';
import { FORMAT_MOIS } from './mois.ts';

// Estimate of the annual resource base R from the yearly taxable incomes the interview holds
// (issue 5 §3; CCH R822-3 to R822-9 and D823-17 4°; OpenFisca aide_logement_base_ressources_individu):
// salaries and unemployment benefit lose 10 % within a floor and a cap, pensions 10 % with a
// floor, per person, then the total is rounded up to the hundred euros.

/** Relative spread on an estimated R that the estimate's range accounts for: a design choice
 * covering the rules below that the estimate leaves out, not a figure of the texts. */
export const ECART_RESSOURCES_ESTIMEES = 0.1;

const montant = (libelle: string) =>
  z
    .number({ error: `${libelle} : montant annuel en euros attendu.` })
    .min(0, `${libelle} : le montant ne peut pas être négatif.`)
    .max(10_000_000, `${libelle} : plus de 10 millions d’euros, vérifiez la saisie.`);

function creerSchemaRevenus(bareme: BaremeApl) {
  return z.object({
    mois: z
      .string({ error: 'Le mois est requis, au format AAAA-MM.' })
      .regex(FORMAT_MOIS, 'Le mois doit être au format AAAA-MM, par exemple "2025-10".')
      .refine((m) => bareme.periode(m) !== null, `Ce mois est hors du barème connu, qui va ${libelleCouverture(bareme)}.`),
    personnes: z
      .array(
        z.object({
          salairesEtChomage: montant('Salaires et allocations chômage imposables'),
          pensions: montant('Pensions, retraites et pensions alimentaires reçues').default(0),
        }),
        { error: 'Indiquez les revenus de chaque personne (liste).' },
      )
      .min(1, 'Indiquez les revenus d’au moins une personne.')
      .max(20, 'Au plus 20 personnes.'),
    autresRevenus: montant('Autres revenus imposables').default(0),
  });
}
export type RevenusImposables = z.input<ReturnType<typeof creerSchemaRevenus>>;
const schemaRevenus = parBareme(creerSchemaRevenus);

export type EstimationRessources = {
  /** R, rounded up to the hundred euros. */
  ressourcesAnnuelles: number;
  /** Incomes after the deductions, before rounding. */
  revenusNets: number;
  /** What the estimate does and leaves out, for the officer. */
  note: string;
};

type Abattements = ParametresMois['ressources'];

/** Income-tax deduction for professional expenses: 10 % within [min, max] (CGI art. 83 3°). */
function netDesFraisPro(a: Abattements, revenus: number): number {
  const abattement = arrondiNumpy(Math.min(Math.max(a.abattementFraisProTaux * revenus, a.abattementFraisProMin), a.abattementFraisProMax));
  return Math.max(0, revenus - abattement);
}

/** Income-tax deduction on pensions: 10 %, at least the floor (CGI art. 158 5° a). */
function netDesPensions(a: Abattements, pensions: number): number {
  return Math.max(0, pensions - arrondiNumpy(Math.max(a.abattementPensionsTaux * pensions, a.abattementPensionsMin)));
}

const euros = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n)} €`;

function note(a: Abattements): string {
  return (
    'Ressources estimées à partir des revenus imposables de l’année : salaires et allocations chômage diminués de ' +
    `${a.abattementFraisProTaux * 100} % (au moins ${euros(a.abattementFraisProMin)}, au plus ${euros(a.abattementFraisProMax)} par personne), ` +
    `pensions et retraites diminuées de ${a.abattementPensionsTaux * 100} % (au moins ${euros(a.abattementPensionsMin)}), autres revenus comptés en entier, ` +
    'total arrondi à la centaine d’euros supérieure. La CAF retient les revenus des mois M−13 à M−2 et des règles que cette estimation ignore : ' +
    'abattement de 30 % en cas de chômage indemnisé depuis plus de deux mois ou de retraite, neutralisation des revenus d’activité en cas de RSA ' +
    'ou de chômage non indemnisé, forfait étudiant, patrimoine au-delà de 30 000 €. ' +
    `La fourchette de l’aide tient compte d’un écart de ± ${ECART_RESSOURCES_ESTIMEES * 100} % sur ces ressources.`
  );
}

/** R estimated from yearly taxable incomes, with a note on how and how far to trust it. */
export function estimerRessources(brut: unknown, bareme: BaremeApl = BAREME_APL): ResultatApl<EstimationRessources> {
  const revenus = valider(schemaRevenus(bareme), brut);
  if (!revenus.ok) return revenus;
  const parametres = bareme.parametres(revenus.value.mois);
  if (!parametres) throw new RangeError('Mois validé mais absent du barème.');
  const a = parametres.ressources;
  const revenusNets =
    revenus.value.personnes.reduce((total, p) => total + netDesFraisPro(a, p.salairesEtChomage) + netDesPensions(a, p.pensions), 0) +
    revenus.value.autresRevenus;
  return { ok: true, value: { ressourcesAnnuelles: centaineSuperieure(revenusNets), revenusNets, note: note(a) } };
}
