import { arrondiTexte, euroInferieur } from './arrondis.ts';
import type { ParametresMois } from './bareme.ts';
import type { EntreeAide } from './entree.ts';
import { coefficientDegressivite, type Bases, participationMinimale, tauxLoyer } from './formule.ts';

// The chain as the text states it, with the roundings of its Catala formalisation
// (catala-examples, aides_logement: D823-16 and arrêté du 27 septembre 2019 art. 12 and 14):
// exact decimals, RL rounded to 0.01 % and TL to 0.001 %, the payment threshold on the final
// amount before CRDS, the amount net of CRDS rounded down to the whole euro. With an RLS, 98 % of
// it comes off before that rounding (docs/apl.md, « Deux conventions d'arrondi »): how the CAF orders the two is not
// published, and this order keeps what is paid within 1 € of OpenFisca's amount.

export type CalculTexte = {
  participationPersonnelle: number;
  /** The whole euros paid plus the CRDS levied on them: Catala's "montant" when there is no RLS. */
  montantBrut: number;
  /** Whole euros actually paid. */
  montantVerse: number;
};

export function calculTexte(p: ParametresMois, e: EntreeAide, b: Bases, ressources: number): CalculTexte {
  const plafond = arrondiTexte(b.plafondBrut, 2);
  const loyerPrincipal = arrondiTexte(b.loyerPaye);
  const loyerRetenu = Math.min(loyerPrincipal, plafond);
  const rapportLoyers = arrondiTexte(loyerRetenu / b.loyerReference, 4);
  const tauxParticipation = b.tauxFamille + arrondiTexte(tauxLoyer(p, rapportLoyers), 5);
  const participationPersonnelle =
    participationMinimale(p, loyerRetenu, b.charges, arrondiTexte) + Math.max(0, arrondiTexte((ressources - b.r0) * tauxParticipation));
  const formule = Math.max(0, loyerRetenu + b.charges - participationPersonnelle);
  const diminue = arrondiTexte(formule * coefficientDegressivite(p, e, plafond, loyerPrincipal, arrondiTexte));
  const minore = Math.max(0, diminue - p.minorationForfaitaire);
  const apresRls = Math.max(0, minore - arrondiTexte(b.rls * p.reductionLoyerSolidarite.fractionBaisseAPL));
  if (apresRls < b.seuil) return { participationPersonnelle, montantBrut: 0, montantVerse: 0 };
  const crds = arrondiTexte(apresRls * p.crds);
  const montantVerse = Math.max(0, euroInferieur(apresRls - crds));
  return { participationPersonnelle, montantBrut: arrondiTexte(montantVerse + crds), montantVerse };
}
