import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import ReunionsScreen from '../../src/ui/reunions/ReunionsScreen.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import { RelogementDb, creerMenage, enregistrerReunion, orienterMenage, ouvrirEntretien } from '../../src/data/index.ts';
import { ecrire } from '../../src/data/ecriture.ts';
import type { Entretien } from '../../src/domain/index.ts';
import { dateEnLettres, plusJours, plusMois, pseudonymeMenage } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Charte §4 steps 5 to 8 (seed 002_…): the bilan de peuplement within 1 month of the end of the
// interviews, the households presented at the GTR, anonymously when they refused to share their
// situation (§4 step 4), and the decisions recorded per household.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

const jour = aujourdhui();

async function operationAvecDeuxMenages() {
  const db = new RelogementDb(`ui-reunions-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, plusJours(jour, -200));
  const martin = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin', reference: 'TIL-0001' }, plusJours(jour, -200));
  const benali = await creerMenage(
    db,
    {
      residenceId: residence.id,
      nom: 'Famille Benali',
      reference: 'TIL-0007',
      adresse: '3 rue des Tilleuls',
      refusConsentement: { signeLe: plusJours(jour, -150) },
    },
    plusJours(jour, -200),
  );
  for (const m of [martin, benali]) {
    const r = await orienterMenage(
      db,
      { menageId: m.id, date: plusJours(jour, -60), circuit: 'gtr', groupes: [], decidePar: 'Réunion d’orientation', commentaire: '' },
      jour,
    );
    if (!r.ok) throw new Error(r.message);
  }
  return { db, operationId: residence.operationId, martin, benali };
}

const afficher = (db: RelogementDb, id: string, reunionId: string | null = null) =>
  render(
    <BaseContext.Provider value={db}>
      <ReunionsScreen id={id} reunionId={reunionId} />
    </BaseContext.Provider>,
  );

describe('the meetings of an opération', () => {
  it('the printable GTR list presents the household that refused to share anonymously, the other by name', async () => {
    const { db, operationId, benali } = await operationAvecDeuxMenages();
    const gtr = await enregistrerReunion(db, { operationId, nature: 'gtr', date: plusJours(jour, 7), heure: '14:00' });
    if (!gtr.ok) throw new Error(gtr.message);
    const { container } = afficher(db, operationId, gtr.valeur.id);
    await screen.findByText(pseudonymeMenage(benali));
    expect(container.textContent).toContain('Famille Martin (réf. TIL-0001)');
    expect(container.textContent).not.toMatch(/Benali|TIL-0007|Tilleuls/);
    expect(screen.getByRole('button', { name: 'Imprimer' })).toBeTruthy();
  });

  it('the bilan waits for the households’ first interviews, then is due 1 month after the last', async () => {
    const { db, operationId, martin, benali } = await operationAvecDeuxMenages();
    afficher(db, operationId);
    await screen.findByText(/2 ménages sans premier entretien terminé/);
    for (const [m, avant] of [
      [martin, -40],
      [benali, -10],
    ] as const) {
      const e = await ouvrirEntretien(db, m.id, plusJours(jour, avant));
      // Completed as the interview screen completes it once every answer is valid.
      await ecrire<Entretien>(db, 'entretiens', e.id, (x) => ({
        ...(x as Entretien),
        statut: 'termine',
        termineLe: plusJours(jour, avant),
      }));
    }
    expect(await screen.findByText(new RegExp(`au plus tard le ${dateEnLettres(plusMois(plusJours(jour, -10), 1))}`))).toBeTruthy();
  });

  it('a meeting is planned from the form; its decisions are recorded once it is held', async () => {
    const { db, operationId } = await operationAvecDeuxMenages();
    afficher(db, operationId);
    fireEvent.click(await screen.findByRole('button', { name: 'Enregistrer la réunion' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choisissez la date de la réunion.');
    fireEvent.change(screen.getByLabelText('Réunion'), { target: { value: 'gtr' } });
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: plusJours(jour, -1) } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la réunion' }));
    await screen.findByText(/2 ménages à présenter/);
    fireEvent.change(screen.getByLabelText('Décision'), { target: { value: 'freins_a_lever' } });
    fireEvent.input(screen.getByLabelText('Précisions (qui fait quoi, pour quand)'), { target: { value: 'Plan d’apurement avec le FSL' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    const decisions = await screen.findByRole('list', { name: 'Décisions par ménage' });
    expect(decisions.textContent).toMatch(/Famille (Benali|Martin) : Freins au relogement à lever — Plan d’apurement avec le FSL/);
  });
});
