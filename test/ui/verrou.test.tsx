import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { RelogementDb, VERSIONS, choisirCode, deverrouiller, verrouiller } from '../../src/data/index.ts';
import { ChangerCode } from '../../src/ui/verrou/ChangerCode.tsx';
import { nomUnique } from '../data/base.ts';

// Issue 17 item 2: the officer changes her code from Paramètres; every mistake is said at its field.

const bases: RelogementDb[] = [];
afterEach(async () => {
  for (const db of bases.splice(0)) await db.delete();
});

async function base() {
  const db = new RelogementDb(nomUnique('ui-code'), VERSIONS, { chiffree: true });
  bases.push(db);
  await choisirCode(db, '482913', 'chiffres');
  return db;
}

const saisir = (libelle: string, valeur: string) => fireEvent.input(screen.getByLabelText(libelle), { target: { value: valeur } });
const valider = () => fireEvent.click(screen.getByRole('button', { name: 'Changer de code' }));

describe('changer de code', () => {
  it('says at the field a missing current code, a short new code and a confirmation that differs, and changes nothing', async () => {
    const db = await base();
    render(<ChangerCode db={db} genreActuel="chiffres" />);
    saisir('Nouveau code', '123');
    valider();
    expect(await screen.findByText('Saisissez votre code actuel.')).toBeTruthy();
    expect(screen.getByText('Le code doit compter au moins 6 chiffres.')).toBeTruthy();
    expect(screen.getByLabelText('Nouveau code').getAttribute('aria-invalid')).toBe('true');
    saisir('Code actuel', '482913');
    saisir('Nouveau code', '731904');
    saisir('Confirmez le code', '731905');
    valider();
    expect(await screen.findByText('Les deux saisies ne sont pas identiques.')).toBeTruthy();
    verrouiller(db);
    expect(await deverrouiller(db, '482913')).toEqual({ ouvert: true });
  });

  it('counts a wrong current code as a wrong try, then changes the code with the right one', async () => {
    const db = await base();
    render(<ChangerCode db={db} genreActuel="chiffres" />);
    saisir('Code actuel', '000000');
    saisir('Nouveau code', '731904');
    saisir('Confirmez le code', '731904');
    valider();
    expect(await screen.findByText(/Code actuel incorrect\. Encore 9 essais avant l’effacement/, {}, { timeout: 10_000 })).toBeTruthy();
    saisir('Code actuel', '482913');
    valider();
    expect(await screen.findByText(/Code changé/, {}, { timeout: 10_000 })).toBeTruthy();
    verrouiller(db);
    expect(await deverrouiller(db, '731904')).toEqual({ ouvert: true });
  });
});
