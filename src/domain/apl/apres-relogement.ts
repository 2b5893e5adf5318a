import { centaineSuperieure } from './arrondis.ts';
import { BAREME_APL, type BaremeApl } from './bareme.ts';
import { calibrerRessources } from './calibrage.ts';
import type { ErreurChamp } from '../commun/index.ts';
import { valider, schemaEntree, type DispositifAide, type ResultatApl } from './entree.ts';
import { calculerAide, type EstimationAide } from './estimer.ts';
import { deMois } from './mois.ts';
import { ECART_RESSOURCES_ESTIMEES, estimerRessources } from './ressources.ts';

// The "after" aid of a relocation simulation (issue 5 §3–§4): the new dwelling is known, the
// resource base comes from the CAF (typed), from today's aid (calibrated) or from taxable
// incomes (estimated); the answer says which, with the barème month and a range.

export type SourceRessources =
  | { type: 'saisie'; ressourcesAnnuelles: number }
  | { type: 'calibration'; logementActuel: unknown }
  | { type: 'revenus'; revenus: unknown };
export type BaseRessources = SourceRessources['type'];

export type EstimationApresRelogement = EstimationAide & {
  base: BaseRessources;
  /** Resource bases the range was computed over. */
  ressources: { min: number; max: number };
  /** Lowest and highest monthly aid over those bases, in either convention. */
  fourchette: { min: number; max: number };
  /** "estimée : barème d’octobre 2025, ressources calibrées sur l’APL actuelle". */
  explication: string;
  /** How an estimated resource base was built and what it leaves out. */
  noteRessources: string | null;
};

type Ressources = { base: BaseRessources; r: number; min: number; max: number; note: string | null; dispositifActuel?: DispositifAide };

const prefixer = (prefixe: string, erreurs: ErreurChamp[]) => erreurs.map((e) => ({ champ: `${prefixe}.${e.champ}`, message: e.message }));

function ressourcesDe(source: SourceRessources, bareme: BaremeApl): ResultatApl<Ressources> {
  switch (source.type) {
    case 'saisie':
      return {
        ok: true,
        value: {
          base: 'saisie',
          r: source.ressourcesAnnuelles,
          min: source.ressourcesAnnuelles,
          max: source.ressourcesAnnuelles,
          note: null,
        },
      };
    case 'calibration': {
      const c = calibrerRessources(source.logementActuel, bareme);
      if (!c.ok) return { ok: false, erreurs: prefixer('logementActuel', c.erreurs) };
      const { ressourcesAnnuelles: r, min, max, dispositif } = c.value;
      return { ok: true, value: { base: 'calibration', r, min, max, note: null, dispositifActuel: dispositif } };
    }
    case 'revenus': {
      const e = estimerRessources(source.revenus, bareme);
      if (!e.ok) return { ok: false, erreurs: prefixer('revenus', e.erreurs) };
      const r = e.value.ressourcesAnnuelles;
      return {
        ok: true,
        value: {
          base: 'revenus',
          r,
          min: centaineSuperieure(r * (1 - ECART_RESSOURCES_ESTIMEES)),
          max: centaineSuperieure(r * (1 + ECART_RESSOURCES_ESTIMEES)),
          note: e.value.note,
        },
      };
    }
  }
}

const LIBELLES_BASE: Record<BaseRessources, (dispositifActuel?: DispositifAide) => string> = {
  saisie: () => 'ressources saisies (base retenue par la CAF)',
  calibration: (d) => `ressources calibrées sur l’${d ?? 'aide'} actuelle`,
  revenus: () => 'ressources estimées depuis les revenus imposables',
};

/** The basis of an estimate in a sentence the UI can show beside the amount. */
export function expliquerEstimation(
  base: BaseRessources,
  mois: string,
  bareme: BaremeApl = BAREME_APL,
  dispositifActuel?: DispositifAide,
): string {
  const periode = bareme.periode(mois);
  const bareMois = periode ? `barème ${deMois(periode.debut)}` : 'barème inconnu';
  return `estimée : ${bareMois}, ${LIBELLES_BASE[base](dispositifActuel)}`;
}

/** The aid in the new dwelling, with its basis, barème month and range. */
export function estimerAideApresRelogement(
  demande: { logement: unknown; ressources: SourceRessources },
  bareme: BaremeApl = BAREME_APL,
): ResultatApl<EstimationApresRelogement> {
  const ressources = ressourcesDe(demande.ressources, bareme);
  if (!ressources.ok) return ressources;
  const { base, r, min, max, note, dispositifActuel } = ressources.value;
  const entree = valider(schemaEntree(bareme), { ...(demande.logement as object), ressourcesAnnuelles: r });
  if (!entree.ok)
    return {
      ok: false,
      erreurs: entree.erreurs.map((e) =>
        e.champ === 'ressourcesAnnuelles'
          ? { champ: 'ressources.ressourcesAnnuelles', message: e.message }
          : { champ: `logement.${e.champ}`, message: e.message },
      ),
    };
  const estimation = calculerAide(entree.value, bareme);
  const montants: number[] = [];
  for (let rr = min; rr <= max; rr += 100) {
    const e = calculerAide({ ...entree.value, ressourcesAnnuelles: rr }, bareme);
    montants.push(e.aide, e.montantVerse);
  }
  return {
    ok: true,
    value: {
      ...estimation,
      base,
      ressources: { min, max },
      fourchette: { min: Math.min(...montants), max: Math.max(...montants) },
      explication: expliquerEstimation(base, entree.value.mois, bareme, dispositifActuel),
      noteRessources: note,
    },
  };
}
