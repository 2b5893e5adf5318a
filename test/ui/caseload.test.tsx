import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Caseload from '../../src/ui/menages/Caseload.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, creerMenage, enregistrerEtape, modifierMenage, offreParReference, proposer } from '../../src/data/index.ts';
import { plusJours } from '../../src/domain/index.ts';
import type { EvenementProposition } from '../../src/domain/index.ts';
import { TABLES_RESUMES, ecrireResumes } from '../../src/data/paquets-resumes.ts';
import { residenceDeTest } from '../data/base.ts';

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const jour = aujourdhui();
const il_y_a = (n: number) => plusJours(jour, -n);

describe('the caseload’s cards', () => {
  it('show the dossier’s completeness, and a proposal whose answer time has run out until the household answers', async () => {
    const db = new RelogementDb(`ui-caseload-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const { id: residenceId } = await residenceDeTest(db, il_y_a(200));
    const menage = await creerMenage(db, { residenceId, nom: 'Famille Benali' }, il_y_a(200));
    await modifierMenage(db, menage.id, { statut: 'proposition' });
    const offre = await offreParReference(db, 'LOG-42');
    const r = await proposer(db, { menageId: menage.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: il_y_a(30) }, jour);
    if (!r.ok) throw new Error(r.message);
    const etape = async (e: EvenementProposition) => {
      const fait = await enregistrerEtape(db, r.valeur.id, e, jour);
      if (!fait.ok) throw new Error(fait.message);
    };
    await etape({ type: 'avis', date: il_y_a(29), partenaire: 'GTR', avis: 'favorable', motif: '' });
    await etape({ type: 'caleol', date: il_y_a(28), decision: 'attribution', motif: '' });
    await etape({ type: 'visite', date: il_y_a(27), heure: null });

    render(
      <BaseContext.Provider value={db}>
        <Caseload />
      </BaseContext.Provider>,
    );
    const carte = (await screen.findByText('Famille Benali')).closest('a') as HTMLElement;
    expect(within(carte).getByText(/dossier complet à 0 %/)).toBeTruthy();
    expect(within(carte).getByText('Dossier : pièces manquantes ou à renouveler')).toBeTruthy();
    expect(within(carte).getByText('Délai dépassé : Délai de réponse dépassé (proposition n° 1) : constater le refus')).toBeTruthy();
    await etape({ type: 'reponse', date: il_y_a(1), decision: 'refus', motif: 'etage', commentaire: '' });
    await waitFor(() => expect(within(carte).queryByText(/Délai dépassé/)).toBeNull());
  });

  it('say, at the first start of a day, that the dossier alerts and clocks shown are being brought to the day, until they are', async () => {
    const db = new RelogementDb(`ui-caseload-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const { id: residenceId } = await residenceDeTest(db, il_y_a(200));
    await creerMenage(db, { residenceId, nom: 'Famille Benali' }, il_y_a(200));
    // The summaries as the day before left them.
    await db.transaction('rw', [...TABLES_RESUMES], async () => {
      const resumes = (await db.paquetsResumes.toArray()).flatMap((p) => p.resumes);
      await ecrireResumes(
        db,
        resumes.map((r) => ({ ...r, calculeLe: il_y_a(1) })),
      );
    });
    render(
      <BaseContext.Provider value={db}>
        <Caseload />
      </BaseContext.Provider>,
    );
    expect(await screen.findByText('Famille Benali')).toBeTruthy();
    expect(screen.getByText(/en cours de mise à jour pour aujourd’hui/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/en cours de mise à jour pour aujourd’hui/)).toBeNull(), { timeout: 10_000 });
    expect(screen.getByText('Famille Benali')).toBeTruthy();
  });

  it('show every household of a long list, a search narrows them, and a renamed household keeps the list whole', async () => {
    const db = new RelogementDb(`ui-caseload-${Math.random().toString(36).slice(2)}`);
    bases.push(db);
    const { id: residenceId } = await residenceDeTest(db, il_y_a(200));
    const menages = [];
    for (let i = 10; i < 40; i++)
      menages.push(await creerMenage(db, { residenceId, nom: `Famille ${i % 2 ? 'Durand' : 'Martin'} ${i}` }, il_y_a(100)));
    render(
      <BaseContext.Provider value={db}>
        <Caseload />
      </BaseContext.Provider>,
    );
    const cartes = () => screen.queryAllByText(/^Famille \w+ \d+$/);
    await waitFor(() => expect(cartes()).toHaveLength(30));
    expect(screen.getByRole('status').textContent).toContain('30 ménages affichés sur 30');
    fireEvent.input(screen.getByLabelText('Rechercher (nom, adresse, référence)'), { target: { value: 'martin' } });
    await waitFor(() =>
      expect(cartes().map((c) => c.textContent)).toEqual(Array.from({ length: 15 }, (_, i) => `Famille Martin ${10 + 2 * i}`)),
    );
    fireEvent.input(screen.getByLabelText('Rechercher (nom, adresse, référence)'), { target: { value: '' } });
    await waitFor(() => expect(cartes()).toHaveLength(30));
    await modifierMenage(db, menages[0]!.id, { nom: 'Famille Zola 99' });
    await screen.findByText('Famille Zola 99', {}, { timeout: 5000 });
    expect(cartes()).toHaveLength(30);
  });
});
