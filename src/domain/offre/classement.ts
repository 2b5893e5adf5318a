import {
  mesureVide,
  mesurer,
  mesurerDans,
  preparerMenage,
  preparerOffre,
  raisons,
  type ContexteAppariement,
  type MenagePrepare,
  type Mesure,
  type OffrePrepare,
} from './adequation.ts';
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

/** What orders the pairs, kept in flat arrays: a ranking measures up to a million of them. */
type Cles = { compatible: Uint8Array; score: Float64Array; resteAChargeApres: Float64Array };

function noter(n: number, mesurerRang: (x: Mesure, i: number) => void): Cles {
  const cles: Cles = { compatible: new Uint8Array(n), score: new Float64Array(n), resteAChargeApres: new Float64Array(n) };
  const x = mesureVide();
  for (let i = 0; i < n; i++) {
    mesurerRang(x, i);
    cles.compatible[i] = x.compatible ? 1 : 0;
    cles.score[i] = x.score;
    cles.resteAChargeApres[i] = x.resteAChargeApres;
  }
  return cles;
}

/** Meets every need, then higher score, then lower reste à charge after, then first given. */
function meilleur(c: Cles, i: number, j: number): boolean {
  if (c.compatible[i] !== c.compatible[j]) return c.compatible[i] === 1;
  if (c.score[i] !== c.score[j]) return (c.score[i] ?? 0) > (c.score[j] ?? 0);
  if (c.resteAChargeApres[i] !== c.resteAChargeApres[j]) return (c.resteAChargeApres[i] ?? 0) < (c.resteAChargeApres[j] ?? 0);
  return i < j;
}

/** Indices of the `limite` best pairs, best first: a short insertion list for a few, a sort for many. */
function meilleursRangs(c: Cles, limite: number): number[] {
  const n = c.score.length;
  if (limite * 8 >= n) {
    return Array.from({ length: n }, (_, i) => i)
      .sort((i, j) => (i === j ? 0 : meilleur(c, i, j) ? -1 : 1))
      .slice(0, limite);
  }
  const rangs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rangs.length === limite && !meilleur(c, i, rangs[limite - 1] as number)) continue;
    let position = rangs.length;
    while (position > 0 && meilleur(c, i, rangs[position - 1] as number)) position--;
    rangs.splice(position, 0, i);
    if (rangs.length > limite) rangs.pop();
  }
  return rangs;
}

function decrire(m: MenagePrepare, o: OffrePrepare, ctx: ContexteAppariement): Adequation {
  const x = mesurer(m, o, ctx);
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

function offresDUnMenage(
  m: MenagePrepare,
  offres: readonly OffrePrepare[],
  ctx: ContexteAppariement,
  limite = offres.length,
): Adequation[] {
  const cles = noter(offres.length, (x, i) => mesurerDans(x, m, offres[i] as OffrePrepare, ctx));
  return meilleursRangs(cles, limite).map((i) => decrire(m, offres[i] as OffrePrepare, ctx));
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

export function classerOffresPourMenage(
  profil: ProfilMenage,
  offres: readonly Offre[],
  ctx: ContexteAppariement,
  options: OptionsClassement = {},
): Classement {
  const { pretes, ecartees } = preparerOffres(offres);
  return { classement: offresDUnMenage(preparerMenage(profil, ctx), pretes, ctx, options.limite), ecartees };
}

export function classerMenagesPourOffre(
  offre: Offre,
  profils: readonly ProfilMenage[],
  ctx: ContexteAppariement,
  options: OptionsClassement = {},
): Classement {
  const { pretes, ecartees } = preparerOffres([offre]);
  const o = pretes[0];
  if (!o) return { classement: [], ecartees };
  const menages = profils.map((p) => preparerMenage(p, ctx));
  const cles = noter(menages.length, (x, i) => mesurerDans(x, menages[i] as MenagePrepare, o, ctx));
  const classement = meilleursRangs(cles, options.limite ?? menages.length).map((i) => decrire(menages[i] as MenagePrepare, o, ctx));
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
