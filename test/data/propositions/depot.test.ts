import { beforeEach, describe, expect, it } from 'vitest';
import { jourDeLAppareil, nouvelleBase, residenceDeTest } from '../base.ts';
import {
  rechercherMenages,
  ajouterPersonne,
  creerMenage,
  dateRelogementDuMenage,
  decohabiter,
  enregistrerEtape,
  liensDecohabitation,
  lireMenage,
  modifierMenage,
  modifierMediation,
  modifierPoste,
  ouvrirDemenagement,
  orientationsDuMenage,
  orienterMenage,
  ouvrirMediation,
  offreParReference,
  propositionsDuMenage,
  proposer,
  type RelogementDb,
} from '../../../src/data/index.ts';
import { etatProposition, refusDe, type EvenementProposition, type Proposition } from '../../../src/domain/index.ts';

const AUJOURDHUI = '2025-06-30';
beforeEach(() => jourDeLAppareil(AUJOURDHUI));

async function menageDeTest(db: RelogementDb) {
  const residence = await residenceDeTest(db, '2025-01-06');
  return creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-01-06');
}

async function etapes(db: RelogementDb, p: Proposition, liste: EvenementProposition[]): Promise<Proposition> {
  let courante = p;
  for (const e of liste) {
    const r = await enregistrerEtape(db, courante.id, e, AUJOURDHUI);
    if (!r.ok) throw new Error(r.message);
    courante = r.valeur;
  }
  return courante;
}

const avis = (date: string): EvenementProposition => ({ type: 'avis', date, partenaire: 'GTR', avis: 'favorable', motif: '' });
const caleol = (date: string): EvenementProposition => ({ type: 'caleol', date, decision: 'attribution', motif: '' });

describe('the proposals repository', () => {
  it('keeps the orientation history in decision order', async () => {
    const db = nouvelleBase();
    const m = await menageDeTest(db);
    expect(
      await orienterMenage(
        db,
        { menageId: m.id, date: '2025-02-10', circuit: 'gtr', groupes: ['emploi'], decidePar: '', commentaire: '' },
        AUJOURDHUI,
      ),
    ).toMatchObject({ ok: false });
    await orienterMenage(
      db,
      { menageId: m.id, date: '2025-02-10', circuit: 'gtr', groupes: ['emploi'], decidePar: 'GTR du 10 février', commentaire: '' },
      AUJOURDHUI,
    );
    await orienterMenage(
      db,
      { menageId: m.id, date: '2025-03-01', circuit: 'gtrm', groupes: [], decidePar: 'GTR', commentaire: 'Souhaite une autre commune' },
      AUJOURDHUI,
    );
    expect((await orientationsDuMenage(db, m.id)).map((o) => o.circuit)).toEqual(['gtr', 'gtrm']);
    expect((await lireMenage(db, m.id))?.statut).toBe('oriente');
  });

  it('takes a household through two refusals, the mediation and a third proposal to the lease', async () => {
    const db = nouvelleBase();
    const m = await menageDeTest(db);
    const offre = await offreParReference(db, 'LOG-001');
    const demande = (proposeeLe: string) => ({ menageId: m.id, offreId: offre.id, circuit: 'gtr' as const, partenaires: [], proposeeLe });

    const r1 = await proposer(db, demande('2025-03-03'), AUJOURDHUI);
    if (!r1.ok) throw new Error(r1.message);
    const p1 = await etapes(db, r1.valeur, [
      avis('2025-03-05'),
      caleol('2025-03-10'),
      { type: 'visite', date: '2025-03-12', heure: '10:00' },
      { type: 'reponse', date: '2025-03-14', decision: 'refus', motif: 'etage', commentaire: 'Quatrième sans ascenseur' },
    ]);
    expect(refusDe(p1)?.par).toBe('menage');

    const r2 = await proposer(db, demande('2025-04-01'), AUJOURDHUI);
    if (!r2.ok) throw new Error(r2.message);
    const p2 = await etapes(db, r2.valeur, [
      avis('2025-04-02'),
      caleol('2025-04-07'),
      { type: 'offre_notifiee', date: '2025-04-07' },
      { type: 'visite', date: '2025-04-09', heure: null },
    ]);
    // 10 days after 9 April is Saturday 19; Easter Monday the 21st: the household has until the 22nd.
    const tot = await enregistrerEtape(db, p2.id, { type: 'absence_reponse', date: '2025-04-22' }, AUJOURDHUI);
    expect(tot).toEqual({ ok: false, message: expect.stringContaining('22 avril 2025') });
    await etapes(db, p2, [{ type: 'absence_reponse', date: '2025-04-23' }]);

    const sansMediation = await proposer(db, demande('2025-05-12'), AUJOURDHUI);
    expect(sansMediation).toEqual({ ok: false, message: expect.stringContaining('médiation') });
    const mediation = await ouvrirMediation(db, m.id, '2025-05-05');
    await modifierMediation(db, mediation.id, {
      presents: ['M. le maire adjoint', 'Bailleur'],
      produitDefini: 'T3 à Villefictive, rez-de-chaussée',
    });

    const r3 = await proposer(db, demande('2025-05-12'), AUJOURDHUI);
    if (!r3.ok) throw new Error(r3.message);
    expect(r3.valeur.rang).toBe(3);
    await etapes(db, r3.valeur, [
      avis('2025-05-13'),
      caleol('2025-05-15'),
      { type: 'visite', date: '2025-05-16', heure: null },
      { type: 'reponse', date: '2025-05-20', decision: 'acceptation', motif: null, commentaire: '' },
      { type: 'bail_signe', date: '2025-06-02' },
    ]);

    const toutes = await propositionsDuMenage(db, m.id);
    expect(toutes.map(etatProposition)).toEqual(['refusee_menage', 'refusee_menage', 'bail_signe']);
    expect(await dateRelogementDuMenage(db, m.id)).toBe('2025-06-02');
    expect(await lireMenage(db, m.id)).toMatchObject({ statut: 'reloge', dateRelogement: '2025-06-02' });
  });

  it('puts an overdue answer clock among the caseload alerts', async () => {
    const db = nouvelleBase();
    const m = await menageDeTest(db);
    const offre = await offreParReference(db, 'LOG-003');
    const r = await proposer(
      db,
      { menageId: m.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: '2025-06-02' },
      AUJOURDHUI,
    );
    if (!r.ok) throw new Error(r.message);
    await etapes(db, r.valeur, [avis('2025-06-03'), caleol('2025-06-05'), { type: 'visite', date: '2025-06-06', heure: null }]);
    const ligne = (await rechercherMenages(db, { texte: '', residenceId: null, statut: null, alerte: null }, AUJOURDHUI)).lignes.find(
      (l) => l.id === m.id,
    );
    expect(ligne?.delais).toEqual([
      {
        nature: 'reponse_menage',
        libelle: 'Délai de réponse dépassé (proposition n° 1) : constater le refus',
        echeance: '2025-06-16',
        etat: 'en_retard',
      },
    ]);
  });

  it('puts a move invoice not paid back within 8 days among the caseload alerts (charte §3.2)', async () => {
    const db = nouvelleBase();
    const m = await menageDeTest(db);
    const offre = await offreParReference(db, 'LOG-003');
    const r = await proposer(db, { menageId: m.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: '2025-06-02' }, AUJOURDHUI);
    if (!r.ok) throw new Error(r.message);
    const demenagement = await ouvrirDemenagement(db, m.id, r.valeur.id);
    // Handed in on Friday 20 June 2025: the 8th day is Saturday 28 June, moved to Monday 30 June; due today: soon, not yet late.
    await modifierPoste(db, demenagement.id, 'courrier', { etat: 'fait', montant: 54, factureRemiseLe: '2025-06-20' });
    // Handed in on Friday 13 June 2025: due Monday 23 June, late on 30 June.
    await modifierPoste(db, demenagement.id, 'carte_grise', { etat: 'fait', montant: 30, factureRemiseLe: '2025-06-13' });
    const ligne = (await rechercherMenages(db, { texte: '', residenceId: null, statut: null, alerte: null }, AUJOURDHUI)).lignes.find(
      (l) => l.id === m.id,
    );
    expect(ligne?.delais.filter((a) => a.nature === 'remboursement')).toEqual([
      expect.objectContaining({ echeance: '2025-06-30', etat: 'bientot' }),
      expect.objectContaining({ echeance: '2025-06-23', etat: 'en_retard' }),
    ]);
  });

  it('refuses a step out of order with a French message and writes nothing', async () => {
    const db = nouvelleBase();
    const m = await menageDeTest(db);
    const offre = await offreParReference(db, 'LOG-002');
    const r = await proposer(
      db,
      { menageId: m.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: '2025-03-03' },
      AUJOURDHUI,
    );
    if (!r.ok) throw new Error(r.message);
    await etapes(db, r.valeur, [avis('2025-03-05')]);
    const avant = { record: await db.propositions.get(r.valeur.id), outbox: await db.outbox.count() };
    const refus = await enregistrerEtape(db, r.valeur.id, { type: 'visite', date: '2025-03-12', heure: null }, AUJOURDHUI);
    expect(refus).toEqual({
      ok: false,
      message: 'Sur ce territoire, la visite suit l’attribution du logement par la CALEOL : enregistrez d’abord sa décision.',
    });
    expect({ record: await db.propositions.get(r.valeur.id), outbox: await db.outbox.count() }).toEqual(avant);
  });

  it('opens a linked file for an adult occupant who leaves, once', async () => {
    const db = nouvelleBase();
    const suivi = { referentId: '0190a6e0-0000-7000-8000-0000000000a1', binomeId: '0190a6e0-0000-7000-8000-0000000000a2' };
    const m = await modifierMenage(db, (await menageDeTest(db)).id, suivi);
    const enfant = await ajouterPersonne(db, m.id, { prenom: 'Yanis', nom: 'Benali', lien: 'enfant', dateNaissance: '2000-04-02' });
    const mineur = await ajouterPersonne(db, m.id, { prenom: 'Lina', nom: 'Benali', lien: 'enfant', dateNaissance: '2012-09-01' });
    expect(await decohabiter(db, mineur.id, AUJOURDHUI)).toEqual({ ok: false, message: expect.stringContaining('majeur') });
    const r = await decohabiter(db, enfant.id, AUJOURDHUI);
    if (!r.ok) throw new Error(r.message);
    expect(r.valeur).toMatchObject({
      nom: 'Yanis Benali',
      menageOrigineId: m.id,
      personneOrigineId: enfant.id,
      residenceId: m.residenceId,
      // Followed by the same team, as the server decides too.
      ...suivi,
    });
    expect((await liensDecohabitation(db, m)).issus.map((x) => x.id)).toEqual([r.valeur.id]);
    expect((await liensDecohabitation(db, r.valeur)).origine?.id).toBe(m.id);
    expect(await decohabiter(db, enfant.id, AUJOURDHUI)).toEqual({
      ok: false,
      message: expect.stringContaining('déjà son propre dossier'),
    });
  });
});
