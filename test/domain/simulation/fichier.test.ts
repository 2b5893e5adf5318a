import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executerSimulations, type ResultatSimulation } from '../../../src/domain/simulation/index.ts';
import { base, postesTest } from './donnees.ts';

const avecBareme = { ...base, bareme: { postes: postesTest } };
const erreurs = (json: unknown) => {
  const r = executerSimulations(json);
  return r.ok ? [] : r.erreurs;
};

describe('the JSON exchanged with integrations', () => {
  it('computes one input with the barème it carries, like the screens', () => {
    const r = executerSimulations(avecBareme);
    expect(r.ok).toBe(true);
    const resultat = (r.ok ? r.resultats : null) as ResultatSimulation;
    expect(resultat.avant.resteACharge).toBe(395);
    expect(resultat.apres.resteACharge).toBe(443);
    expect(resultat.bareme).toMatchObject({ territoire: 'Barème fourni', exemple: false });
  });

  it('takes the thresholds and the occupancy norm given with the input', () => {
    const r = executerSimulations({
      ...base,
      bareme: { postes: postesTest, seuilTauxEffort: 20 },
      normeOccupation: 'cch-L621-2',
      apres: { ...base.apres, pieces: 4 },
    });
    // TE after 24,6 % > 20 % ; a T4 for 3 persons is under-occupied by the charter, not by CCH L621-2
    expect(r.ok && !Array.isArray(r.resultats) && r.resultats.alertes).toEqual(['TAUX_EFFORT_ELEVE']);
  });

  it('computes an array of inputs and uses the example barème when none is given', () => {
    const r = executerSimulations([avecBareme, base]);
    expect(r.ok && Array.isArray(r.resultats) && r.resultats.map((x) => x.bareme.exemple)).toEqual([false, true]);
  });

  it('names each bad field in French and computes nothing', () => {
    const mauvais = {
      ...base,
      occupants: 0,
      ressourcesMensuelles: [1800, -5],
      depenses: { mutuelle: -1 },
      apres: { ...base.apres, apl: -10, eauChaud: 12 },
    };
    expect(erreurs([avecBareme, mauvais])).toEqual([
      { entree: 1, champ: 'occupants', message: 'Le ménage doit compter au moins un occupant.' },
      { entree: 1, champ: 'ressourcesMensuelles[1]', message: 'Les ressources du mois 2 ne peuvent pas être négatives.' },
      { entree: 1, champ: 'depenses.mutuelle', message: 'La mutuelle ne peut pas être négative.' },
      { entree: 1, champ: 'apres.apl', message: 'L’APL du logement proposé ne peut pas être négative.' },
      { entree: 1, champ: 'apres.eauChaud', message: 'Champ inconnu « eauChaud » (vérifiez l’orthographe).' },
    ]);
  });

  it('refuses a barème missing a poste or a size', () => {
    const { chauffage: _chauffage, ...sansChauffage } = postesTest;
    expect(erreurs({ ...base, bareme: { postes: sansChauffage } })).toEqual([
      { champ: 'bareme.postes.chauffage', message: 'Le barème n’a pas de forfaits pour le poste « chauffage ».' },
    ]);
    expect(
      erreurs({ ...base, bareme: { postes: { ...postesTest, gaz: { parTaille: [10, null], parPersonneSupplementaire: 2 } } } }),
    ).toEqual([
      { champ: 'bareme.postes.gaz.parTaille[1]', message: 'Indiquez le forfait du poste « gaz » pour 2 personnes : un montant en euros.' },
    ]);
  });

  it('asks for a barème when the example does not cover the date', () => {
    expect(erreurs({ ...base, date: '2020-06-15' })).toEqual([
      { champ: 'bareme', message: 'Aucun barème par défaut ne couvre le 15/06/2020 : fournissez le barème (champ « bareme »).' },
    ]);
  });

  it('checks the detailed composition against the count and the date', () => {
    const composition = [
      { dateNaissance: '1986-05-01', sexe: 'F', lien: 'titulaire' },
      { dateNaissance: '2026-05-01', sexe: null, lien: 'enfant' },
    ];
    expect(erreurs({ ...avecBareme, composition })).toEqual([
      { champ: 'composition', message: 'La composition détaillée compte 2 personne(s) mais le ménage 3 occupant(s).' },
      { champ: 'composition[1].dateNaissance', message: 'L’occupant 2 est né après la date de la simulation.' },
    ]);
  });
});

describe('npm run simulate', () => {
  const dossier = mkdtempSync(join(tmpdir(), 'simulate-'));
  const lancer = (contenu: unknown) => {
    const fichier = join(dossier, 'entree.json');
    writeFileSync(fichier, JSON.stringify(contenu));
    try {
      return {
        code: 0,
        sortie: JSON.parse(
          execFileSync(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', fichier], { encoding: 'utf8' }),
        ) as unknown,
      };
    } catch (e) {
      const echec = e as { status: number; stdout: string };
      return { code: echec.status, sortie: JSON.parse(echec.stdout) as unknown };
    }
  };

  it('prints the same figures as the function the screens call', () => {
    const attendu = executerSimulations([avecBareme, base]);
    expect(lancer([avecBareme, base])).toEqual({ code: 0, sortie: attendu.ok ? JSON.parse(JSON.stringify(attendu.resultats)) : null });
  });

  it('exits with code 1 and a JSON list of errors on invalid input', () => {
    expect(lancer({ ...base, avant: { ...base.avant, loyer: -1 } })).toEqual({
      code: 1,
      sortie: { erreurs: [{ champ: 'avant.loyer', message: 'Le loyer du logement actuel ne peut pas être négatif.' }] },
    });
  });
});
