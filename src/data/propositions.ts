import {
  STATUTS_MENAGE,
  accepte,
  appliquerEvenement,
  creerProposition,
  dateDemandeLogement,
  numeroDemandeLogement,
  evenementPropositionSchema,
  historiqueOrientations,
  occupantsAReloger,
  orientationSchema,
  refuse,
  simuler,
  situationPropositions,
  verifierDecohabitation,
  verifierOrientation,
} from '../domain/index.ts';
import type {
  DemandeProposition,
  Demenagement,
  Entretien,
  EvenementProposition,
  Mediation,
  Menage,
  Offre,
  Orientation,
  Personne,
  Proposition,
  Residence,
  Resultat,
  SimulationEnregistree,
  StatutMenage,
} from '../domain/index.ts';
import type { RelogementDb } from './db.ts';
import { demenagementsDuMenage } from './demenagements.ts';
import { ecrire, ecrireLot } from './ecriture.ts';
import { uuidv7 } from './ids.ts';
import { droitsDesHeberges, menagesIssus } from './menages.ts';
import { lireParametres } from './parametres.ts';
import { enregistrerRelogement } from './suivi.ts';
import { lireSession } from './session.ts';

// Orientation, proposals, mediations and décohabitation of a household (charte §4 steps 6 to 12).
// Every step of a proposal goes through the domain's state machine: a refused step writes nothing
// and comes back as the French message saying what is missing.

const presents = <T extends { supprime?: boolean | undefined }>(liste: T[]): T[] => liste.filter((x) => !x.supprime);

/** The household's step only moves forward here; the officer may still set it by hand. */
async function avancerStatut(db: RelogementDb, menageId: string, statut: StatutMenage): Promise<void> {
  const menage = await db.menages.get(menageId);
  if (!menage || STATUTS_MENAGE.indexOf(menage.statut) >= STATUTS_MENAGE.indexOf(statut)) return;
  await ecrire<Menage>(db, 'menages', menageId, (m) => ({ ...(m as Menage), statut }));
}

// ——— Orientation ———

export async function orientationsDuMenage(db: RelogementDb, menageId: string): Promise<Orientation[]> {
  return historiqueOrientations(await db.orientations.where('menageId').equals(menageId).toArray());
}

export type NouvelleOrientation = Omit<Orientation, 'id' | 'supprime'>;

/** A new decision of orientation; the earlier ones stay as history. */
export async function orienterMenage(db: RelogementDb, donnees: NouvelleOrientation, aujourdhui: string): Promise<Resultat<Orientation>> {
  const lu = orientationSchema.safeParse({ ...donnees, id: uuidv7() });
  if (!lu.success) return refuse(lu.error.issues.map((i) => i.message).join(' '));
  const erreurs = verifierOrientation(lu.data, aujourdhui);
  if (erreurs.length > 0) return refuse(erreurs.map((e) => e.message).join(' '));
  const orientation = await ecrire<Orientation>(db, 'orientations', lu.data.id, () => lu.data);
  await avancerStatut(db, orientation.menageId, 'oriente');
  return accepte(orientation);
}

// ——— Proposals ———

export async function propositionsDuMenage(db: RelogementDb, menageId: string): Promise<Proposition[]> {
  return presents(await db.propositions.where('menageId').equals(menageId).toArray()).sort((a, b) => a.rang - b.rang || a.proposeeLe.localeCompare(b.proposeeLe));
}

export async function mediationsDuMenage(db: RelogementDb, menageId: string): Promise<Mediation[]> {
  return presents(await db.mediations.where('menageId').equals(menageId).toArray()).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The stored offers a proposal can be made on, by commune and reference. */
export async function offresProposables(db: RelogementDb): Promise<Offre[]> {
  const offres = presents(await db.offres.toArray()).filter((o) => o.statut !== 'retiree');
  return offres.sort((a, b) => a.commune.localeCompare(b.commune, 'fr') || a.referenceBailleur.localeCompare(b.referenceBailleur, 'fr'));
}

/** An offer known only by its landlord's reference: a draft offer to complete later. */
export async function offreParReference(db: RelogementDb, reference: string): Promise<Offre> {
  const ref = reference.trim();
  const connue = presents(await db.offres.toArray()).find((o) => o.referenceBailleur.trim() === ref);
  if (connue) return connue;
  const id = uuidv7();
  return ecrire<Offre>(db, 'offres', id, () => ({ id, referenceBailleur: ref, statut: 'brouillon' }) as Offre);
}

export async function derniereSimulation(db: RelogementDb, menageId: string, offreId: string | null): Promise<SimulationEnregistree | null> {
  const toutes = presents(await db.simulations.where('menageId').equals(menageId).toArray()).filter((s) => offreId === null || s.offreId === offreId);
  return toutes.sort((a, b) => a.creeLe.localeCompare(b.creeLe) || a.id.localeCompare(b.id)).at(-1) ?? null;
}

/**
 * What a proposal keeps of its simulation: the saved inputs, barème and settings, and the figures
 * they gave that day, so the proposal reads the same whatever changes later.
 */
export function instantaneSimulation(s: SimulationEnregistree): unknown {
  const resultat = simuler(s.entree, { bareme: s.bareme, reglages: s.reglages });
  return JSON.parse(JSON.stringify({ simulationId: s.id, creeLe: s.creeLe, libelle: s.libelle, entree: s.entree, bareme: s.bareme, reglages: s.reglages, resultat })) as unknown;
}

export type NouvelleProposition = Omit<DemandeProposition, 'id' | 'simulation'>;

/** A proposal on an offer, with the latest simulation saved for that offer, if any. */
export async function proposer(db: RelogementDb, demande: NouvelleProposition, aujourdhui: string): Promise<Resultat<Proposition>> {
  const [territoire, propositions, mediations, orientations, simulation] = await Promise.all([
    lireParametres(db),
    propositionsDuMenage(db, demande.menageId),
    mediationsDuMenage(db, demande.menageId),
    orientationsDuMenage(db, demande.menageId),
    derniereSimulation(db, demande.menageId, demande.offreId),
  ]);
  const complete = { ...demande, id: uuidv7(), simulation: simulation ? instantaneSimulation(simulation) : null };
  const resultat = creerProposition(complete as DemandeProposition, { propositions, mediations, orientations }, territoire.propositions, aujourdhui);
  if (!resultat.ok) return resultat;
  const p = await ecrire<Proposition>(db, 'propositions', resultat.valeur.id, () => resultat.valeur);
  await avancerStatut(db, p.menageId, 'proposition');
  return accepte(p);
}

class EtapeRefusee extends Error {}

/** One step of a proposal, checked against the record as stored at that moment. */
export async function enregistrerEtape(db: RelogementDb, propositionId: string, evenement: EvenementProposition, aujourdhui: string): Promise<Resultat<Proposition>> {
  const lu = evenementPropositionSchema.safeParse(evenement);
  if (!lu.success) return refuse(lu.error.issues.map((i) => i.message).join(' '));
  const [territoire, stockee] = await Promise.all([lireParametres(db), db.propositions.get(propositionId)]);
  const autres = stockee ? await propositionsDuMenage(db, stockee.menageId) : [];
  const ctx = { reglages: territoire.propositions, suivi: territoire.suivi, aujourdhui, propositionsDuMenage: autres };
  try {
    const p = await ecrire<Proposition>(db, 'propositions', propositionId, (courante) => {
      if (!courante) throw new EtapeRefusee('Cette proposition n’existe pas sur cette tablette.');
      const r = appliquerEvenement(courante, lu.data, ctx);
      if (!r.ok) throw new EtapeRefusee(r.message);
      return r.valeur;
    });
    // The final lease is the relocation date: the courtesy visits count from it, not from a temporary dwelling's.
    if (lu.data.type === 'bail_signe' && !p.temporaire) await enregistrerRelogement(db, p.menageId, lu.data.date, aujourdhui);
    return accepte(p);
  } catch (e) {
    if (e instanceof EtapeRefusee) return refuse(e.message);
    throw e;
  }
}

/** The relocation date: the lease signature of the household's final dwelling. */
export async function dateRelogementDuMenage(db: RelogementDb, menageId: string): Promise<string | null> {
  const territoire = await lireParametres(db);
  return situationPropositions(await propositionsDuMenage(db, menageId), territoire.propositions).relogeLe;
}

// ——— Mediation ———

export async function ouvrirMediation(db: RelogementDb, menageId: string, date: string): Promise<Mediation> {
  const id = uuidv7();
  return ecrire<Mediation>(db, 'mediations', id, () => ({ id, menageId, date }) as Mediation);
}

/** Saved as typed: `verifierMediation` says on screen what is still missing. */
export function modifierMediation(db: RelogementDb, id: string, modif: Partial<Omit<Mediation, 'id' | 'menageId'>>): Promise<Mediation> {
  return ecrire<Mediation>(db, 'mediations', id, (m) => {
    if (!m) throw new Error(`Médiation introuvable : ${id}`);
    return { ...m, ...modif };
  });
}

// ——— Décohabitation ———

/** The households that left this one, and the one it comes from. */
export async function liensDecohabitation(db: RelogementDb, menage: Menage): Promise<{ origine: Menage | null; issus: Menage[] }> {
  const origine = menage.menageOrigineId ? ((await db.menages.get(menage.menageOrigineId)) ?? null) : null;
  return { origine, issus: await menagesIssus(db, menage) };
}

/**
 * An adult occupant who wants a home of their own gets a relocation file of their own, linked to
 * the household they leave; they stay listed there until they move, as the état d'occupation says.
 */
export async function decohabiter(db: RelogementDb, personneId: string, aujourdhui: string): Promise<Resultat<Menage>> {
  const personne = await db.personnes.get(personneId);
  const origine = personne ? await db.menages.get(personne.menageId) : undefined;
  if (!personne || personne.supprime || !origine) return refuse('Cet occupant n’existe pas sur cette tablette.');
  const id = uuidv7();
  const erreurs = verifierDecohabitation({ menageOrigineId: origine.id, personneOrigineId: personne.id }, id, personne, aujourdhui);
  if (erreurs.length > 0) return refuse(erreurs.map((e) => e.message).join(' '));
  const deja = presents(await db.menages.where('residenceId').equals(origine.residenceId).toArray()).find((m) => m.personneOrigineId === personne.id);
  if (deja) return refuse(`${[personne.prenom, personne.nom].filter(Boolean).join(' ')} a déjà son propre dossier : « ${deja.nom} ».`);
  const nom = [personne.prenom, personne.nom].filter(Boolean).join(' ');
  const menage = {
    id,
    residenceId: origine.residenceId,
    nom,
    adresse: origine.adresse,
    logement: origine.logement,
    type: origine.type,
    // The same team follows the person who leaves (the server holds the same rule).
    referentId: origine.referentId,
    binomeId: origine.binomeId,
    referent: origine.referent,
    binome: origine.binome,
    creeLe: aujourdhui,
    menageOrigineId: origine.id,
    personneOrigineId: personne.id,
  } as Menage;
  const titulaire = { ...personne, id: uuidv7(), menageId: id, lien: 'titulaire', souhaitDecohabitation: false } as Personne;
  await ecrireLot(db, [
    { table: 'menages', record: menage },
    { table: 'personnes', record: titulaire },
    { table: 'personnes', record: { ...personne, souhaitDecohabitation: true } },
  ]);
  return accepte((await db.menages.get(id)) as Menage);
}

// ——— What the proposals screen and its papers read ———

export type DossierPropositions = {
  menage: Menage;
  personnes: Personne[];
  orientations: Orientation[];
  propositions: Proposition[];
  mediations: Mediation[];
  /** Every stored offer: those of past proposals too, whatever their status now. */
  offres: Offre[];
  territoire: Awaited<ReturnType<typeof lireParametres>>;
  /** The latest completed interview's answers, else the latest draft's. */
  reponses: Entretien['reponses'];
  /** The latest saved simulation of any dwelling: the orientation grid is read from it. */
  simulation: SimulationEnregistree | null;
  /** The occupants relocated together: those who left by décohabitation are relocated in their own file. */
  occupants: Personne[];
  origine: Menage | null;
  issus: Menage[];
  /** The signed-in user's organisation, which the papers are headed with; null when nobody is signed in. */
  organisation: string | null;
  /** For the CALEOL sheet: the demand's date (numéro unique certificate), the résidence and its households. */
  dateDemande: string | null;
  numeroDemande: string | null;
  residence: Residence | null;
  menagesDeLaResidence: Menage[];
  /** The checklists of the household's moves, temporary and final. */
  demenagements: Demenagement[];
};

export async function dossierPropositions(db: RelogementDb, menageId: string): Promise<DossierPropositions | null> {
  const menage = await db.menages.get(menageId);
  if (!menage || menage.supprime) return null;
  const [personnes, orientations, propositions, mediations, offres, territoire, entretiens, simulation, liens, session, pieces, residence, menagesDeLaResidence, demenagements] = await Promise.all([
    db.personnes.where('menageId').equals(menageId).toArray(),
    orientationsDuMenage(db, menageId),
    propositionsDuMenage(db, menageId),
    mediationsDuMenage(db, menageId),
    db.offres.toArray().then(presents),
    lireParametres(db),
    db.entretiens.where('menageId').equals(menageId).toArray(),
    derniereSimulation(db, menageId, null),
    liensDecohabitation(db, menage),
    lireSession(db),
    db.pieces.where('menageId').equals(menageId).toArray(),
    db.residences.get(menage.residenceId),
    db.menages.where('residenceId').equals(menage.residenceId).toArray().then(presents),
    demenagementsDuMenage(db, menageId),
  ]);
  const droits = await droitsDesHeberges(db, menageId);
  const tous = presents(personnes).sort((a, b) => a.id.localeCompare(b.id));
  const parOrdre = presents(entretiens).sort((a, b) => Number(a.statut === 'termine') - Number(b.statut === 'termine') || a.date.localeCompare(b.date));
  return {
    menage,
    personnes: tous,
    occupants: occupantsAReloger(tous, liens.issus, droits),
    orientations,
    propositions,
    mediations,
    offres,
    territoire,
    reponses: parOrdre.at(-1)?.reponses ?? {},
    simulation,
    ...liens,
    organisation: session?.user.organisation.name || null,
    dateDemande: dateDemandeLogement(pieces),
    numeroDemande: numeroDemandeLogement(presents(pieces)),
    residence: residence ?? null,
    menagesDeLaResidence,
    demenagements,
  };
}
