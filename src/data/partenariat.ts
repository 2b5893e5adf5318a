import { ficheAnonymeDe, ficheNominativeDe, offrePartageeSchema, positionnementSchema, profilDe } from '../domain/index.ts';
import type { Avis, OffrePartagee, Positionnement } from '../domain/index.ts';
import type { TerritoryOrganisation } from '../sync/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { enregistrerSiChangee } from './meta-valeur.ts';
import { uuidv7 } from './ids.ts';
import { donneesSimulationMenage } from './simulations.ts';

// The pooled offers of the territory and the positions of candidates on them (convention AMP
// art. 10, docs/droits-partenaires.md): read live from the tablet, written through the one write
// path, offline. The server judges every right and the three-designated rule; the tablet writes
// what its user did and shows what came back.

const ordre = new Intl.Collator('fr');

const CLE_ORGANISATIONS = 'organisationsTerritoire';

/** The organisations of the territory as the server listed them at the last sync; empty before it (nothing personal: kept in clear). */
export async function lireOrganisationsTerritoire(db: RelogementDb): Promise<TerritoryOrganisation[]> {
  return ((await db.meta.get(CLE_ORGANISATIONS))?.value as TerritoryOrganisation[] | undefined) ?? [];
}
export const enregistrerOrganisationsTerritoire = (db: RelogementDb, organisations: readonly TerritoryOrganisation[]) =>
  enregistrerSiChangee(db, CLE_ORGANISATIONS, organisations.map(({ id, name, kind }) => ({ id, name, kind })));

export async function listerOffresPartagees(db: RelogementDb): Promise<OffrePartagee[]> {
  const offres = await db.offresPartagees.toArray();
  return offres
    .filter((o) => !o.supprime)
    .sort((a, b) => b.dateMiseADisposition.localeCompare(a.dateMiseADisposition) || ordre.compare(a.adresse, b.adresse));
}

export const lireOffrePartagee = (db: RelogementDb, id: string) => db.offresPartagees.get(id);

/** Every position on an offer, withdrawn ones included (the clocks count them out themselves). */
export async function positionsDeLOffre(db: RelogementDb, offreId: string): Promise<Positionnement[]> {
  const toutes = await db.positionnements.where('offreId').equals(offreId).toArray();
  return toutes.filter((p) => !p.supprime).sort((a, b) => a.positionneLe.localeCompare(b.positionneLe) || a.id.localeCompare(b.id));
}

/** The positions of every offer, by offer: the list shows each offer's step and clocks. */
export async function positionsParOffre(db: RelogementDb): Promise<Map<string, Positionnement[]>> {
  const par = new Map<string, Positionnement[]>();
  for (const p of await db.positionnements.toArray()) if (!p.supprime) par.set(p.offreId, [...(par.get(p.offreId) ?? []), p]);
  return par;
}

export async function positionsDuMenage(db: RelogementDb, menageId: string): Promise<Positionnement[]> {
  const toutes = await db.positionnements.where('menageId').equals(menageId).toArray();
  return toutes.filter((p) => !p.supprime).sort((a, b) => b.positionneLe.localeCompare(a.positionneLe));
}

/** A landlord's new dwelling, saved at once as a draft sheet; `bailleur` names the publishing organisation. */
export async function publierOffrePartagee(db: RelogementDb, bailleur: string, dateMiseADisposition: string): Promise<OffrePartagee> {
  const id = uuidv7();
  return ecrire<OffrePartagee>(db, 'offresPartagees', id, () => offrePartageeSchema.parse({ id, bailleur, dateMiseADisposition }));
}

export function modifierOffrePartagee(db: RelogementDb, id: string, modif: Partial<Omit<OffrePartagee, 'id'>>): Promise<OffrePartagee> {
  return ecrire<OffrePartagee>(db, 'offresPartagees', id, (o) => {
    if (!o) throw new Error(`Offre introuvable : ${id}`);
    return { ...o, ...modif };
  });
}


/**
 * Puts a household of the team forward on an offer, with its anonymised sheet built from what the
 * tablet holds on `date`, and its named sheet only when its consent opens it to a partner.
 */
export async function positionnerMenage(
  db: RelogementDb,
  offreId: string,
  menageId: string,
  date: string,
  bailleurOrigineId: string | null,
): Promise<Positionnement> {
  const { menage, personnes, entretien } = await donneesSimulationMenage(db, menageId);
  if (!menage) throw new Error(`Ménage introuvable : ${menageId}`);
  const profil = entretien ? profilDe(menageId, { reponses: entretien.reponses, personnes }) : null;
  const id = uuidv7();
  return ecrire<Positionnement>(db, 'positionnements', id, () =>
    positionnementSchema.parse({
      id,
      offreId,
      menageId,
      positionneLe: date,
      // The server sets it from the territory's priority operations (docs/droits-partenaires.md).
      operationPrioritaire: false,
      bailleurOrigineId,
      ficheAnonyme: ficheAnonymeDe(menage, personnes, profil, date),
      ficheNominative: ficheNominativeDe(menage),
    }),
  );
}

/**
 * The landlord that demolishes the household's home, as far as the tablet knows: the landlord its
 * résidence names, matched by name among the territory's landlords; null otherwise.
 */
export async function bailleurOrigineParDefaut(
  db: RelogementDb,
  menageId: string,
  organisations: readonly TerritoryOrganisation[],
): Promise<string | null> {
  const menage = await db.menages.get(menageId);
  const residence = menage ? await db.residences.get(menage.residenceId) : undefined;
  const nom = residence?.bailleur.trim().toLowerCase() ?? '';
  if (nom === '') return null;
  return organisations.find((o) => o.kind === 'bailleur' && o.name.trim().toLowerCase() === nom)?.id ?? null;
}

/** The household's reply to the dwelling (accepted, or refused with its reason), dated; `erreurReponseMenage` says what is missing. */
export const repondreMenage = (db: RelogementDb, id: string, reponse: Pick<Positionnement, 'reponseMenage' | 'reponseMenageLe' | 'reponseMenageMotif'>) =>
  modifierPositionnement(db, id, reponse);

export function modifierPositionnement(db: RelogementDb, id: string, modif: Partial<Omit<Positionnement, 'id'>>): Promise<Positionnement> {
  return ecrire<Positionnement>(db, 'positionnements', id, (p) => {
    if (!p) throw new Error(`Positionnement introuvable : ${id}`);
    return { ...p, ...modif };
  });
}

export const retirerPositionnement = (db: RelogementDb, id: string) => modifierPositionnement(db, id, { statut: 'retire' });

/** Designates a candidate at `rang` (1 to 3) on `date`; the server may overturn it and write its reason (`refusServeur`, its field alone). */
export const designerCandidat = (db: RelogementDb, id: string, rang: number, date: string) =>
  modifierPositionnement(db, id, { statut: 'designe', rang, designeLe: date });

export const nePasRetenir = (db: RelogementDb, id: string) => modifierPositionnement(db, id, { statut: 'non_retenu', rang: null, designeLe: null });

/** The host landlord's decision after its CALEOL; `avisSchema` requires the reason. */
export const deciderCandidat = (db: RelogementDb, id: string, decision: Avis) => modifierPositionnement(db, id, { decision });

/** A partner's opinion, filed under its organisation: each writes only its own entry. */
export function donnerAvis(db: RelogementDb, id: string, organisationId: string, avis: Avis): Promise<Positionnement> {
  return ecrire<Positionnement>(db, 'positionnements', id, (p) => {
    if (!p) throw new Error(`Positionnement introuvable : ${id}`);
    return { ...p, avis: { ...p.avis, [organisationId]: avis } };
  });
}

/** Which of these households this tablet follows: its team may withdraw their positions and open their page. */
export async function menagesSuivisParmi(db: RelogementDb, menageIds: Iterable<string>): Promise<Set<string>> {
  const menages = await db.menages.bulkGet([...new Set(menageIds)]);
  return new Set(menages.flatMap((m) => (m && !m.supprime ? [m.id] : [])));
}
