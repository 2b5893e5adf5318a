import { arrondiNumpy, arrondiTexte, centaineSuperieure } from './arrondis.ts';
import { BAREME_APL, type BaremeApl, type ParametresMois, type PeriodeBareme } from './bareme.ts';
import { calculOpenFisca } from './convention-openfisca.ts';
import { calculTexte } from './convention-texte.ts';
import { bases } from './formule.ts';
import { schemaEntree, valider, type DispositifAide, type EntreeAide, type ResultatApl } from './entree.ts';

// One estimate, in both conventions: `aide` to the cent as OpenFisca gives it, `montantVerse` in
// whole euros as the text pays it (issue 5 §2).

export type EstimationAide = {
  mois: string;
  dispositif: DispositifAide;
  /** The barème period whose values were used. */
  periodeBareme: PeriodeBareme;
  /** R as the formula uses it: the annual base rounded up to the hundred euros. */
  ressourcesRetenues: number;
  /** Monthly aid net of RLS and CRDS, to the cent (OpenFisca's convention). */
  aide: number;
  /** Whole euros paid under the text (D823-16). */
  montantVerse: number;
  /** Monthly réduction de loyer de solidarité granted by the social landlord (0 when none). */
  rls: number;
  /** Rent ceiling for the zone and household (arrêté du 27 septembre 2019, art. 7). */
  plafondLoyer: number;
  loyerRetenu: number;
  forfaitCharges: number;
  participationPersonnelle: number;
  /** The text's own intermediate figures, as its Catala formalisation reports them. */
  texte: { participationPersonnelle: number; montantBrut: number };
};

function parametresConnus(bareme: BaremeApl, mois: string): { parametres: ParametresMois; periode: PeriodeBareme } {
  const parametres = bareme.parametres(mois);
  const periode = bareme.periode(mois);
  if (!parametres || !periode) throw new RangeError(`Mois ${mois} hors du barème : validez l’entrée avec creerSchemaEntree.`);
  return { parametres, periode };
}

/** The estimate for an input already validated against this barème. */
export function calculerAide(e: EntreeAide, bareme: BaremeApl = BAREME_APL): EstimationAide {
  const { parametres, periode } = parametresConnus(bareme, e.mois);
  const ressources = centaineSuperieure(e.ressourcesAnnuelles);
  const b = bases(parametres, e, ressources);
  const openfisca = calculOpenFisca(parametres, e, b, ressources);
  const texte = calculTexte(parametres, e, b, ressources);
  return {
    mois: e.mois,
    dispositif: e.dispositif,
    periodeBareme: periode,
    ressourcesRetenues: ressources,
    aide: openfisca.aide,
    montantVerse: texte.montantVerse,
    rls: openfisca.rls,
    plafondLoyer: openfisca.plafondLoyer,
    loyerRetenu: openfisca.loyerRetenu,
    forfaitCharges: arrondiNumpy(openfisca.forfaitCharges, 2),
    participationPersonnelle: arrondiNumpy(openfisca.participationPersonnelle, 2),
    texte: { participationPersonnelle: arrondiTexte(texte.participationPersonnelle), montantBrut: texte.montantBrut },
  };
}

/** Validates any input (typed, CLI or UI) and estimates the aid, or names each bad field. */
export function estimerAide(brut: unknown, bareme: BaremeApl = BAREME_APL): ResultatApl<EstimationAide> {
  const entree = valider(schemaEntree(bareme), brut);
  return entree.ok ? { ok: true, value: calculerAide(entree.value, bareme) } : entree;
}
