import {
  accepte,
  decisionReunionSchema,
  horlogesReunions,
  premierEntretienFait,
  refuse,
  reunionSchema,
  verifierDecision,
} from '../domain/index.ts';
import type {
  DecisionReunion,
  Entretien,
  HorlogeReunion,
  Menage,
  Operation,
  OperationReunions,
  Orientation,
  Proposition,
  Residence,
  Resultat,
  Reunion,
} from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { ecrire } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { lireParametres } from './parametres.ts';

// The partners' meetings of an opération and their decisions per household (charte §4 steps 5
// to 8). The end of the interviews is read from the households on this tablet: an encadrant's
// holds the whole opération, a chargée's only the households she follows.

const presents = <T extends { supprime?: boolean | undefined }>(liste: readonly T[]): T[] => liste.filter((x) => !x.supprime);
const parMenage = <T extends { menageId: string }>(liste: readonly T[]): Map<string, T[]> => {
  const groupes = new Map<string, T[]>();
  for (const x of liste) groupes.set(x.menageId, [...(groupes.get(x.menageId) ?? []), x]);
  return groupes;
};

/** The households of the opération's résidences present on this tablet. */
async function menagesDeLOperation(db: RelogementDb, operationId: string): Promise<{ residences: Residence[]; menages: Menage[] }> {
  const residences = presents(await db.residences.where('operationId').equals(operationId).toArray());
  const menages = presents(await db.menages.where('residenceId').anyOf(residences.map((r) => r.id)).toArray()).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  return { residences, menages };
}

const premiersEntretiens = (menages: readonly Menage[], entretiens: readonly Entretien[]): (string | null)[] => {
  const de = parMenage(entretiens);
  return menages.map((m) => premierEntretienFait(de.get(m.id) ?? []));
};

/** Every opération with households on this tablet, as the agenda reads their meetings' clocks. */
export async function operationsReunions(db: RelogementDb, menages: readonly Menage[], residences: readonly Residence[], entretiens: readonly Entretien[]): Promise<OperationReunions[]> {
  const [operations, reunions] = await Promise.all([db.operations.toArray(), db.reunions.toArray()]);
  const operationDe = new Map(residences.map((r) => [r.id, r.operationId]));
  const vivants = presents(menages);
  return presents(operations).flatMap((o) => {
    const siens = vivants.filter((m) => operationDe.get(m.residenceId) === o.id);
    if (siens.length === 0) return [];
    return [{ operationId: o.id, nom: o.nom, reunions: presents(reunions).filter((r) => r.operationId === o.id), premiersEntretiens: premiersEntretiens(siens, entretiens) }];
  });
}

export type DossierReunion = { menage: Menage; orientations: Orientation[]; propositions: Proposition[]; decisions: DecisionReunion[] };

export type EcranReunions = {
  operation: Operation;
  residences: Residence[];
  reunions: Reunion[];
  horloges: HorlogeReunion[];
  dossiers: DossierReunion[];
  territoire: Awaited<ReturnType<typeof lireParametres>>;
};

export async function ecranReunions(db: RelogementDb, operationId: string, aujourdhui: string): Promise<EcranReunions | null> {
  const operation = await db.operations.get(operationId);
  if (!operation || operation.supprime) return null;
  const { residences, menages } = await menagesDeLOperation(db, operationId);
  const ids = menages.map((m) => m.id);
  const [reunions, entretiens, orientations, propositions, decisions, territoire] = await Promise.all([
    db.reunions.where('operationId').equals(operationId).toArray().then(presents),
    db.entretiens.where('menageId').anyOf(ids).toArray(),
    db.orientations.where('menageId').anyOf(ids).toArray().then(presents),
    db.propositions.where('menageId').anyOf(ids).toArray().then(presents),
    db.decisionsReunion.where('menageId').anyOf(ids).toArray().then(presents),
    lireParametres(db),
  ]);
  reunions.sort((a, b) => a.date.localeCompare(b.date) || (a.heure ?? '').localeCompare(b.heure ?? ''));
  const horloges = horlogesReunions({ operationId, nom: operation.nom, reunions, premiersEntretiens: premiersEntretiens(menages, entretiens) }, territoire.reunions, aujourdhui);
  const [o, p, d] = [parMenage(orientations), parMenage(propositions), parMenage(decisions)];
  const dossiers = menages.map((menage) => ({ menage, orientations: o.get(menage.id) ?? [], propositions: p.get(menage.id) ?? [], decisions: d.get(menage.id) ?? [] }));
  return { operation, residences, reunions, horloges, dossiers, territoire };
}

export type NouvelleReunion = Omit<Reunion, 'id' | 'supprime' | 'compteRendu' | 'lieu'> & Partial<Pick<Reunion, 'lieu' | 'compteRendu'>>;

/** A meeting planned or held; invalid input comes back as the French message. */
export async function enregistrerReunion(db: RelogementDb, donnees: NouvelleReunion): Promise<Resultat<Reunion>> {
  const lu = reunionSchema.safeParse({ ...donnees, id: uuidv7() });
  if (!lu.success) return refuse(lu.error.issues.map((i) => i.message).join(' '));
  return accepte(await ecrire<Reunion>(db, 'reunions', lu.data.id, () => lu.data));
}

export const modifierReunion = (db: RelogementDb, id: string, modif: Partial<Omit<Reunion, 'id' | 'operationId'>>): Promise<Reunion> =>
  ecrire<Reunion>(db, 'reunions', id, (r) => ({ ...(r as Reunion), ...modif }));

export type NouvelleDecision = Omit<DecisionReunion, 'id' | 'supprime'>;

/** A meeting's decision for one household, once the meeting is held. */
export async function enregistrerDecision(db: RelogementDb, donnees: NouvelleDecision, aujourdhui: string): Promise<Resultat<DecisionReunion>> {
  const lu = decisionReunionSchema.safeParse({ ...donnees, id: uuidv7() });
  if (!lu.success) return refuse(lu.error.issues.map((i) => i.message).join(' '));
  const erreurs = verifierDecision(lu.data, await db.reunions.get(lu.data.reunionId), aujourdhui);
  if (erreurs.length > 0) return refuse(erreurs.map((e) => e.message).join(' '));
  return accepte(await ecrire<DecisionReunion>(db, 'decisionsReunion', lu.data.id, () => lu.data));
}
