import { mesurer, preparerMenage, preparerOffre, raisons, type ContexteAppariement, type MenagePrepare, type Mesure, type OffrePrepare } from './adequation.ts';
import { verifierOffre, type Offre } from './offre.ts';
import type { ProfilMenage } from './profil-menage.ts';

// Ranking offers for a household, or households for an offer: the pairs that meet every need
// first, then by score, then the cheapest after the move. The ranking is advice to the officer.

export type AvantApres<T> = { avant: T; apres: T };
export type Adequation = {
  menageId: string;
  offreId: string;
  /** 0 to 100. */
  score: number;
  /** False when a reduced-mobility or floor need is not met. */
  compatible: boolean;
  raisons: string[];
  resteACharge: AvantApres<number>;
  tauxEffort: AvantApres<number | null>;
  resteAVivre: AvantApres<number>;
};
export type OffreEcartee = { offreId: string; raisons: string[] };
export type Classement = { classement: Adequation[]; ecartees: OffreEcartee[] };
/** `limite`: how many of the best are returned, with their reasons. */
export type OptionsClassement = { limite?: number };

const meilleur = (a: Mesure, ia: number, b: Mesure, ib: number): boolean => {
  if (a.compatible !== b.compatible) return a.compatible;
  if (a.score !== b.score) return a.score > b.score;
  if (a.resteAChargeApres !== b.resteAChargeApres) return a.resteAChargeApres < b.resteAChargeApres;
  return ia < ib;
};

/** Indices of the `limite` best measures, best first: a short insertion list for a few, a sort for many. */
function meilleursRangs(mesures: readonly Mesure[], limite: number): number[] {
  const avant = (i: number, j: number) => meilleur(mesures[i] as Mesure, i, mesures[j] as Mesure, j);
  if (limite * 8 >= mesures.length) {
    return mesures
      .map((_, i) => i)
      .sort((i, j) => (i === j ? 0 : avant(i, j) ? -1 : 1))
      .slice(0, limite);
  }
  const rangs: number[] = [];
  for (let i = 0; i < mesures.length; i++) {
    if (rangs.length === limite && !avant(i, rangs[limite - 1] as number)) continue;
    let position = rangs.length;
    while (position > 0 && avant(i, rangs[position - 1] as number)) position--;
    rangs.splice(position, 0, i);
    if (rangs.length > limite) rangs.pop();
  }
  return rangs;
}

function decrire(m: MenagePrepare, o: OffrePrepare, x: Mesure, ctx: ContexteAppariement): Adequation {
  return {
    menageId: m.profil.id,
    offreId: o.offre.id,
    score: x.score,
    compatible: x.compatible,
    raisons: raisons(m, o, x, ctx),
    resteACharge: { avant: x.resteAChargeAvant, apres: x.resteAChargeApres },
    tauxEffort: { avant: x.tauxEffortAvant, apres: x.tauxEffortApres },
    resteAVivre: { avant: x.resteAVivreAvant, apres: x.resteAVivreApres },
  };
}

function offresDUnMenage(m: MenagePrepare, offres: readonly OffrePrepare[], ctx: ContexteAppariement, limite = offres.length): Adequation[] {
  const mesures = offres.map((o) => mesurer(m, o, ctx));
  return meilleursRangs(mesures, limite).map((i) => decrire(m, offres[i] as OffrePrepare, mesures[i] as Mesure, ctx));
}

function preparerOffres(offres: readonly Offre[]): { pretes: OffrePrepare[]; ecartees: OffreEcartee[] } {
  const pretes: OffrePrepare[] = [];
  const ecartees: OffreEcartee[] = [];
  for (const offre of offres) {
    if (offre.supprime) continue;
    const prete = preparerOffre(offre);
    if (prete) pretes.push(prete);
    else ecartees.push({ offreId: offre.id, raisons: verifierOffre(offre).map((e) => e.message) });
  }
  return { pretes, ecartees };
}

export function classerOffresPourMenage(profil: ProfilMenage, offres: readonly Offre[], ctx: ContexteAppariement, options: OptionsClassement = {}): Classement {
  const { pretes, ecartees } = preparerOffres(offres);
  return { classement: offresDUnMenage(preparerMenage(profil, ctx), pretes, ctx, options.limite), ecartees };
}

export function classerMenagesPourOffre(offre: Offre, profils: readonly ProfilMenage[], ctx: ContexteAppariement, options: OptionsClassement = {}): Classement {
  const { pretes, ecartees } = preparerOffres([offre]);
  const o = pretes[0];
  if (!o) return { classement: [], ecartees };
  const menages = profils.map((p) => preparerMenage(p, ctx));
  const mesures = menages.map((m) => mesurer(m, o, ctx));
  const classement = meilleursRangs(mesures, options.limite ?? menages.length).map((i) => decrire(menages[i] as MenagePrepare, o, mesures[i] as Mesure, ctx));
  return { classement, ecartees };
}

/** Every household against every offer, each household's offers ranked: the whole caseload at once. */
export function classerOffresPourMenages(
  profils: readonly ProfilMenage[],
  offres: readonly Offre[],
  ctx: ContexteAppariement,
  options: OptionsClassement = {},
): { parMenage: Map<string, Adequation[]>; ecartees: OffreEcartee[] } {
  const { pretes, ecartees } = preparerOffres(offres);
  const parMenage = new Map(profils.map((p) => [p.id, offresDUnMenage(preparerMenage(p, ctx), pretes, ctx, options.limite)]));
  return { parMenage, ecartees };
}
