import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import OffresPartageesScreen from '../../src/ui/offres-partagees/OffresPartageesScreen.tsx';
import OffrePartageeScreen from '../../src/ui/offres-partagees/OffrePartageeScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  creerMenage,
  creerOperation,
  creerResidence,
  designerCandidat,
  enregistrerOrganisationsTerritoire,
  enregistrerSession,
  listerOffresPartagees,
  modifierOffrePartagee,
  modifierPositionnement,
  positionnerMenage,
  positionsDeLOffre,
  publierOffrePartagee,
} from '../../src/data/index.ts';
import type { OrganisationKind, Role } from '../../src/sync/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Convention AMP art. 10 on the tablet: the territory's offers with their step and clocks, what
// each organisation may do on them (docs/droits-partenaires.md), the candidates and their decisions.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const TERRITOIRE = { id: '0190a000-0000-7000-8000-0000000000d1', name: 'Métropole fictive de Val-Clair' };

async function base(role: Role, kind: OrganisationKind, organisation: string) {
  const db = new RelogementDb(`ui-offres-partagees-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  await enregistrerSession(db, {
    token: 't',
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: {
      id: '0190a000-0000-7000-8000-0000000000c1',
      email: 'x@exemple.fr',
      name: 'Camille',
      role,
      organisation: { id: '0190a000-0000-7000-8000-0000000000f2', name: organisation, kind, territory: TERRITOIRE },
    },
  });
  return db;
}

const afficher = (db: RelogementDb, ecran: preact.JSX.Element) => render(<BaseContext.Provider value={db}>{ecran}</BaseContext.Provider>);

/** An offer made available long ago, with one household of this tablet positioned on it. */
async function offreAvecCandidat(db: RelogementDb) {
  const offre = await publierOffrePartagee(db, 'Habitat Val-Clair', '2025-01-06');
  await modifierOffrePartagee(db, offre.id, { adresse: '12 rue des Oliviers', commune: 'Val-Clair', typologie: 'T3' });
  const residence = await residenceDeTest(db, '2025-01-01');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-01-02');
  const positionne = await positionnerMenage(db, offre.id, menage.id, '2025-01-08', null);
  // As the server marks it from the territory's priority operations.
  const position = await modifierPositionnement(db, positionne.id, { operationPrioritaire: true });
  return { offre, menage, position };
}

describe('offres du territoire', () => {
  it('lets a landlord publish a dwelling, and not a MOUS team', async () => {
    const mous = await base('chargé', 'mous', 'MOUS Val-Clair');
    afficher(mous, <OffresPartageesScreen />);
    await screen.findByText('0 offre sur 0');
    expect(screen.queryByRole('button', { name: 'Publier un logement' })).toBeNull();

    const bailleur = await base('partenaire', 'bailleur', 'Habitat Val-Clair');
    afficher(bailleur, <OffresPartageesScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publier un logement' }));
    await waitFor(async () => expect((await listerOffresPartagees(bailleur)).map((o) => o.bailleur)).toEqual(['Habitat Val-Clair']));
  });

  it('shows each offer’s step and its overdue deadline in words', async () => {
    const db = await base('chargé', 'mous', 'MOUS Val-Clair');
    await publierOffrePartagee(db, 'Habitat Val-Clair', '2025-01-06');
    afficher(db, <OffresPartageesScreen />);
    expect(await screen.findByText(/Habitat Val-Clair — Disponible/)).toBeTruthy();
    expect(screen.getByText(/En retard : désignation des candidats/)).toBeTruthy();
  });

  it('offers the platform the candidates in the convention’s order and designates at the first free rank', async () => {
    const db = await base('encadrant', 'plateforme', 'Plateforme Val-Clair');
    const { offre, position } = await offreAvecCandidat(db);
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    expect(await screen.findByText('Opération prioritaire du comité de pilotage', { selector: 'li' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Désigner au rang 1' }));
    await waitFor(async () =>
      expect((await positionsDeLOffre(db, offre.id))[0]).toMatchObject({ id: position.id, statut: 'designe', rang: 1 }),
    );
    expect(await screen.findByText(/Désigné au bailleur \(rang 1/)).toBeTruthy();
    expect(screen.getAllByText('En retard').length).toBeGreaterThan(0);
  });

  it('asks the host landlord for the reason of its decision and keeps the draft', async () => {
    const db = await base('partenaire', 'bailleur', 'Habitat Val-Clair');
    const { offre, position } = await offreAvecCandidat(db);
    await designerCandidat(db, position.id, 1, '2025-01-09');
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    fireEvent.click(await screen.findByLabelText('Favorable'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Indiquez le motif de l’avis ou de la décision.')).toBeTruthy();
    expect((await positionsDeLOffre(db, offre.id))[0]?.decision).toBeNull();
    fireEvent.input(screen.getByLabelText('Motif'), { target: { value: 'Dossier complet, ressources adaptées' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () =>
      expect((await positionsDeLOffre(db, offre.id))[0]?.decision?.motif).toBe('Dossier complet, ressources adaptées'),
    );
    expect(await screen.findByText(/Camille \(Habitat Val-Clair\)/)).toBeTruthy();
  });

  it('shows the sheet read-only to who is not the host, with a step dated before availability flagged at its field', async () => {
    const db = await base('chargé', 'mous', 'MOUS Val-Clair');
    const { offre } = await offreAvecCandidat(db);
    await modifierOffrePartagee(db, offre.id, { caleolLe: '2024-12-20' });
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    const caleol = (await screen.findByLabelText('Date de la CALEOL')) as HTMLInputElement;
    expect(caleol.disabled).toBe(true);
    expect(screen.getByText(/La CALEOL ne peut pas précéder la mise à disposition/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Désigner/ })).toBeNull();
  });

  it('shows the reason the server overturned a designation', async () => {
    const db = await base('chargé', 'mous', 'MOUS Val-Clair');
    const { offre, position } = await offreAvecCandidat(db);
    await modifierPositionnement(db, position.id, { refusServeur: 'Déjà 3 candidats désignés sur cette offre.' });
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    expect(await screen.findByText('Refusé par le serveur : Déjà 3 candidats désignés sur cette offre.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retirer le positionnement' })).toBeTruthy();
  });
  const ORGANISATIONS = [
    { id: '0190a000-0000-7000-8000-0000000000b1', name: 'Habitat Val-Clair', kind: 'bailleur' as const },
    { id: '0190a000-0000-7000-8000-0000000000b2', name: 'Logis du Levant', kind: 'bailleur' as const },
    { id: '0190a000-0000-7000-8000-0000000000f2', name: 'MOUS Val-Clair', kind: 'mous' as const },
  ];
  const PLATEFORME = { id: '0190a000-0000-7000-8000-0000000000e1', name: 'Plateforme Val-Clair', kind: 'plateforme' as const };

  it('offers « Désigner » to the host landlord only where the territory has no platform (convention art. 10)', async () => {
    const db = await base('partenaire', 'bailleur', 'Habitat Val-Clair');
    const { offre } = await offreAvecCandidat(db);
    await enregistrerOrganisationsTerritoire(db, [...ORGANISATIONS, PLATEFORME]);
    const vue = afficher(db, <OffrePartageeScreen id={offre.id} />);
    await screen.findByText(/— Positionné/);
    expect(screen.queryByRole('button', { name: /Désigner/ })).toBeNull();
    vue.unmount();
    await enregistrerOrganisationsTerritoire(db, ORGANISATIONS);
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    expect(await screen.findByRole('button', { name: 'Désigner au rang 1' })).toBeTruthy();
    // The tablet now knows the host landlord's organisation: the convention's order says why.
    await modifierPositionnement(db, (await positionsDeLOffre(db, offre.id))[0]?.id ?? '', {
      bailleurOrigineId: ORGANISATIONS[0]?.id ?? null,
    });
    expect(await screen.findByText('Ménage du bailleur qui propose le logement', { selector: 'li' })).toBeTruthy();
  });

  it('positions a household the matching cannot rank, with the warning and its résidence’s landlord as demolishing landlord', async () => {
    const db = await base('chargé', 'mous', 'MOUS Val-Clair');
    await enregistrerOrganisationsTerritoire(db, ORGANISATIONS);
    const offre = await publierOffrePartagee(db, 'Habitat Val-Clair', '2025-01-06');
    const operation = await creerOperation(db, { nom: 'NPNRU Levant', commune: 'Val-Clair', territoire: '' });
    const residence = await creerResidence(db, {
      operationId: operation.id,
      nom: 'Les Pins',
      adresse: '',
      commune: '',
      bailleur: 'Logis du Levant',
      dateOuverture: '2025-01-01',
    });
    const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Okafor' }, '2025-01-02');
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Positionner un autre ménage' }));
    fireEvent.input(screen.getByLabelText('Rechercher un ménage (nom, adresse, référence)'), { target: { value: 'okafor' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Choisir ce ménage' }));
    expect((await screen.findByRole('note')).textContent).toMatch(/^L’adéquation de ce logement au ménage n’a pas pu être vérifiée/);
    const bailleur = (await screen.findByLabelText(/^Bailleur démolisseur/)) as HTMLSelectElement;
    await waitFor(() => expect(bailleur.value).toBe(ORGANISATIONS[1]?.id));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer le positionnement' }));
    expect(await screen.findByText('Ménage positionné : le positionnement part à la prochaine synchronisation.')).toBeTruthy();
    expect(await positionsDeLOffre(db, offre.id)).toMatchObject([
      { menageId: menage.id, bailleurOrigineId: ORGANISATIONS[1]?.id, ficheAnonyme: { trancheRessources: 'Ressources non renseignées' } },
    ]);
  });

  it('records the household’s reply from its team: a refusal needs its reason, the draft is kept (convention art. 10)', async () => {
    const db = await base('chargé', 'mous', 'MOUS Val-Clair');
    const { offre, position } = await offreAvecCandidat(db);
    await designerCandidat(db, position.id, 1, '2025-01-09');
    afficher(db, <OffrePartageeScreen id={offre.id} />);
    const reponse = await screen.findByRole('group', { name: 'Réponse du ménage' });
    fireEvent.click(reponse.querySelector('input[value="refusee"]') as HTMLInputElement);
    fireEvent.input(screen.getByLabelText('Réponse donnée le'), { target: { value: '2025-01-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }));
    expect(await screen.findByText('Indiquez le motif du refus du ménage.')).toBeTruthy();
    expect((await positionsDeLOffre(db, offre.id))[0]?.reponseMenage).toBeNull();
    expect((screen.getByLabelText('Réponse donnée le') as HTMLInputElement).value).toBe('2025-01-20');
    fireEvent.input(screen.getByLabelText('Motif du refus'), { target: { value: 'Trop loin de l’école' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la réponse' }));
    await waitFor(async () =>
      expect((await positionsDeLOffre(db, offre.id))[0]).toMatchObject({
        reponseMenage: 'refusee',
        reponseMenageLe: '2025-01-20',
        reponseMenageMotif: 'Trop loin de l’école',
      }),
    );
    expect(await screen.findByText(/motif : Trop loin de l’école/)).toBeTruthy();
  });
});
