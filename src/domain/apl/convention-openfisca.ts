import { arrondiNumpy } from './arrondis.ts';
import type { ParametresMois } from './bareme.ts';
import type { EntreeAide } from './entree.ts';
import { coefficientDegressivite, type Bases, participationMinimale, tauxLoyer } from './formule.ts';

// The chain as openfisca-france computes it (aides_logement.py, reduction_loyer_solidarite.py;
// docs/apl.md, « Deux conventions d'arrondi »): rent rounded to the euro, RL and TL unrounded, payment threshold before
// the taper, net = round₂(A′ − 0.5 % × A′). The reference cases' amounts to the cent use it.

export type CalculOpenFisca = {
  plafondLoyer: number;
  loyerRetenu: number;
  forfaitCharges: number;
  participationPersonnelle: number;
  rls: number;
  /** Monthly aid net of RLS and CRDS, to the cent. */
  aide: number;
};

export function calculOpenFisca(p: ParametresMois, e: EntreeAide, b: Bases, ressources: number): CalculOpenFisca {
  const plafond = arrondiNumpy(b.plafondBrut, 2);
  const loyerReel = arrondiNumpy(b.loyerPaye);
  const loyerRetenu = Math.min(loyerReel, plafond);
  const tauxParticipation = b.tauxFamille + tauxLoyer(p, loyerRetenu / b.loyerReference);
  const participationPersonnelle =
    participationMinimale(p, loyerRetenu, b.charges, (x) => x) + tauxParticipation * Math.max(0, ressources - b.r0);
  const avantSeuil = Math.max(0, loyerRetenu + b.charges - participationPersonnelle);
  const avantDegressivite = avantSeuil >= b.seuil ? avantSeuil : 0;
  const apresDegressivite = arrondiNumpy(avantDegressivite * coefficientDegressivite(p, e, plafond, loyerReel, arrondiNumpy), 2);
  const brut = Math.max(0, apresDegressivite - p.minorationForfaitaire);
  const apresRls = Math.max(0, brut - b.rls * p.reductionLoyerSolidarite.fractionBaisseAPL);
  return {
    plafondLoyer: plafond,
    loyerRetenu,
    forfaitCharges: b.charges,
    participationPersonnelle,
    rls: b.rls,
    // OpenFisca adds the (negative) CRDS to the amount: the same operations give the same cent.
    aide: arrondiNumpy(apresRls + -apresRls * p.crds, 2),
  };
}
