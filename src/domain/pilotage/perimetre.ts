import type { Menage, Residence } from '../menage/index.ts';
import type { Offre } from '../offre/index.ts';
import type { AuteurRefus } from '../proposition/index.ts';
import type { DonneesPilotage } from './donnees.ts';
import type { FaitChiffre } from './faits.ts';
import { filtreSurLesLogements, filtreSurLesMenages, memeNom, type FiltresPilotage } from './filtres.ts';
import { dansPeriode, type Periode } from './periode.ts';

// The records a report counts once the filters are applied: the households of the operation or
// résidence, the dwellings matching the dwelling filters, the events dated in the period.

export type Relogement = {
  proposition: FaitChiffre;
  bailSigneLe: string;
  offre: Offre | null;
  menage: Menage;
  residence: Residence | null;
};
/** A proposal refused in the period, by whom and when (a territory has over a hundred thousand: no object of its own). */
export type Refusee = FaitChiffre & { refusPar: AuteurRefus; refusLe: string };

export type Perimetre = {
  menages: Menage[];
  menagesParId: Map<string, Menage>;
  /** Dwellings made available in the period. */
  offres: Offre[];
  /** Proposals of the households in scope on a matching dwelling, whatever their date. */
  propositions: FaitChiffre[];
  relogements: Relogement[];
  refus: Refusee[];
  residences: Map<string, Residence>;
  offresParId: Map<string, Offre>;
  /**
   * The leases signed in the other period asked for (the yearly review's year), gathered in the same pass when
   * the filters are the period alone (the households and dwellings in scope are then every one); else null.
   */
  relogementsAutrePeriode: Relogement[] | null;
  /** The dwellings are filtered (by the filters or a landlord's own report): households count by what they were proposed there. */
  surLesLogements: boolean;
};

export type OptionsPerimetre = {
  /**
   * Count only the dwellings proposed to the households in scope: an officer's caseload, or one
   * operation, did not receive every dwelling of the organisation.
   */
  offresProposeesSeulement: boolean;
  /**
   * A landlord's own report: only the dwellings of this landlord's organisation (matched when the
   * offer was typed, `Offre.bailleurId`), whichever organisation's household was proposed or
   * relocated there, as its flux objectives count them (AMP art. 12 and annex 4).
   */
  bailleurId?: string | null;
};

export const rapportDUnBailleur = (options: OptionsPerimetre): boolean => (options.bailleurId ?? null) !== null;
/** Whether the report counts only some dwellings: a dwelling filter, or a landlord's own report. */
const surLesLogements = (f: FiltresPilotage, options: OptionsPerimetre): boolean => filtreSurLesLogements(f) || rapportDUnBailleur(options);

function logementRetenu(o: Offre | null | undefined, f: FiltresPilotage, options: OptionsPerimetre): boolean {
  if (!o) return !surLesLogements(f, options);
  return (
    (!rapportDUnBailleur(options) || o.bailleurId === options.bailleurId) &&
    (f.bailleur === null || memeNom(o.bailleur, f.bailleur)) &&
    (f.commune === null || memeNom(o.commune, f.commune)) &&
    (f.qpv === null || o.qpv === f.qpv) &&
    (f.typologie === null || o.typologie === f.typologie) &&
    (f.financement === null || o.financement === f.financement)
  );
}

export function perimetre(d: DonneesPilotage, f: FiltresPilotage, options: OptionsPerimetre, autrePeriode?: Periode): Perimetre {
  const residences = new Map(d.residences.filter((r) => !r.supprime).map((r) => [r.id, r]));
  const offresParId = new Map(d.offres.filter((o) => !o.supprime).map((o) => [o.id, o]));
  const menages = d.menages.filter((m) => {
    if (m.supprime) return false;
    if (f.residenceId !== null && m.residenceId !== f.residenceId) return false;
    return f.operationId === null || residences.get(m.residenceId)?.operationId === f.operationId;
  });
  const menagesParId = new Map(menages.map((m) => [m.id, m]));
  const propositions: FaitChiffre[] = [];
  const relogements: Relogement[] = [];
  const refus: Refusee[] = [];
  const filtreLogements = surLesLogements(f, options);
  const autres =
    autrePeriode && !filtreLogements && !filtreSurLesMenages(f) ? { periode: autrePeriode, relogements: [] as Relogement[] } : null;
  for (const p of d.propositions) {
    const menage = menagesParId.get(p.menageId);
    if (menage === undefined) continue;
    const offre = offresParId.get(p.offreId);
    if (filtreLogements && !logementRetenu(offre, f, options)) continue;
    propositions.push(p);
    const signe = !p.retiree && dansPeriode(p.bailSigneLe, f.periode);
    const signeAutre = autres !== null && !p.retiree && dansPeriode(p.bailSigneLe, autres.periode);
    if (signe || signeAutre) {
      const r: Relogement = {
        proposition: p,
        bailSigneLe: p.bailSigneLe as string,
        offre: offre ?? null,
        menage,
        residence: residences.get(menage.residenceId) ?? null,
      };
      if (signe) relogements.push(r);
      if (signeAutre) autres.relogements.push(r);
    }
    if (p.refusPar !== null && dansPeriode(p.refusLe, f.periode)) refus.push(p as Refusee);
  }
  const restreindre = options.offresProposeesSeulement || filtreSurLesMenages(f);
  const proposees = restreindre ? new Set(propositions.map((p) => p.offreId)) : null;
  const offres = [...offresParId.values()].filter(
    (o) => dansPeriode(o.dateDisponibilite, f.periode) && logementRetenu(o, f, options) && (proposees === null || proposees.has(o.id)),
  );
  return {
    menages,
    menagesParId,
    offres,
    propositions,
    relogements,
    refus,
    residences,
    offresParId,
    relogementsAutrePeriode: autres?.relogements ?? null,
    surLesLogements: filtreLogements,
  };
}
