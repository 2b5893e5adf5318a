import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { App } from '../../src/ui/app/App.tsx';
import { ECRANS, lien, type NomEcran } from '../../src/ui/app/route.ts';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { EcranVerrou } from '../../src/ui/verrou/EcranVerrou.tsx';
import { RelogementDb, creerMenage, creerOffre } from '../../src/data/index.ts';
import { residenceDeTest } from '../data/base.ts';

// While a screen loads (its module, then its data), the page already has the screen's level-one
// heading: a screen-reader user who lands there hears where they are, and the heading does not
// change once the screen is shown. What loads is said politely.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
  location.hash = '';
});

async function preparer() {
  const db = new RelogementDb(`ui-chargement-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const residence = await residenceDeTest(db, '2025-01-01');
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-02-01');
  const offre = await creerOffre(db);
  return { db, menage, offre };
}

const titreAffiche = () => screen.getByRole('heading', { level: 1 }).textContent;
const chargementAffiche = () => document.querySelector('.chargement');
/** The screen's own loading line, under its heading (a part of a shown screen has its own). */
const chargementDeLEcran = () => document.querySelector('h1 + .chargement');

/** The identifiers each screen is opened with; unknown ones where the screen shows nothing of them here. */
function proprietes(nom: NomEcran, menageId: string, offreId: string): Record<string, string | null> {
  const { requis, options } = ECRANS[nom] as { requis: readonly string[]; options: readonly string[] };
  const valeur = (cle: string) =>
    cle === 'offreId' || nom === 'offre' ? offreId : cle === 'id' || cle === 'menageId' ? menageId : 'inconnu';
  return Object.fromEntries([...requis.map((c) => [c, valeur(c)]), ...options.map((c) => [c, null])]);
}

describe('a screen while it loads', () => {
  it('has its title as its heading from its first drawing, and its loading text announced', async () => {
    const { db, menage, offre } = await preparer();
    for (const nom of Object.keys(ECRANS) as NomEcran[]) {
      const { default: Vue } = (await ECRANS[nom].vue()) as { default: ComponentType<Record<string, string | null>> };
      const vue = render(
        <BaseContext.Provider value={db}>
          <Vue {...proprietes(nom, menage.id, offre.id)} />
        </BaseContext.Provider>,
      );
      const enChargement = chargementDeLEcran();
      expect(titreAffiche(), nom).toBe(ECRANS[nom].titre);
      if (enChargement) {
        expect(enChargement.getAttribute('role'), nom).toBe('status');
        expect(enChargement.textContent, nom).toMatch(/^Chargement( d[eu]s? .+)?…$/);
      }
      vue.unmount();
    }
  });

  it('keeps the same heading once loaded where it names nothing loaded, and names the household once it is read', async () => {
    const { db, menage } = await preparer();
    for (const nom of ['agenda', 'refusees', 'baremes', 'reunions', 'offres'] as const) {
      const { default: Vue } = (await ECRANS[nom].vue()) as { default: ComponentType<Record<string, string | null>> };
      const vue = render(
        <BaseContext.Provider value={db}>
          <Vue id={null} reunionId={null} />
        </BaseContext.Provider>,
      );
      await waitFor(() => expect(chargementAffiche(), nom).toBeNull());
      expect(titreAffiche(), nom).toBe(ECRANS[nom].titre);
      vue.unmount();
    }
    const { default: MenageScreen } = await ECRANS.menage.vue();
    render(
      <BaseContext.Provider value={db}>
        <MenageScreen id={menage.id} />
      </BaseContext.Provider>,
    );
    expect(titreAffiche()).toBe('Ménage');
    expect(screen.getByRole('status').textContent).toBe('Chargement du ménage…');
    await screen.findByRole('heading', { level: 1, name: 'Famille Benali' });
  });

  it('the lock screen has its title while it reads how the device is locked', async () => {
    const { db } = await preparer();
    render(<EcranVerrou db={db} onOuvert={() => undefined} />);
    expect(titreAffiche()).toBe('Application verrouillée');
    expect(chargementDeLEcran()?.getAttribute('role')).toBe('status');
  });

  it('in the app, has its heading while its module loads, and the document its title', async () => {
    const { db } = await preparer();
    location.hash = lien.baremes();
    render(<App db={db} moteur={null} />);
    expect(titreAffiche()).toBe('Simulation : seuils et barèmes FSL');
    expect(screen.getByText('Chargement…').getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.title).toBe('Simulation : seuils et barèmes FSL — Relogement'));
    await waitFor(() => expect(chargementAffiche()).toBeNull());
    expect(titreAffiche()).toBe('Simulation : seuils et barèmes FSL');
  });
});
