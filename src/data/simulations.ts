import {
  BAREME_EXEMPLE,
  POSTES_FSL,
  STATUTS_RELOGE,
  ancienneReponseHebergement,
  baremeFslSchema,
  choisirBareme,
  droitsDesHebergesALaPcdid,
  occupantsAReloger,
  profilDe,
} from '../domain/index.ts';
import type { BaremeFsl, Entretien, Menage, Personne, ProfilMenage, SimulationEnregistree } from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { entretiensDuMenage } from './entretiens.ts';
import { occupantsDuMenageAReloger } from './menages.ts';
import { lireParametres } from './parametres.ts';

// Barèmes of the territory, the figures a household's simulation starts from, and the
// simulations saved on a household (issue 4 §1, §5).

export async function listerBaremes(db: RelogementDb): Promise<BaremeFsl[]> {
  return (await db.baremes.toArray()).filter((b) => !b.supprime).sort((a, b) => b.debut.localeCompare(a.debut) || a.territoire.localeCompare(b.territoire, 'fr'));
}

export const lireBareme = (db: RelogementDb, id: string) => db.baremes.get(id);

/** A new barème, prefilled with the example's amounts so the administrator only corrects them. */
export async function creerBareme(db: RelogementDb, territoire: string, debut: string): Promise<BaremeFsl> {
  const id = uuidv7();
  const postes = Object.fromEntries(POSTES_FSL.map((p) => [p, { ...BAREME_EXEMPLE.postes[p], parTaille: [...BAREME_EXEMPLE.postes[p].parTaille] }]));
  return ecrire<BaremeFsl>(db, 'baremes', id, () => baremeFslSchema.parse({ id, territoire, debut, fin: null, source: 'À préciser', exemple: false, postes }));
}

/** Saves the whole barème at once; the schema's French message is thrown when it is invalid. */
export function enregistrerBareme(db: RelogementDb, bareme: BaremeFsl): Promise<BaremeFsl> {
  return ecrire<BaremeFsl>(db, 'baremes', bareme.id, () => bareme);
}

export const retirerBareme = (db: RelogementDb, bareme: BaremeFsl) => enregistrerBareme(db, { ...bareme, supprime: true });

/** The barème a simulation of `date` uses on this territory, with the settings. */
export async function contexteSimulation(db: RelogementDb, date: string) {
  const [baremes, parametres] = await Promise.all([listerBaremes(db), lireParametres(db)]);
  return { bareme: choisirBareme(baremes, parametres.territoire, date), reglages: parametres.simulation, parametres };
}

export type DonneesSimulationMenage = { menage: Menage | undefined; personnes: Personne[]; entretien: Entretien | null };

/** The household, its occupants relocated together and its latest interview: where a simulation's figures come from. */
export async function donneesSimulationMenage(db: RelogementDb, menageId: string): Promise<DonneesSimulationMenage> {
  const [menage, personnes, entretiens] = await Promise.all([db.menages.get(menageId), occupantsDuMenageAReloger(db, menageId), entretiensDuMenage(db, menageId)]);
  return { menage, personnes, entretien: entretiens[0] ?? null };
}

export async function simulationsDuMenage(db: RelogementDb, menageId: string): Promise<SimulationEnregistree[]> {
  const toutes = await db.simulations.where('menageId').equals(menageId).toArray();
  return toutes.filter((s) => !s.supprime).sort((a, b) => b.id.localeCompare(a.id));
}

export const lireSimulation = (db: RelogementDb, id: string) => db.simulations.get(id);

export async function enregistrerSimulation(db: RelogementDb, simulation: Omit<SimulationEnregistree, 'id'>): Promise<SimulationEnregistree> {
  const id = uuidv7();
  return ecrire<SimulationEnregistree>(db, 'simulations', id, () => ({ ...simulation, id }));
}

/** The caseload's households that have what the matching needs, as profiles. */
export async function profilsDuPortefeuille(db: RelogementDb): Promise<{ profils: ProfilMenage[]; noms: Map<string, string>; incomplets: number }> {
  const [menages, personnes, entretiens, residences, operations] = await Promise.all([
    db.menages.toArray(),
    db.personnes.toArray(),
    db.entretiens.toArray(),
    db.residences.toArray(),
    db.operations.toArray(),
  ]);
  const pcdidDesOperations = new Map(operations.map((o) => [o.id, o.datePcdid ?? null]));
  const pcdidDesResidences = new Map(residences.map((r) => [r.id, pcdidDesOperations.get(r.operationId) ?? null]));
  const personnesPar = new Map<string, Personne[]>();
  for (const p of personnes) personnesPar.set(p.menageId, [...(personnesPar.get(p.menageId) ?? []), p]);
  const issusPar = new Map<string, Menage[]>();
  for (const m of menages) if (m.menageOrigineId) issusPar.set(m.menageOrigineId, [...(issusPar.get(m.menageOrigineId) ?? []), m]);
  const dernierPar = new Map<string, Entretien>();
  for (const e of entretiens) {
    if (e.supprime) continue;
    const connu = dernierPar.get(e.menageId);
    if (!connu || e.date > connu.date || (e.date === connu.date && e.id > connu.id)) dernierPar.set(e.menageId, e);
  }
  const profils: ProfilMenage[] = [];
  const noms = new Map<string, string>();
  let incomplets = 0;
  for (const m of menages) {
    if (m.supprime || STATUTS_RELOGE.has(m.statut)) continue;
    const entretien = dernierPar.get(m.id);
    const leurs = personnesPar.get(m.id) ?? [];
    const droits = droitsDesHebergesALaPcdid(leurs, pcdidDesResidences.get(m.residenceId) ?? null, entretien ? ancienneReponseHebergement([entretien]) : null);
    const profil = entretien ? profilDe(m.id, { reponses: entretien.reponses, personnes: occupantsAReloger(leurs, issusPar.get(m.id) ?? [], droits) }) : null;
    if (profil) {
      profils.push(profil);
      noms.set(m.id, m.nom || 'Ménage sans nom');
    } else incomplets++;
  }
  return { profils, noms, incomplets };
}
