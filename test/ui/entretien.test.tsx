import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import EntretienScreen from '../../src/ui/entretien/EntretienScreen.tsx';
import { BaseContext } from '../../src/ui/commun/contexte.ts';
import { aujourdhui } from '../../src/ui/commun/contexte.ts';
import {
  RelogementDb,
  ajouterPersonne,
  creerMenage,
  enregistrerReponse,
  lireEntretien,
  modifierMenage,
  ouvrirEntretien,
} from '../../src/data/index.ts';
import { cleRessource, libelleMois } from '../../src/domain/index.ts';
import type { Entretien, Personne } from '../../src/domain/index.ts';
import { reponsesCompletes } from '../domain/fixtures.ts';
import { residenceDeTest } from '../data/base.ts';

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

async function preparer(): Promise<{ db: RelogementDb; entretien: Entretien; titulaire: Personne }> {
  const db = new RelogementDb(`ui-${Math.random().toString(36).slice(2)}`);
  bases.push(db);
  const jour = aujourdhui();
  const residence = await residenceDeTest(db, jour);
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, jour);
  const titulaire = await ajouterPersonne(db, menage.id, {
    prenom: 'Aïcha',
    nom: 'Benali',
    lien: 'titulaire',
    dateNaissance: '1980-05-12',
  });
  await modifierMenage(db, menage.id, { consentements: { bailleurs: { accorde: true, date: jour } } });
  const entretien = await ouvrirEntretien(db, menage.id, jour);
  return { db, entretien, titulaire };
}

function afficher(db: RelogementDb, id: string, section: string) {
  return render(
    <BaseContext.Provider value={db}>
      <EntretienScreen id={id} section={section} />
    </BaseContext.Provider>,
  );
}

/** The message a field announces: the text of the elements its aria-describedby points at. */
function description(champ: HTMLElement): string {
  const ids = champ.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const saisir = (champ: HTMLElement, texte: string) => fireEvent.input(champ, { target: { value: texte } });

describe('the interview grid', () => {
  it('text typed in the rent field is explained at the field and kept, on screen and in the database', async () => {
    const { db, entretien } = await preparer();
    afficher(db, entretien.id, 'logement');
    const loyer = await screen.findByLabelText('Loyer mensuel hors charges (€)');
    saisir(loyer, 'abc');
    expect(loyer).toHaveProperty('value', 'abc');
    const alerte = await screen.findByText('Saisissez un nombre, par exemple 1 234,56.');
    expect(alerte.getAttribute('role')).toBe('alert');
    expect(loyer.getAttribute('aria-invalid')).toBe('true');
    expect(description(loyer)).toContain('Saisissez un nombre, par exemple 1 234,56.');
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.reponses['logement.loyer']).toEqual({ valeur: 'abc' }));
    fireEvent.blur(loyer);
    // The value read back from storage is the one typed: nothing was lost or rewritten.
    await waitFor(() => expect(screen.getByLabelText('Loyer mensuel hors charges (€)')).toHaveProperty('value', 'abc'));
  });

  it('a negative amount shows the negative message', async () => {
    const { db, entretien } = await preparer();
    afficher(db, entretien.id, 'logement');
    const charges = await screen.findByLabelText('Charges mensuelles sur la quittance (€)');
    saisir(charges, '-40');
    await screen.findByText('La valeur ne peut pas être négative.');
    expect(description(charges)).toContain('La valeur ne peut pas être négative.');
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.reponses['logement.charges']).toEqual({ valeur: '-40' }));
  });

  it('a correct French amount is saved without a message', async () => {
    const { db, entretien } = await preparer();
    afficher(db, entretien.id, 'logement');
    const loyer = await screen.findByLabelText('Loyer mensuel hors charges (€)');
    saisir(loyer, '1 234,56');
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.reponses['logement.loyer']).toEqual({ valeur: '1 234,56' }));
    expect(loyer.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers "Ne souhaite pas répondre" on wishes, and not on the regulatory questions of the dwelling', async () => {
    const { db, entretien } = await preparer();
    const vue = afficher(db, entretien.id, 'logement');
    await screen.findByLabelText('Loyer mensuel hors charges (€)');
    expect(screen.queryAllByLabelText('Ne souhaite pas répondre')).toHaveLength(0);
    vue.unmount();

    afficher(db, entretien.id, 'souhaits');
    const forme = await screen.findByRole('group', { name: 'Forme d’habitat' });
    const question = forme.closest('.question') as HTMLElement;
    const nsp = within(question).getByLabelText('Ne souhaite pas répondre');
    expect(screen.getAllByLabelText('Ne souhaite pas répondre').length).toBeGreaterThan(1);
    fireEvent.click(nsp);
    await waitFor(async () =>
      expect((await lireEntretien(db, entretien.id))?.reponses['souhaits.formeHabitat']).toEqual({ valeur: '', nsp: true }),
    );
    await waitFor(() => expect(within(forme).getByLabelText('Maison individuelle')).toHaveProperty('disabled', true));
  });

  it('shows a conditional question only after the answer it depends on', async () => {
    const { db, entretien } = await preparer();
    afficher(db, entretien.id, 'logement');
    const impayes = await screen.findByRole('group', { name: 'Impayés de loyer' });
    expect(screen.queryByLabelText('Montant de la dette locative (€)')).toBeNull();
    fireEvent.click(within(impayes).getByLabelText('Oui'));
    expect(await screen.findByLabelText('Montant de la dette locative (€)')).toBeTruthy();
    fireEvent.click(within(impayes).getByLabelText('Non'));
    await waitFor(() => expect(screen.queryByLabelText('Montant de la dette locative (€)')).toBeNull());
  });
});

describe('the review before completing', () => {
  it('lists what to fix, keeps the button disabled until fixed, then completes and becomes read-only', async () => {
    const { db, entretien, titulaire } = await preparer();
    // Everything answered except a rent typed as text.
    for (const [cle, r] of Object.entries(reponsesCompletes([titulaire]))) await enregistrerReponse(db, entretien.id, cle, r);
    await enregistrerReponse(db, entretien.id, 'logement.loyer', { valeur: '412 euros' });

    const vue = afficher(db, entretien.id, 'revue');
    const liste = await screen.findByRole('region', { name: /À corriger avant de terminer \(1\)/ });
    expect(within(liste).getByRole('listitem').textContent).toBe(
      'Logement actuel — Loyer mensuel hors charges (€) : Saisissez un nombre, par exemple 1 234,56.',
    );
    expect(within(liste).getByRole('link', { name: 'Logement actuel — Loyer mensuel hors charges (€)' }).getAttribute('href')).toBe(
      `#/entretien/${entretien.id}/logement/q-logement-loyer`,
    );
    const terminer = screen.getByRole('button', { name: 'Marquer l’entretien comme terminé' });
    expect(terminer).toHaveProperty('disabled', true);

    // The officer goes back to the dwelling section and corrects the rent.
    vue.rerender(
      <BaseContext.Provider value={db}>
        <EntretienScreen id={entretien.id} section="logement" />
      </BaseContext.Provider>,
    );
    const loyer = await screen.findByLabelText('Loyer mensuel hors charges (€)');
    expect(loyer).toHaveProperty('value', '412 euros');
    saisir(loyer, '412');
    fireEvent.blur(loyer);
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.reponses['logement.loyer']).toEqual({ valeur: '412' }));

    vue.rerender(
      <BaseContext.Provider value={db}>
        <EntretienScreen id={entretien.id} section="revue" />
      </BaseContext.Provider>,
    );
    await screen.findByText('Tout est renseigné : l’entretien peut être marqué comme terminé.');
    expect(screen.queryByRole('region', { name: /À corriger/ })).toBeNull();
    const bouton = screen.getByRole('button', { name: 'Marquer l’entretien comme terminé' });
    expect(bouton).toHaveProperty('disabled', false);

    fireEvent.click(bouton);
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.statut).toBe('termine'));
    expect(await screen.findByText(/il est en lecture seule/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Nouvel entretien de suivi' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Marquer l’entretien comme terminé' })).toBeNull();
    expect(screen.getByLabelText('Date de l’entretien')).toHaveProperty('disabled', true);

    vue.rerender(
      <BaseContext.Provider value={db}>
        <EntretienScreen id={entretien.id} section="logement" />
      </BaseContext.Provider>,
    );
    expect(await screen.findByLabelText('Loyer mensuel hors charges (€)')).toHaveProperty('disabled', true);
    expect(within(screen.getByRole('group', { name: 'Typologie' })).getByLabelText('T3')).toHaveProperty('disabled', true);
  });

  it('an empty interview lists every missing part and cannot be completed', async () => {
    const { db, entretien } = await preparer();
    afficher(db, entretien.id, 'revue');
    const liste = await screen.findByRole('region', { name: /À corriger avant de terminer/ });
    const points = within(liste)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points).toContain('Logement actuel : « Loyer mensuel hors charges (€) » est à renseigner.');
    expect(points).toContain('Ressources des 3 derniers mois : Renseignez les ressources de chacun des 3 derniers mois (0 si aucune).');
    expect(screen.getByRole('button', { name: 'Marquer l’entretien comme terminé' })).toHaveProperty('disabled', true);
    expect(
      screen.getByText('Corrigez les points ci-dessus pour pouvoir terminer l’entretien. Tout ce qui est saisi reste enregistré.'),
    ).toBeTruthy();
  });
});

describe('an implausible resource amount', () => {
  it('is named in the review with its person, month and nature, links to its field, and counts once confirmed', async () => {
    const { db, entretien, titulaire } = await preparer();
    for (const [cle, r] of Object.entries(reponsesCompletes([titulaire]))) await enregistrerReponse(db, entretien.id, cle, r);
    const cle = cleRessource(titulaire.id, 2, 'salaire');
    await enregistrerReponse(db, entretien.id, cle, { valeur: '150 000' });
    const mois = libelleMois(entretien.date, 2);

    const vue = afficher(db, entretien.id, 'revue');
    // The month is not counted yet, so it is also reported as missing.
    const liste = await screen.findByRole('region', { name: /À corriger avant de terminer \(2\)/ });
    const point = within(liste).getByRole('link', { name: `Ressources des 3 derniers mois — Aïcha Benali, ${mois}, Salaires` });
    expect(within(liste).getAllByRole('listitem')[0]?.textContent).toMatch(
      /: Valeur improbable : vérifiez la saisie \(au plus 20\s000 €\) ou confirmez le montant\.$/,
    );
    const href = point.getAttribute('href') ?? '';
    expect(href).toBe(`#/entretien/${entretien.id}/ressources/r-ressources-${titulaire.id}-2-salaire`);

    // Following the link: the section opens on the field, and the average leaves the amount out.
    const [, , , section, champ] = href.split('/');
    vue.rerender(
      <BaseContext.Provider value={db}>
        <EntretienScreen id={entretien.id} section={section ?? null} champ={champ ?? null} />
      </BaseContext.Provider>,
    );
    const libelle = `Salaires, ${mois}, Aïcha Benali`;
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(libelle)));
    expect(screen.getByRole('status').textContent).toMatch(/^Ressources mensuelles retenues : 1\s500,00\s€/);

    fireEvent.click(screen.getByRole('button', { name: `Confirmer ce montant : ${libelle}` }));
    await waitFor(async () =>
      expect((await lireEntretien(db, entretien.id))?.reponses[cle]).toEqual({ valeur: '150 000', confirme: true }),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Ressources mensuelles retenues : 51\s000,00\s€/));
    expect(screen.queryByText(/Valeur improbable/)).toBeNull();
  });
});

describe('a declined answer on a regulatory question (an older grid, another device)', () => {
  it('can be undone, so the officer can give the answer the review asks for', async () => {
    const { db, entretien } = await preparer();
    await enregistrerReponse(db, entretien.id, 'logement.loyer', { valeur: '', nsp: true });
    afficher(db, entretien.id, 'logement');
    await screen.findByText('Cette question fait partie de l’entretien réglementaire : une réponse est nécessaire.');
    const question = (await screen.findByLabelText('Loyer mensuel hors charges (€)')).closest('.question') as HTMLElement;
    fireEvent.click(within(question).getByLabelText('Ne souhaite pas répondre'));
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.reponses['logement.loyer']).toEqual({ valeur: '' }));
    const loyer = screen.getByLabelText('Loyer mensuel hors charges (€)');
    await waitFor(() => expect(loyer).toHaveProperty('disabled', false));
    saisir(loyer, '412');
    await waitFor(async () => expect((await lireEntretien(db, entretien.id))?.reponses['logement.loyer']).toEqual({ valeur: '412' }));
    expect(screen.queryByText('Cette question fait partie de l’entretien réglementaire : une réponse est nécessaire.')).toBeNull();
    // Once answered, the question is regulatory again: it cannot be declined.
    expect(within(question).queryByLabelText('Ne souhaite pas répondre')).toBeNull();
  });
});
