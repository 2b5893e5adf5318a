import { arrondiTexte, euroInferieur } from './arrondis.ts';
import type { ParametresMois } from './bareme.ts';
import type { EntreeAide } from './entree.ts';
import { bases, coefficientDegressivite, participationMinimale, tauxLoyer } from './formule.ts';

// The chain as the text states it, in the order and with the roundings of its Catala
// formalisation (catala-examples, aides_logement: D823-16 and arrêté du 27 septembre 2019
// art. 14): exact decimals, RL rounded to 0.01 % and TL to 0.001 %, the CRDS-net amount rounded
// down to the euro then the CRDS added back, 98 % of the RLS taken off, the payment threshold
// last; what is paid is that amount less its CRDS, in whole euros.

export type CalculTexte = {
  participationPersonnelle: number;
  /** Catala's "montant": the aid after RLS and threshold, CRDS included. */
  montantBrut: number;
  /** Whole euros actually paid. */
  montantVerse: number;
};

export function calculTexte(p: ParametresMois, e: EntreeAide, ressources: number): CalculTexte {
  const b = bases(p, e, ressources, arrondiTexte);
  const loyerPrincipal = arrondiTexte(b.loyerPaye);
  const loyerRetenu = Math.min(loyerPrincipal, b.plafond);
  const rapportLoyers = arrondiTexte(loyerRetenu / b.loyerReference, 4);
  const tauxParticipation = b.tauxFamille + arrondiTexte(tauxLoyer(p, rapportLoyers), 5);
  const participationPersonnelle =
    participationMinimale(p, loyerRetenu, b.charges, arrondiTexte) + Math.max(0, arrondiTexte((ressources - b.r0) * tauxParticipation));
  const formule = Math.max(0, loyerRetenu + b.charges - participationPersonnelle);
  const diminue = arrondiTexte(formule * coefficientDegressivite(p, e, b, loyerPrincipal, arrondiTexte));
  const minore = Math.max(0, diminue - p.minorationForfaitaire);
  const crds = arrondiTexte(minore * p.crds);
  const arrondiCrds = Math.max(0, euroInferieur(minore - crds) + crds);
  const apresRls = Math.max(0, arrondiTexte(arrondiCrds - arrondiTexte(b.rls * p.reductionLoyerSolidarite.fractionBaisseAPL)));
  const montantBrut = apresRls < b.seuil ? 0 : apresRls;
  return {
    participationPersonnelle,
    montantBrut,
    montantVerse: Math.max(0, euroInferieur(montantBrut - arrondiTexte(montantBrut * p.crds))),
  };
}
