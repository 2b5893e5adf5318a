import { ageEnAnnees } from '../occupation/index.ts';
import { cleRessource, totauxMensuels, type Reponse } from '../entretien/index.ts';
import { parseDateIso, parseNombreFr } from '../commun/index.ts';
import type { Personne } from '../menage/index.ts';
import { dernierMoisConnu, estimerAideApresRelogement, type DispositifAide, type SourceRessources, type ZoneApl } from '../apl/index.ts';
import { personnesPresentes } from './depuis-entretien.ts';

// The "after" APL when the officer leaves it empty (issue 5 §4): estimated from what the app
// knows, with its basis and barème month. A month past the known barème uses the last known
// month, and says so: no value is invented for a barème not yet published.

export type ContexteAplApres = {
  date: string;
  zone: ZoneApl | null;
  /** The offer's landlord is a social one (conventioned dwelling, RLS). */
  bailleurSocial: boolean;
  loyerApres: number;
  /** Today's rent and aid, to calibrate the resource base on. */
  loyerAvant: number | null;
  aplAvant: number | null;
  reponses: Readonly<Record<string, Reponse>>;
  personnes: readonly Personne[];
};

export type AplEstimee =
  | { ok: true; montant: number; explication: string; fourchette: { min: number; max: number }; remarques: string[] }
  | { ok: false; message: string };

const moisLong = (mois: string) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${mois}-01T00:00:00Z`));

const estAdulteDuCouple = (p: Personne) => p.lien === 'titulaire' || p.lien === 'conjoint';

/** Children under 21 and disabled adults other than the couple count as dependants (CCH L823-2, simplified). */
function aCharge(p: Personne, date: string): boolean {
  if (estAdulteDuCouple(p)) return false;
  const age = parseDateIso(p.dateNaissance) ? ageEnAnnees(p.dateNaissance, date) : null;
  return p.handicap || (age !== null && age < 21);
}

const NATURES_SALAIRE = ['salaire', 'chomage'] as const;
const NATURES_PENSION = ['retraite', 'pensionRecue'] as const;

/** Yearly taxable incomes per person from the interview's monthly amounts (average × 12). */
function revenusAnnuels(reponses: Readonly<Record<string, Reponse>>, personnes: readonly Personne[]) {
  const ids = personnes.map((p) => p.id);
  const mois = totauxMensuels(reponses, ids).map((m) => m.rang);
  const somme = (id: string, natures: readonly string[]) =>
    mois.reduce(
      (s, rang) =>
        s +
        natures.reduce((t, nature) => {
          const r = reponses[cleRessource(id, rang, nature as Parameters<typeof cleRessource>[2])];
          const n = r && typeof r.valeur === 'string' ? parseNombreFr(r.valeur) : null;
          return t + (n !== null && n > 0 ? n : 0);
        }, 0),
      0,
    );
  const annuel = (id: string, natures: readonly string[]) => (mois.length === 0 ? 0 : (somme(id, natures) / mois.length) * 12);
  return personnes.map((p) => ({ salairesEtChomage: annuel(p.id, NATURES_SALAIRE), pensions: annuel(p.id, NATURES_PENSION) }));
}

export function estimerAplApres(c: ContexteAplApres): AplEstimee {
  if (c.zone === null)
    return { ok: false, message: 'Zone APL du logement inconnue : choisissez-la pour estimer l’APL, ou saisissez l’APL.' };
  if (c.loyerApres <= 0) return { ok: false, message: 'Loyer du logement proposé nul : saisissez l’APL.' };
  const presentes = personnesPresentes(c.personnes);
  const demande = c.date.slice(0, 7);
  const dernier = dernierMoisConnu();
  const mois = demande > dernier ? dernier : demande;
  const couple = presentes.some((p) => p.lien === 'conjoint');
  const personnesACharge = Math.min(presentes.filter((p) => aCharge(p, c.date)).length, 20);
  const handicap = presentes.some((p) => estAdulteDuCouple(p) && p.handicap);
  const dispositifSans: DispositifAide = couple || personnesACharge > 0 ? 'ALF' : 'ALS';
  const situation = { mois, zone: c.zone, couple, personnesACharge, handicap };
  // Households of a renewal operation live in social housing today: their aid is an APL with RLS.
  const ressources: SourceRessources =
    c.aplAvant !== null && c.aplAvant > 0 && c.loyerAvant !== null && c.loyerAvant > 0
      ? {
          type: 'calibration',
          logementActuel: { ...situation, dispositif: 'APL', bailleurSocial: true, loyer: c.loyerAvant, aideActuelle: c.aplAvant },
        }
      : { type: 'revenus', revenus: { mois, personnes: revenusAnnuels(c.reponses, presentes.length > 0 ? presentes : []) } };
  const logement = {
    ...situation,
    dispositif: c.bailleurSocial ? 'APL' : dispositifSans,
    bailleurSocial: c.bailleurSocial,
    loyer: c.loyerApres,
  };
  const r = estimerAideApresRelogement({ logement, ressources });
  if (!r.ok) return { ok: false, message: `APL non estimée : ${r.erreurs.map((e) => e.message).join(' ')} Saisissez l’APL.` };
  const remarques: string[] = [];
  if (mois !== demande)
    remarques.push(
      `Le barème APL connu s’arrête en ${moisLong(dernier)} : celui de ${moisLong(dernier)} est appliqué pour ${moisLong(demande)}.`,
    );
  if (r.value.noteRessources) remarques.push(r.value.noteRessources);
  return { ok: true, montant: r.value.aide, explication: r.value.explication, fourchette: r.value.fourchette, remarques };
}
