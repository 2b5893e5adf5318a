import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  abandonnerRefusees,
  ajouterPersonne,
  creerMenage,
  enregistrerSession,
  exporterRefusees,
  listerRefusees,
  lotAEnvoyer,
  marqueProposition,
  mettreDeCote,
  modifierMenage,
  nombreEnAttente,
  nombreRefusees,
  rattacherResidence,
  reessayerRefusees,
  referentielAValider,
  validerReferentiel,
} from '../../src/data/index.ts';
import type { RelogementDb } from '../../src/data/index.ts';
import type { Profile } from '../../src/sync/index.ts';
import { nouvelleBase, residenceDeTest } from './base.ts';

// What the server refuses is never lost nor hidden: set aside per household with its reason,
// until the officer sends it again, exports it or drops it.

const AUJOURDHUI = '2026-03-15';

const profil = (role: Profile['role']): Profile => ({ id: '0190a000-0000-7000-8000-0000000000f1', email: 'claire@exemple.fr', name: 'Claire', role, organisation: { id: '0190a000-0000-7000-8000-0000000000f2', name: 'Bailleur Exemple', kind: 'bailleur', territory: null } });
const connecter = (db: RelogementDb, role: Profile['role']) => enregistrerSession(db, { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user: profil(role) });

/** Claire's two households: the Martins (with an occupant) and the Diallos. */
async function deuxMenages(db: RelogementDb) {
  const residence = await residenceDeTest(db, '2026-01-05');
  const martin = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, AUJOURDHUI);
  const awa = await ajouterPersonne(db, martin.id, { prenom: 'Awa' });
  const diallo = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Diallo' }, AUJOURDHUI);
  return { residence, martin, awa, diallo };
}

describe('refused changes', () => {
  it('leave the outbox for a list per household with the server’s reason, counted apart from what waits', async () => {
    const db = nouvelleBase();
    const { martin, awa, diallo } = await deuxMenages(db);
    const lot = await lotAEnvoyer(db);
    const enAttente = await nombreEnAttente(db);
    const duMartin = lot.filter((c) => c.recordId === martin.id || c.recordId === awa.id);
    await mettreDeCote(db, duMartin.map((c) => ({ changeId: c.changeId, error: 'Accès refusé : ménage inconnu, non suivi, ou sans résidence de votre organisation.' })));

    expect(await nombreRefusees(db)).toBe(duMartin.length);
    expect(await nombreEnAttente(db)).toBe(enAttente - duMartin.length);
    expect((await lotAEnvoyer(db)).every((c) => c.recordId !== martin.id && c.recordId !== awa.id)).toBe(true);
    const groupes = await listerRefusees(db);
    expect(groupes.map((g) => [g.menageId, g.nom, g.changes.length])).toEqual([[martin.id, 'Famille Martin', duMartin.length]]);
    // The occupant's changes are filed under her household.
    expect(groupes[0]!.changes.filter((c) => c.recordId === awa.id).length).toBeGreaterThan(0);
    expect(groupes[0]!.changes.every((c) => c.erreur.startsWith('Accès refusé'))).toBe(true);
    expect((await lotAEnvoyer(db)).some((c) => c.recordId === diallo.id)).toBe(true);
  });

  it('go back to the outbox in their original order when the officer retries them', async () => {
    const db = nouvelleBase();
    const { martin } = await deuxMenages(db);
    const avant = await lotAEnvoyer(db);
    const duMartin = avant.filter((c) => c.recordId === martin.id);
    await mettreDeCote(db, duMartin.map((c) => ({ changeId: c.changeId, error: 'refus' })));
    await modifierMenage(db, martin.id, { telephone: '06 12 34 56 78' });

    await reessayerRefusees(db, duMartin.map((c) => c.changeId).reverse());
    expect(await nombreRefusees(db)).toBe(0);
    const apres = await lotAEnvoyer(db);
    expect(apres.map((c) => c.changeId).filter((id) => duMartin.some((c) => c.changeId === id))).toEqual(duMartin.map((c) => c.changeId));
    expect(apres).toHaveLength(avant.length + 1);
  });

  it('are dropped only by an explicit choice, and can be exported first', async () => {
    const db = nouvelleBase();
    const { diallo } = await deuxMenages(db);
    const duDiallo = (await lotAEnvoyer(db)).filter((c) => c.recordId === diallo.id);
    await mettreDeCote(db, duDiallo.map((c) => ({ changeId: c.changeId, error: 'Valeur invalide.' })));

    const export_ = JSON.parse(await exporterRefusees(db)) as { groupes: { nom: string; changes: { field: string; erreur: string }[] }[] };
    expect(export_.groupes[0]).toMatchObject({ nom: 'Famille Diallo' });
    expect(export_.groupes[0]!.changes.find((c) => c.field === 'nom')).toMatchObject({ erreur: 'Valeur invalide.' });

    await abandonnerRefusees(db, duDiallo.slice(0, 1).map((c) => c.changeId));
    expect(await nombreRefusees(db)).toBe(duDiallo.length - 1);
    expect(await db.menages.get(diallo.id)).toMatchObject({ nom: 'Famille Diallo' });
  });
});

describe('reference data a chargée creates', () => {
  it('is marked as proposed once the device knows her role; an encadrant’s or an unknown role’s is not', async () => {
    const db = nouvelleBase();
    expect(await marqueProposition(db)).toEqual({});
    await connecter(db, 'encadrant');
    expect(await marqueProposition(db)).toEqual({});
    await connecter(db, 'chargé');
    const residence = await residenceDeTest(db, '2026-01-05');
    expect(residence.aValider).toBe(true);
    expect((await referentielAValider(db)).residences.map((r) => r.nom)).toEqual(['Les Tilleuls']);
  });

  it('is validated, or mapped onto an existing résidence with its households, by an encadrant', async () => {
    const db = nouvelleBase();
    const existante = await residenceDeTest(db, '2025-06-01');
    await connecter(db, 'chargé');
    const { residence: proposee, martin, diallo } = await deuxMenages(db);
    await connecter(db, 'encadrant');

    await rattacherResidence(db, proposee.id, existante.id);
    expect((await db.menages.bulkGet([martin.id, diallo.id])).map((m) => m?.residenceId)).toEqual([existante.id, existante.id]);
    expect(await db.residences.get(proposee.id)).toMatchObject({ rattacheeA: existante.id, supprime: true, aValider: false });
    const operation = (await referentielAValider(db)).operations[0]!;
    await validerReferentiel(db, 'operations', operation.id);
    expect(await referentielAValider(db)).toEqual({ operations: [], residences: [], offres: [] });
  });
});
