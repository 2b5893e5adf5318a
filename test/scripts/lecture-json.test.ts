import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyserJson, lireFichierJson } from '../../scripts/lecture-json.ts';

const dossier = mkdtempSync(join(tmpdir(), 'lecture-json-'));
const USAGE = 'Indiquez le fichier JSON : npm run -s outil -- entree.json';
const fichier = (nom: string, contenu: string) => {
  const chemin = join(dossier, nom);
  writeFileSync(chemin, contenu, 'utf8');
  return chemin;
};

describe('reading the input file of the command-line tools', () => {
  it('reads UTF-8 JSON with or without the byte order mark of Windows editors', () => {
    expect(lireFichierJson(fichier('sans.json', '{"ville":"Mons-en-Barœul"}'), USAGE)).toEqual({
      ok: true,
      donnees: { ville: 'Mons-en-Barœul' },
    });
    expect(lireFichierJson(fichier('avec.json', '\uFEFF{"ville":"Mons-en-Barœul"}'), USAGE)).toEqual({
      ok: true,
      donnees: { ville: 'Mons-en-Barœul' },
    });
  });

  it('says how to call the tool when no file is given', () => {
    expect(lireFichierJson(undefined, USAGE)).toEqual({ ok: false, erreurs: [{ champ: 'fichier', message: USAGE }] });
  });

  it('names a missing file, and a path that cannot be read', () => {
    const absent = join(dossier, 'absent.json');
    expect(lireFichierJson(absent, USAGE)).toEqual({
      ok: false,
      erreurs: [{ champ: 'fichier', message: `Fichier introuvable : ${absent}. ${USAGE}` }],
    });
    expect(lireFichierJson(dossier, USAGE)).toEqual({
      ok: false,
      erreurs: [{ champ: 'fichier', message: `Fichier illisible : ${dossier} (EISDIR). ${USAGE}` }],
    });
  });

  it('refuses a text that is not JSON', () => {
    expect(analyserJson('{ mois: 2024 }')).toMatchObject({
      ok: false,
      erreurs: [{ champ: 'fichier', message: expect.stringContaining('pas du JSON valide') }],
    });
  });

  it('gives both tools the same answer on a file with a byte order mark and on a missing file', () => {
    const lancer = (outil: string, chemin: string) => {
      try {
        return {
          code: 0,
          sortie: JSON.parse(
            execFileSync(process.execPath, ['--import', 'tsx', `scripts/${outil}.ts`, chemin], { encoding: 'utf8' }),
          ) as unknown,
        };
      } catch (e) {
        const echec = e as { status: number; stdout: string };
        return { code: echec.status, sortie: JSON.parse(echec.stdout) as unknown };
      }
    };
    const avecBom = fichier('bom.json', '\uFEFF[]');
    expect(lancer('apl', avecBom)).toEqual({ code: 0, sortie: [] });
    // Read as an empty list, not refused as a file.
    expect(lancer('simulate', avecBom)).toEqual({
      code: 1,
      sortie: { erreurs: [{ champ: '', message: 'La liste des entrées est vide.' }] },
    });
    const absent = join(dossier, 'absent.json');
    for (const outil of ['apl', 'simulate']) {
      expect(lancer(outil, absent)).toEqual({
        code: 1,
        sortie: {
          erreurs: [
            {
              champ: 'fichier',
              message: expect.stringMatching(new RegExp(`^Fichier introuvable : ${absent.replace(/[.]/g, '\\.')}\\. Indiquez`)),
            },
          ],
        },
      });
    }
  });
});
