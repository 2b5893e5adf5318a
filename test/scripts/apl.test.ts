import { describe, expect, it } from 'vitest';
import { executer } from '../../scripts/apl.ts';

const entree = {
  mois: '2024-01',
  dispositif: 'APL',
  zone: 3,
  couple: false,
  personnesACharge: 1,
  loyer: 400,
  ressourcesAnnuelles: 12_600,
  bailleurSocial: true,
};

describe('npm run apl', () => {
  it('prints the six figures of one input', () => {
    expect(executer(JSON.stringify(entree))).toEqual({
      code: 0,
      json: { aide: 211.18, montantVerse: 211, rls: 61.42, loyerRetenu: 354.51, forfaitCharges: 71.25, participationPersonnelle: 148.33 },
    });
  });

  it('prints one result per input of an array', () => {
    const r = executer(JSON.stringify([entree, { ...entree, mois: '2024-10' }]));
    expect(r.code).toBe(0);
    expect((r.json as { aide: number }[]).map((x) => x.aide)).toEqual([211.18, 223.75]);
  });

  it('exits 1 naming each bad field of each input, and prints no amount', () => {
    expect(executer(JSON.stringify([entree, { ...entree, zone: 7 }]))).toEqual({
      code: 1,
      json: { erreurs: [{ entree: 1, champ: 'zone', message: 'La zone APL doit valoir 1, 2 ou 3.' }] },
    });
  });

  it('exits 1 on a file that is not JSON', () => {
    const r = executer('{ mois: 2024 }');
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ erreurs: [{ champ: 'fichier', message: expect.stringContaining('pas du JSON valide') }] });
  });
});
