import {
  BAREME_EXEMPLE,
  DEPENSES_DECLAREES,
  agenda,
  choisirBareme,
  echeanceEnquete,
  echeancesVisites,
  replanifierEnquete,
  replanifierVisites,
  simuler,
  verifierEnquete,
  verifierVisite,
} from '../domain/index.ts';
import type {
  BaremeCalcul,
  Chiffres,
  Depenses,
  DossierAgenda,
  EnqueteSatisfaction,
  ErreurChamp,
  EvenementAgenda,
  GrilleVisite,
  LogementSimule,
  Menage,
  ReglagesSimulation,
  SimulationEnregistree,
  StatutMenage,
  VisiteCourtoisie,
} from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { contexteAgenda } from './contexte-agenda.ts';
import { ecrire } from './ecriture.ts';
import { modifierDateEntretien, ouvrirEntretien } from './entretiens.ts';
import { uuidv7 } from './ids.ts';
import { occupantsDuMenageAReloger } from './menages.ts';
import { lireParametres } from './parametres.ts';
import { operationsReunions } from './reunions.ts';

// Follow-up after the move (charte §4 steps 13 and 14) and the officer's "À faire": the
// relocation date on the household, its courtesy visits and survey, and the agenda of the caseload.

const vivant = <T extends { supprime?: boolean | undefined }>(r: T | undefined): r is T => r !== undefined && !r.supprime;

export const lireVisite = (db: RelogementDb, id: string) => db.visites.get(id);
export const lireEnquete = (db: RelogementDb, id: string) => db.enquetes.get(id);

export async function visitesDuMenage(db: RelogementDb, menageId: string): Promise<VisiteCourtoisie[]> {
  const toutes = await db.visites.where('menageId').equals(menageId).toArray();
  return toutes.filter(vivant).sort((a, b) => a.numero - b.numero || a.id.localeCompare(b.id));
}

export async function enqueteDuMenage(db: RelogementDb, menageId: string): Promise<EnqueteSatisfaction | null> {
  const toutes = await db.enquetes.where('menageId').equals(menageId).toArray();
  return toutes.filter(vivant).sort((a, b) => a.id.localeCompare(b.id))[0] ?? null;
}

/** The household's follow-up: relocation date, due dates, and the records already opened. */
export async function suiviDuMenage(db: RelogementDb, menageId: string) {
  const [menage, visites, enquete, parametres] = await Promise.all([db.menages.get(menageId), visitesDuMenage(db, menageId), enqueteDuMenage(db, menageId), lireParametres(db)]);
  const dateRelogement = menage?.dateRelogement ?? null;
  return {
    dateRelogement,
    visites,
    enquete,
    echeancesVisites: dateRelogement === null ? [] : echeancesVisites(dateRelogement, parametres.suivi),
    echeanceEnquete: dateRelogement === null ? null : echeanceEnquete(dateRelogement, parametres.suivi),
    reglages: parametres,
  };
}

const AVANT_RELOGEMENT: readonly StatutMenage[] = ['a_rencontrer', 'entretien', 'dossier', 'oriente', 'proposition'];

/**
 * Records the lease signature (or clears it with null). Once signed, a household still in the search
 * becomes "relogé"; appointments not yet held move with the new date, held ones keep theirs.
 */
export async function enregistrerRelogement(db: RelogementDb, menageId: string, date: string | null, aujourdhui: string): Promise<Menage> {
  const menage = await ecrire<Menage>(db, 'menages', menageId, (m) => {
    if (!m) throw new Error(`Ménage introuvable : ${menageId}`);
    const statut = date !== null && date <= aujourdhui && AVANT_RELOGEMENT.includes(m.statut) ? 'reloge' : m.statut;
    return { ...m, dateRelogement: date, statut };
  });
  if (date === null) return menage;
  const { suivi } = await lireParametres(db);
  for (const v of replanifierVisites(await visitesDuMenage(db, menageId), date, suivi)) {
    await ecrire<VisiteCourtoisie>(db, 'visites', v.id, (courant) => (courant ? replanifierVisites([courant], date, suivi)[0] ?? courant : v));
  }
  const enquete = await enqueteDuMenage(db, menageId);
  if (enquete && replanifierEnquete(enquete, date, suivi)) {
    await ecrire<EnqueteSatisfaction>(db, 'enquetes', enquete.id, (courant) => (courant ? replanifierEnquete(courant, date, suivi) ?? courant : enquete));
  }
  return menage;
}

/** The report of visit n° `numero`, created on first use with its due date as planned date. */
export async function ouvrirVisite(db: RelogementDb, menageId: string, numero: number): Promise<VisiteCourtoisie> {
  const existante = (await visitesDuMenage(db, menageId)).find((v) => v.numero === numero);
  if (existante) return existante;
  const { echeancesVisites: echeances } = await suiviDuMenage(db, menageId);
  const id = uuidv7();
  const datePrevue = echeances.find((e) => e.numero === numero)?.echeance ?? null;
  return ecrire<VisiteCourtoisie>(db, 'visites', id, () => ({ id, menageId, numero, datePrevue }) as VisiteCourtoisie);
}

/** The household's satisfaction survey, created on first use with its due date as planned date. */
export async function ouvrirEnquete(db: RelogementDb, menageId: string): Promise<EnqueteSatisfaction> {
  const existante = await enqueteDuMenage(db, menageId);
  if (existante) return existante;
  const { echeanceEnquete: datePrevue } = await suiviDuMenage(db, menageId);
  const id = uuidv7();
  return ecrire<EnqueteSatisfaction>(db, 'enquetes', id, () => ({ id, menageId, datePrevue }) as EnqueteSatisfaction);
}

/** One change to a visit report, applied to the stored version so concurrent edits are kept. */
export function modifierVisite(db: RelogementDb, id: string, modifier: (v: VisiteCourtoisie) => VisiteCourtoisie): Promise<VisiteCourtoisie> {
  return ecrire<VisiteCourtoisie>(db, 'visites', id, (v) => {
    if (!v) throw new Error(`Visite introuvable : ${id}`);
    return modifier(v);
  });
}

export function modifierEnquete(db: RelogementDb, id: string, modifier: (e: EnqueteSatisfaction) => EnqueteSatisfaction): Promise<EnqueteSatisfaction> {
  return ecrire<EnqueteSatisfaction>(db, 'enquetes', id, (e) => {
    if (!e) throw new Error(`Enquête introuvable : ${id}`);
    return modifier(e);
  });
}

// ——— Budget after the move ———

export type MontantBudget = 'nouveauLoyer' | 'charges' | 'apl' | 'ressources';
type Budget = GrilleVisite['budget'];

/** What the figures of a visit are computed from, besides the amounts typed in the report. */
export type BaseBudget = {
  /** The household's latest saved simulation: its current dwelling gives the figures before the move. */
  simulation: SimulationEnregistree | null;
  occupants: number;
  bareme: BaremeCalcul | null;
  reglages: ReglagesSimulation;
  date: string;
};

const DEPENSES_NULLES = Object.fromEntries(DEPENSES_DECLAREES.map((d) => [d, 0])) as Depenses;

const logementApres = (b: Budget & { nouveauLoyer: number; apl: number }): LogementSimule => ({
  loyer: b.nouveauLoyer,
  chargesGenerales: b.charges ?? 0,
  eau: null,
  eauChaude: null,
  chauffage: null,
  apl: b.apl,
  surface: null,
  pieces: null,
  surfaceCuisine: null,
});

const chiffres = (s: { resteACharge: number; tauxEffort: number | null; resteAVivre: number }): Chiffres => ({ resteACharge: s.resteACharge, tauxEffort: s.tauxEffort, resteAVivre: s.resteAVivre });

/**
 * The three figures of charte §7.1 recomputed by the simulation engine: after the move from the
 * amounts of the visit (charges are the household's, the barème's flat rates fill the rest), before
 * it as the household's saved simulation computed them. Null until rent, APL and resources are known.
 */
export function chiffresBudget(b: Budget, base: BaseBudget): Pick<Budget, 'avant' | 'apres'> {
  const s = base.simulation;
  const avant = s ? chiffres(simuler(s.entree, { bareme: s.bareme, reglages: s.reglages }).avant) : null;
  const bareme = base.bareme ?? s?.bareme ?? null;
  const { nouveauLoyer, apl, ressources } = b;
  if (nouveauLoyer === null || apl === null || ressources === null || bareme === null) return { avant, apres: null };
  const logement = logementApres({ ...b, nouveauLoyer, apl });
  const composition = s?.entree.composition?.length === base.occupants ? s.entree.composition : undefined;
  const entree = {
    date: base.date,
    occupants: base.occupants,
    ...(composition ? { composition } : {}),
    ressourcesMensuelles: [ressources],
    depenses: s?.entree.depenses ?? DEPENSES_NULLES,
    avant: s?.entree.avant ?? logement,
    apres: logement,
    criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
  };
  return { avant, apres: chiffres(simuler(entree, { bareme, reglages: base.reglages }).apres) };
}

async function baseBudget(db: RelogementDb, menageId: string, date: string): Promise<BaseBudget> {
  const [simulations, personnes, baremes, parametres] = await Promise.all([
    db.simulations.where('menageId').equals(menageId).toArray(),
    occupantsDuMenageAReloger(db, menageId),
    db.baremes.toArray(),
    lireParametres(db),
  ]);
  const simulation = simulations.filter(vivant).sort((a, b) => b.creeLe.localeCompare(a.creeLe) || b.id.localeCompare(a.id))[0] ?? null;
  const presents = personnes.length;
  const occupants = presents > 0 ? presents : (simulation?.entree.occupants ?? 1);
  const bareme = choisirBareme(baremes, parametres.territoire, date, [BAREME_EXEMPLE]);
  return { simulation, occupants, bareme, reglages: parametres.simulation, date };
}

/** One amount of the visit's budget; the figures before and after the move are recomputed with it. */
export async function enregistrerMontant(db: RelogementDb, visiteId: string, champ: MontantBudget, valeur: number | null, aujourdhui: string): Promise<VisiteCourtoisie> {
  const visite = await db.visites.get(visiteId);
  if (!visite) throw new Error(`Visite introuvable : ${visiteId}`);
  const base = await baseBudget(db, visite.menageId, visite.date ?? aujourdhui);
  return modifierVisite(db, visiteId, (v) => {
    const budget = { ...v.grille.budget, [champ]: valeur };
    return { ...v, grille: { ...v.grille, budget: { ...budget, ...chiffresBudget(budget, base) } } };
  });
}

/**
 * The visit with its budget's figures as of now. They are stored only when an amount is typed, so
 * a report not yet filled in, or a simulation saved (or synced) since, would show none before the move.
 */
export async function visiteAvecBudgetAJour(db: RelogementDb, visite: VisiteCourtoisie, aujourdhui: string): Promise<VisiteCourtoisie> {
  const base = await baseBudget(db, visite.menageId, visite.date ?? aujourdhui);
  const { budget } = visite.grille;
  return { ...visite, grille: { ...visite.grille, budget: { ...budget, ...chiffresBudget(budget, base) } } };
}

export { vigilanceMenage } from './vigilance.ts';

// ——— Agenda ———

function grouperPar<T>(liste: readonly T[], cle: (x: T) => string): Map<string, T[]> {
  const groupes = new Map<string, T[]>();
  for (const x of liste) {
    const k = cle(x);
    const g = groupes.get(k);
    if (g) g.push(x);
    else groupes.set(k, [x]);
  }
  return groupes;
}


export type AgendaMenages = { evenements: EvenementAgenda[]; horizonJours: number; references: Map<string, string> };

/** Everything due across the households on this device (closed ones excepted) and their opérations' meetings, in chronological order. */
export async function agendaDesMenages(db: RelogementDb, aujourdhui: string): Promise<AgendaMenages> {
  const [menages, residences, entretiens, visites, enquetes, propositions, demenagements, parametres] = await Promise.all([
    db.menages.toArray(),
    db.residences.toArray(),
    db.entretiens.toArray(),
    db.visites.toArray(),
    db.enquetes.toArray(),
    db.propositions.toArray(),
    db.demenagements.toArray(),
    lireParametres(db),
  ]);
  const ouverture = new Map(residences.map((r) => [r.id, r.dateOuverture]));
  const entretiensDe = grouperPar(entretiens, (e) => e.menageId);
  const visitesDe = grouperPar(visites, (v) => v.menageId);
  const enquetesDe = grouperPar(enquetes.filter(vivant), (e) => e.menageId);
  const propositionsDe = grouperPar(propositions, (p) => p.menageId);
  const demenagementsDe = grouperPar(demenagements, (d) => d.menageId);
  const dossiers: DossierAgenda[] = [];
  const references = new Map<string, string>();
  for (const m of menages) {
    if (m.supprime || m.statut === 'clos') continue;
    references.set(m.id, m.reference);
    const sesEntretiens = entretiensDe.get(m.id) ?? [];
    // A held interview is a contact too; a draft dated ahead is only planned.
    const contacts = [m.dernierContact, ...sesEntretiens.filter((e) => !e.supprime && e.date <= aujourdhui).map((e) => e.date)].filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d));
    dossiers.push({
      menageId: m.id,
      nom: m.nom,
      dateOuvertureResidence: ouverture.get(m.residenceId) ?? null,
      entretiens: sesEntretiens,
      dernierContact: contacts.length > 0 ? contacts.reduce((a, b) => (a > b ? a : b)) : null,
      statut: m.statut,
      dateRelogement: m.dateRelogement ?? null,
      visites: visitesDe.get(m.id) ?? [],
      enquete: enquetesDe.get(m.id)?.[0] ?? null,
      pieces: [],
      propositions: propositionsDe.get(m.id) ?? [],
      demenagements: demenagementsDe.get(m.id) ?? [],
    });
  }
  const operations = await operationsReunions(db, menages, residences, entretiens);
  return { evenements: agenda(dossiers, contexteAgenda(parametres, aujourdhui), operations), horizonJours: parametres.agenda.horizonJours, references };
}

/** Natures whose appointment the agenda can set; the others are set on their own record. */
export const NATURES_PLANIFIABLES = ['visite_courtoisie', 'enquete_satisfaction', 'premier_entretien', 'contact'] as const;
export type NaturePlanifiable = (typeof NATURES_PLANIFIABLES)[number];
export const estPlanifiable = (e: Pick<EvenementAgenda, 'nature'>): e is EvenementAgenda & { nature: NaturePlanifiable } =>
  (NATURES_PLANIFIABLES as readonly string[]).includes(e.nature);

/** The rank of a courtesy visit from its agenda key ("…:visite_courtoisie:2"). */
export const numeroVisite = (e: Pick<EvenementAgenda, 'cle'>): number => Number(e.cle.split(':').at(-1));

/**
 * Sets the appointment of an agenda item: the visit or survey (created if needed) gets its date and
 * time, an interview its date. Nothing is written when the date precedes the relocation: the
 * messages are returned for the form, which keeps what was typed.
 */
export async function planifier(db: RelogementDb, e: EvenementAgenda & { nature: NaturePlanifiable }, date: string, heure: string | null, aujourdhui: string): Promise<ErreurChamp[]> {
  const menage = await db.menages.get(e.menageId);
  const ctx = { dateRelogement: menage?.dateRelogement ?? null, aujourdhui };
  const erreursPlanning = (erreurs: ErreurChamp[]) => erreurs.filter((x) => x.champ === 'datePrevue');
  if (e.nature === 'visite_courtoisie') {
    const visite = await ouvrirVisite(db, e.menageId, numeroVisite(e));
    const erreurs = erreursPlanning(verifierVisite({ ...visite, datePrevue: date, heurePrevue: heure }, ctx));
    if (erreurs.length === 0) await modifierVisite(db, visite.id, (v) => ({ ...v, datePrevue: date, heurePrevue: heure }));
    return erreurs;
  }
  if (e.nature === 'enquete_satisfaction') {
    const enquete = await ouvrirEnquete(db, e.menageId);
    const erreurs = erreursPlanning(verifierEnquete({ ...enquete, datePrevue: date, heurePrevue: heure }, ctx));
    if (erreurs.length === 0) await modifierEnquete(db, enquete.id, (x) => ({ ...x, datePrevue: date, heurePrevue: heure }));
    return erreurs;
  }
  if (date < aujourdhui) return [{ champ: 'datePrevue', message: 'Un entretien se planifie aujourd’hui ou plus tard.' }];
  const entretien = await ouvrirEntretien(db, e.menageId, aujourdhui);
  await modifierDateEntretien(db, entretien.id, date);
  return [];
}
