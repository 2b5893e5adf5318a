import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import {
  RelogementDb,
  creerMenage,
  listerRefusees,
  lotAEnvoyer,
  mettreDeCote,
  nombreEnAttente,
  nombreRefusees,
} from '../../src/data/index.ts';
import type { EtatSync } from '../../src/sync-client/index.ts';
import { etatAffiche } from '../../src/ui/synchro/etat-affiche.ts';
import RefuseesScreen from '../../src/ui/synchro/RefuseesScreen.tsx';
import { RefuseesDuMenage } from '../../src/ui/synchro/RefuseesDuMenage.tsx';
import { NouvelleResidence } from '../../src/ui/parametres/NouvelleResidence.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { enregistrerSession } from '../../src/data/index.ts';
import { residenceDeTest } from '../data/base.ts';

// What the header says of the sync, and the screen of refused changes.

const etat = (over: Partial<EtatSync>): EtatSync => ({
  phase: 'inactif',
  derniereSynchro: '2026-03-15T13:32:00.000Z',
  enAttente: 0,
  refusees: 0,
  message: null,
  recus: null,
  avancement: null,
  fichiers: null,
  ...over,
});
const phases: EtatSync['phase'][] = ['inactif', 'en_cours', 'hors_ligne', 'erreur', 'connexion_requise', 'mise_a_jour_requise'];

describe('the sync status', () => {
  it('says « Synchronisé » only when nothing waits and nothing was refused', () => {
    expect(etatAffiche(etat({}), true)).toMatchObject({
      texte: expect.stringMatching(/^Synchronisé à \d\d:\d\d$/),
      ton: 'ok',
      refusees: null,
    });
    expect(etatAffiche(etat({ enAttente: 3 }), true)).toMatchObject({ texte: '3 modifications en attente', ton: 'neutre' });
    expect(etatAffiche(etat({ refusees: 1 }), true)).toMatchObject({ texte: '', refusees: '1 modification refusée' });
    fc.assert(
      fc.property(fc.constantFrom(...phases), fc.nat(5_000), fc.nat(5_000), fc.boolean(), (phase, enAttente, refusees, enLigne) => {
        const { texte } = etatAffiche(etat({ phase, enAttente, refusees }), enLigne);
        if (enAttente > 0 || refusees > 0) expect(texte).not.toMatch(/synchronisé à/i);
      }),
    );
  });

  it('counts the changes set aside under a former code as waiting, and says so (docs/chiffrement.md, « Après l’effacement »)', () => {
    expect(etatAffiche(etat({ enAttente: 3 }), true, 2)).toMatchObject({
      texte: '5 modifications en attente, dont 2 mises de côté',
      ton: 'neutre',
    });
    expect(etatAffiche(etat({}), true, 1)).toMatchObject({ texte: '1 modification en attente, dont 1 mise de côté', ton: 'neutre' });
    expect(etatAffiche(etat({ phase: 'hors_ligne' }), false, 4).texte).toBe(
      'Hors ligne — 4 modifications en attente, dont 4 mises de côté',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...phases),
        fc.nat(5_000),
        fc.integer({ min: 1, max: 5_000 }),
        fc.boolean(),
        (phase, enAttente, misesDeCote, enLigne) => {
          const { texte } = etatAffiche(etat({ phase, enAttente }), enLigne, misesDeCote);
          expect(texte).not.toMatch(/synchronisé à/i);
          expect(texte).toContain(`${new Intl.NumberFormat('fr-FR').format(enAttente + misesDeCote)} modification`);
        },
      ),
    );
  });

  it('is neutral offline, whatever the last failure or the session, and a failure only online', () => {
    for (const phase of ['hors_ligne', 'erreur', 'connexion_requise', 'inactif'] as const) {
      expect(etatAffiche(etat({ phase, enAttente: 12, message: 'Serveur injoignable' }), false)).toEqual({
        texte: `Hors ligne — 12 modifications en attente`,
        ton: 'neutre',
        refusees: null,
        message: null,
      });
    }
    expect(etatAffiche(etat({ phase: 'erreur', message: 'Le serveur a rencontré une erreur' }), true)).toMatchObject({
      texte: 'Synchronisation en échec',
      ton: 'erreur',
      message: 'Le serveur a rencontré une erreur',
    });
    expect(etatAffiche(etat({}), false).texte).toMatch(/^Hors ligne — synchronisé à \d\d:\d\d$/);
  });
});

async function baseAvecRefus() {
  const db = new RelogementDb(`ui-refus-${Math.random().toString(36).slice(2)}`);
  const residence = await residenceDeTest(db, '2026-01-05');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, '2026-03-15');
  const lot = await lotAEnvoyer(db);
  await mettreDeCote(
    db,
    lot
      .filter((c) => c.recordId === menage.id)
      .map((c) => ({ changeId: c.changeId, error: 'Accès refusé : ménage inconnu, non suivi, ou sans résidence de votre organisation.' })),
  );
  return db;
}

describe('the refused changes screen', () => {
  it('shows them per household with the reason and what to do, and sends them again on request', async () => {
    const db = await baseAvecRefus();
    const refusees = await nombreRefusees(db);
    const enAttente = await nombreEnAttente(db);
    render(
      <BaseContext.Provider value={db}>
        <RefuseesScreen />
      </BaseContext.Provider>,
    );
    expect(await screen.findByRole('link', { name: 'Famille Martin' })).toBeTruthy();
    expect(screen.getByText(/Accès refusé : ménage inconnu/)).toBeTruthy();
    expect(screen.getByText(/Demandez à votre encadrant de vous l’attribuer/)).toBeTruthy();
    expect(screen.getByText('Ménage · Nom : Famille Martin')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(async () => expect(await nombreRefusees(db)).toBe(0));
    expect(await nombreEnAttente(db)).toBe(enAttente + refusees);
    await db.delete();
  });

  it('drops them only after a confirmation', async () => {
    const db = await baseAvecRefus();
    render(
      <BaseContext.Provider value={db}>
        <RefuseesScreen />
      </BaseContext.Provider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Abandonner…' }));
    expect((await listerRefusees(db)).length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: /Confirmer l’abandon de \d+ modifications/ }));
    expect(await screen.findByText(/Aucune modification refusée/)).toBeTruthy();
    await db.delete();
  });
});

describe('a household’s page', () => {
  it('says how many of its changes were refused, with a link to why', async () => {
    const db = await baseAvecRefus();
    const [groupe] = await listerRefusees(db);
    render(
      <BaseContext.Provider value={db}>
        <RefuseesDuMenage menageId={groupe!.menageId!} />
      </BaseContext.Provider>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      new RegExp(`^${groupe!.changes.length} modifications de ce ménage ont été refusées par le serveur`),
    );
    expect(screen.getByRole('link', { name: 'Voir pourquoi et quoi faire' }).getAttribute('href')).toBe('#/refusees');
    await db.delete();
  });
});

describe('adding a résidence', () => {
  it('is a proposal for a chargée, once the server told the device her role', async () => {
    const db = new RelogementDb(`ui-residence-${Math.random().toString(36).slice(2)}`);
    render(
      <BaseContext.Provider value={db}>
        <NouvelleResidence />
      </BaseContext.Provider>,
    );
    expect(await screen.findByRole('button', { name: 'Ajouter la résidence' })).toBeTruthy();
    await enregistrerSession(db, {
      token: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: {
        id: '0190a000-0000-7000-8000-0000000000f1',
        email: 'c@exemple.fr',
        name: 'Claire',
        role: 'chargé',
        organisation: { id: '0190a000-0000-7000-8000-0000000000f2', name: 'Bailleur', kind: null, territory: null },
      },
    });
    expect(await screen.findByRole('button', { name: 'Proposer la résidence' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Proposer une résidence' })).toBeTruthy();
    await db.delete();
  });
});
