import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BAREME_EXEMPLE,
  REGLAGES_SIMULATION_PAR_DEFAUT,
  cleRessource,
  entreeDepuisSaisie,
  estimerAplApres,
  logementActuelDe,
  logementOffreDe,
  menageSimuleDe,
  offreSchema,
  profilDe,
  simuler,
  type Personne,
  type Reponse,
} from '../../../src/domain/index.ts';
import { idTest, personne } from '../fixtures.ts';

const rep = (valeur: string | string[]): Reponse => ({ valeur });

function foyer() {
  const titulaire = personne({ lien: 'titulaire', dateNaissance: '1980-05-12' });
  const conjoint = personne({ lien: 'conjoint', sexe: 'M', dateNaissance: '1978-02-01' });
  const enfant = personne({ lien: 'enfant', dateNaissance: '2015-09-01', activite: 'scolaire' });
  const personnes: Personne[] = [titulaire, conjoint, enfant];
  const reponses: Record<string, Reponse> = {
    'logement.typologie': rep('T3'),
    'logement.surface': rep('60'),
    'logement.loyer': rep('380'),
    'logement.charges': rep('85,50'),
    'logement.quittance': rep(['eau']),
    'logement.apl': rep('150'),
    'logement.planApurement': rep('oui'),
    'logement.mensualitePlan': rep('30'),
    'depenses.impotRevenu': rep('10'),
    'depenses.taxeOrdures': rep('4'),
    'depenses.mutuelle': rep('45'),
    'souhaits.typologie': rep(['T3', 'T4']),
    'souhaits.communes': rep('Roubaix, Lille'),
    'souhaits.etageMax': rep('2'),
    [cleRessource(titulaire.id, 1, 'salaire')]: rep('1 500'),
    [cleRessource(titulaire.id, 2, 'salaire')]: rep('1 600'),
    [cleRessource(conjoint.id, 1, 'chomage')]: rep('300'),
    [cleRessource(conjoint.id, 2, 'exceptionnel')]: rep('900'),
  };
  return { personnes, reponses };
}

const offre = offreSchema.parse({
  id: idTest(),
  statut: 'disponible',
  adresse: '40 boulevard de l’Union',
  commune: 'Roubaix',
  typologie: 'T4',
  surface: 75,
  etage: 2,
  ascenseur: true,
  loyer: 450,
  charges: 110,
  eauComprise: true,
  dontEau: 22,
  financement: 'PLUS',
  zoneApl: 2,
});

describe('from the interview to the simulation input', () => {
  it('averages the months entered, exceptional income excluded, and adds up taxes and the landlord plan', () => {
    const { menage, manques } = menageSimuleDe(foyer());
    expect(manques).toEqual([]);
    expect(menage.occupants).toBe(3);
    expect(menage.ressourcesMensuelles).toEqual([1800, 1600]);
    expect(menage.composition).toHaveLength(3);
    expect(menage.depenses).toEqual({
      impots: 14,
      pensionAlimentaire: 0,
      mutuelle: 45,
      pretCaf: 0,
      planBanqueDeFrance: 0,
      planApurementBailleur: 30,
    });
  });

  it('keeps the receipt’s water inside the general charges at 0 € and says so', () => {
    const { saisie, notes } = logementActuelDe(foyer().reponses);
    expect(saisie).toEqual({
      loyer: '380',
      chargesGenerales: '85,5',
      eau: '0',
      eauChaude: '',
      chauffage: '',
      apl: '150',
      surface: '60',
      pieces: '3',
    });
    expect(notes[0]).toMatch(/Saisissez leur part/);
  });

  it('names what the interview lacks in French', () => {
    const { manques } = menageSimuleDe({ reponses: {}, personnes: [] });
    expect(manques).toEqual([
      'Aucun occupant : ajoutez les occupants du ménage.',
      'Ressources non saisies : complétez la section « Ressources » de l’entretien.',
    ]);
  });

  it('refuses a figure that is not a number, naming the field, and computes nothing', () => {
    const f = foyer();
    const apres = logementOffreDe(offre);
    if (!apres) throw new Error('offer incomplete');
    const r = entreeDepuisSaisie(
      menageSimuleDe(f).menage,
      '2026-11-10',
      { ...logementActuelDe(f.reponses).saisie, loyer: '38O' },
      { ...apres, apl: '200' },
    );
    expect(r).toEqual({
      ok: false,
      erreurs: [{ champ: 'avant.loyer', message: '« 38O » n’est pas un nombre : tapez par exemple 412,50.' }],
    });
    const negatif = entreeDepuisSaisie(menageSimuleDe(f).menage, '2026-11-10', logementActuelDe(f.reponses).saisie, {
      ...apres,
      loyer: '-5',
      apl: '200',
    });
    expect(negatif.ok ? [] : negatif.erreurs.map((e) => e.message)).toEqual(['Le loyer du logement proposé ne peut pas être négatif.']);
  });

  it('gives the matching profile from the same sources', () => {
    const p = profilDe('m1', foyer());
    expect(p).toMatchObject({
      id: 'm1',
      occupants: 3,
      typologiesSouhaitees: ['T3', 'T4'],
      communesSouhaitees: ['Roubaix', 'Lille'],
      etageMaxSansAscenseur: 2,
      besoinPmr: false,
    });
    expect(p?.logementActuel).toMatchObject({ loyer: 380, chargesGenerales: 85.5, eau: 0, apl: 150, surface: 60, pieces: 3 });
    expect(profilDe('m2', { reponses: {}, personnes: [] })).toBeNull();
  });

  it('estimates the after APL on the last known barème month, and says so', () => {
    const f = foyer();
    const r = estimerAplApres({ date: '2026-11-10', zone: 2, bailleurSocial: true, loyerApres: 450, loyerAvant: 380, aplAvant: 150, ...f });
    if (!r.ok) throw new Error(r.message);
    expect(r.montant).toBeGreaterThan(0);
    expect(r.explication).toMatch(/^estimée : barème .*ressources calibrées/);
    expect(r.remarques[0]).toBe(
      'Le barème APL connu s’arrête en septembre 2026 : celui de septembre 2026 est appliqué pour novembre 2026.',
    );
    expect(
      estimerAplApres({ date: '2026-11-10', zone: null, bailleurSocial: true, loyerApres: 450, loyerAvant: 380, aplAvant: 150, ...f }),
    ).toEqual({
      ok: false,
      message: 'Zone APL du logement inconnue : choisissez-la pour estimer l’APL, ou saisissez l’APL.',
    });
  });
});

describe('the command line and the screen', () => {
  it('give the same figures for the same household and offer', () => {
    const f = foyer();
    const apres = logementOffreDe(offre);
    if (!apres) throw new Error('offer incomplete');
    const cas = [
      { ...apres, apl: '210' },
      { ...apres, apl: '0', loyer: '520,40' },
      { ...apres, apl: '180', eau: '' },
    ];
    const entrees = cas.map((s) => {
      const r = entreeDepuisSaisie(menageSimuleDe(f).menage, '2026-11-10', logementActuelDe(f.reponses).saisie, s);
      if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
      return r.entree;
    });
    const ecran = entrees.map((e) => simuler(e, { bareme: BAREME_EXEMPLE, reglages: REGLAGES_SIMULATION_PAR_DEFAUT }));
    const dossier = mkdtempSync(join(tmpdir(), 'simulate-'));
    const fichier = join(dossier, 'entrees.json');
    writeFileSync(fichier, JSON.stringify(entrees));
    const cli = JSON.parse(execFileSync('npx', ['tsx', 'scripts/simulate.ts', fichier], { encoding: 'utf8' })) as Record<string, unknown>[];
    ecran.forEach((r, i) => {
      const c = cli[i];
      expect(c).toMatchObject({
        ressourcesMensuelles: r.ressourcesMensuelles,
        depensesIncompressibles: r.depensesIncompressibles,
        avant: r.avant,
        apres: r.apres,
        evolution: r.evolution,
        alertes: r.alertes,
      });
      expect((c?.orientation as { criteresFinanciers: boolean }).criteresFinanciers).toBe(r.orientation.criteresFinanciers);
    });
  }, 30_000);
});
