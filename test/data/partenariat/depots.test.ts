import { describe, expect, it } from 'vitest';
import { nouvelleBase, residenceDeTest } from '../base.ts';
import {
  ajouterPersonne,
  creerMenage,
  designerCandidat,
  donnerAvis,
  filtrerOffres,
  listerOffresPartagees,
  modifierMenage,
  modifierOffrePartagee,
  positionnerMenage,
  positionsDeLOffre,
  positionsDuMenage,
  publierOffrePartagee,
  retirerPositionnement,
} from '../../../src/data/index.ts';

// Convention AMP art. 10: a landlord publishes, a team positions, the platform designates; each
// write is a change waiting in the outbox for the next sync.

const JOUR = '2026-03-04';

async function menageDeTest(db: ReturnType<typeof nouvelleBase>) {
  const residence = await residenceDeTest(db, '2026-01-05');
  const menage = await creerMenage(
    db,
    { residenceId: residence.id, nom: 'Famille Benali', adresse: '3 allée des Tilleuls', telephone: '0600000000', reference: 'LT-12' },
    JOUR,
  );
  await ajouterPersonne(db, menage.id, { prenom: 'Samia', nom: 'Benali', lien: 'titulaire', dateNaissance: '1980-05-02' });
  await ajouterPersonne(db, menage.id, { prenom: 'Yanis', nom: 'Benali', lien: 'enfant', dateNaissance: '2015-09-10', handicap: true });
  return menage;
}

describe('pooled offers and positions on the tablet', () => {
  it('publishes a dwelling, finds it by commune and keeps each step’s date', async () => {
    const db = nouvelleBase();
    const offre = await publierOffrePartagee(db, 'Habitat Val-Clair', '2026-03-02');
    await modifierOffrePartagee(db, offre.id, { commune: 'Val-Clair', typologie: 'T3', adresse: '12 rue des Oliviers' });
    await modifierOffrePartagee(db, offre.id, { piecesDemandees: 'Avis d’imposition 2025', piecesDemandeesLe: '2026-03-10' });
    const offres = await listerOffresPartagees(db);
    expect(filtrerOffres(offres, 'val-clair t3').map((o) => o.piecesDemandees)).toEqual(['Avis d’imposition 2025']);
    expect(await db.outbox.where('[table+recordId]').equals(['offresPartagees', offre.id]).count()).toBeGreaterThan(0);
  });

  it('positions a household with an anonymised sheet only when no consent opens the named one (charte §4 step 3)', async () => {
    const db = nouvelleBase();
    const offre = await publierOffrePartagee(db, 'Habitat Val-Clair', '2026-03-02');
    const menage = await menageDeTest(db);
    const sans = await positionnerMenage(db, offre.id, menage.id, JOUR, null);
    expect(sans.ficheNominative).toBeNull();
    expect(sans.ficheAnonyme).toMatchObject({ composition: '2 occupants : 1 adulte, 1 enfant', ages: [45, 10] });
    expect(sans.ficheAnonyme.besoins).toContain('Un occupant en situation de handicap');
    expect(JSON.stringify(sans.ficheAnonyme)).not.toMatch(/Benali|Tilleuls|LT-12/);

    await modifierMenage(db, menage.id, { consentements: { bailleurs: { accorde: true, date: JOUR } } });
    const avec = await positionnerMenage(db, offre.id, menage.id, JOUR, null);
    expect(avec.ficheNominative).toEqual({ nom: 'Famille Benali', adresse: '3 allée des Tilleuls', telephone: '0600000000', reference: 'LT-12' });
    await modifierMenage(db, menage.id, { refusConsentement: { signeLe: JOUR } });
    expect((await positionnerMenage(db, offre.id, menage.id, JOUR, null)).ficheNominative).toBeNull();
  });

  it('designates, withdraws and files each partner’s opinion under its organisation', async () => {
    const db = nouvelleBase();
    const offre = await publierOffrePartagee(db, 'Habitat Val-Clair', '2026-03-02');
    const menage = await menageDeTest(db);
    const p = await positionnerMenage(db, offre.id, menage.id, JOUR, null);
    await designerCandidat(db, p.id, 1, '2026-03-05');
    const etat = '0190a000-0000-7000-8000-00000000e7a7';
    await donnerAvis(db, p.id, etat, { decision: 'favorable', motif: 'Ressources compatibles', le: '2026-03-06', par: 'DDTM' });
    const [lu] = await positionsDeLOffre(db, offre.id);
    expect(lu).toMatchObject({ statut: 'designe', rang: 1, designeLe: '2026-03-05' });
    expect(lu?.avis[etat]?.motif).toBe('Ressources compatibles');
    expect(await db.outbox.where('[table+recordId]').equals(['positionnements', p.id]).filter((l) => l.field === `avis.${etat}`).count()).toBe(1);
    await expect(donnerAvis(db, p.id, etat, { decision: 'defavorable', motif: ' ', le: '2026-03-06', par: 'DDTM' })).rejects.toThrow(
      'Indiquez le motif',
    );
    await retirerPositionnement(db, p.id);
    expect((await positionsDuMenage(db, menage.id)).map((x) => x.statut)).toEqual(['retire']);
  });
});
