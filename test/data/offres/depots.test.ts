import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nouvelleBase } from '../base.ts';
import {
  contexteSimulation,
  creerBareme,
  creerOffre,
  enregistrerBareme,
  enregistrerOrganisationsTerritoire,
  enregistrerParametres,
  enregistrerSimulation,
  filtrerOffres,
  importerOffres,
  listerBaremes,
  listerOffres,
  modifierOffre,
  simulationsDuMenage,
} from '../../../src/data/index.ts';
import { BAREME_EXEMPLE, REGLAGES_SIMULATION_PAR_DEFAUT } from '../../../src/domain/index.ts';

const MENAGE = '0190a5c0-0000-7000-8000-0000000000aa';

describe('offer, barème and simulation repositories', () => {
  it('keeps a draft offer as typed and finds it by commune and type', async () => {
    const db = nouvelleBase();
    const offre = await creerOffre(db);
    await modifierOffre(db, offre.id, { commune: 'Roubaix', typologie: 'T3', adresse: '12 rue de Lannoy' });
    const offres = await listerOffres(db);
    expect(offres).toHaveLength(1);
    expect(offres[0]?.statut).toBe('brouillon');
    expect(filtrerOffres(offres, 'roubaix t3')).toHaveLength(1);
    expect(filtrerOffres(offres, 'Lille')).toHaveLength(0);
    expect(await db.outbox.where('[table+recordId]').equals(['offres', offre.id]).count()).toBeGreaterThan(0);
  });

  it('matches the landlord typed to the territory’s landlords once, at entry, and keeps its id (docs/pilotage.md)', async () => {
    const db = nouvelleBase();
    const [logisSud, logisSudEst] = ['0190a5c0-0000-7000-8000-0000000000b1', '0190a5c0-0000-7000-8000-0000000000b2'];
    await enregistrerOrganisationsTerritoire(db, [
      { id: logisSud, name: 'Logis Sud', kind: 'bailleur' },
      { id: logisSudEst, name: 'Logis Sud-Est', kind: 'bailleur' },
      { id: '0190a5c0-0000-7000-8000-0000000000b3', name: 'Logis', kind: 'mous' },
    ]);
    const offre = await creerOffre(db);
    // Case and accents aside; a close name is another landlord; an organisation that is no landlord matches nothing.
    for (const [nom, id] of [
      ['LOGIS SÛD', logisSud],
      ['Logis Sud Est', logisSudEst],
      ['Logis', null],
    ] as const) {
      await modifierOffre(db, offre.id, { bailleur: nom });
      expect((await listerOffres(db))[0]?.bailleurId).toBe(id);
    }
    // The id stays when the offer's other fields change.
    await modifierOffre(db, offre.id, { bailleur: 'Logis Sud' });
    await enregistrerOrganisationsTerritoire(db, [{ id: logisSud, name: 'Logis Sud Habitat', kind: 'bailleur' }]);
    await modifierOffre(db, offre.id, { commune: 'Marseille' });
    expect((await listerOffres(db))[0]?.bailleurId).toBe(logisSud);
  });

  it('imports the landlord’s Excel export in one batch and reports the bad lines', async () => {
    const db = nouvelleBase();
    const bilan = await importerOffres(db, readFileSync('test/fixtures/offres-excel.csv', 'utf8'));
    expect(bilan.importees).toBeGreaterThan(0);
    expect(await listerOffres(db)).toHaveLength(bilan.importees);
    expect(bilan.erreurs.every((e) => e.ligne >= 1 && e.message.length > 0)).toBe(true);
  });

  it('uses the territory’s barème once entered, the example before', async () => {
    const db = nouvelleBase();
    expect((await contexteSimulation(db, '2026-11-10')).bareme?.exemple).toBe(true);
    const b = await creerBareme(db, 'Métropole Européenne de Lille', '2026-01-01');
    await enregistrerBareme(db, { ...b, source: 'Règlement intérieur du FSL 2026' });
    expect(await listerBaremes(db)).toHaveLength(1);
    const ctx = await contexteSimulation(db, '2026-11-10');
    expect(ctx.bareme).toMatchObject({
      territoire: 'Métropole Européenne de Lille',
      exemple: false,
      source: 'Règlement intérieur du FSL 2026',
    });
    await expect(enregistrerBareme(db, { ...b, source: '' })).rejects.toThrow(/Indiquez la source du barème/);
    await enregistrerParametres(db, { simulation: { ...REGLAGES_SIMULATION_PAR_DEFAUT, seuilTauxEffort: 25 } });
    expect((await contexteSimulation(db, '2026-11-10')).reglages.seuilTauxEffort).toBe(25);
  });

  it('saves a simulation on the household with its inputs and barème', async () => {
    const db = nouvelleBase();
    const logement = {
      loyer: 400,
      chargesGenerales: 80,
      eau: null,
      eauChaude: null,
      chauffage: null,
      apl: 150,
      surface: 60,
      pieces: 3,
      surfaceCuisine: null,
    };
    await enregistrerSimulation(db, {
      menageId: MENAGE,
      offreId: null,
      creeLe: '2026-11-10',
      libelle: 'T3 rue de Lannoy',
      entree: {
        date: '2026-11-10',
        occupants: 3,
        ressourcesMensuelles: [1800],
        depenses: { impots: 0, pensionAlimentaire: 0, mutuelle: 0, pretCaf: 0, planBanqueDeFrance: 0, planApurementBailleur: 0 },
        avant: logement,
        apres: { ...logement, loyer: 450 },
        criteresMenage: { typologieEtLocalisationExistent: null, aucunFreinALever: null },
      },
      bareme: BAREME_EXEMPLE,
      reglages: REGLAGES_SIMULATION_PAR_DEFAUT,
    });
    const [s] = await simulationsDuMenage(db, MENAGE);
    expect(s?.entree.apres.loyer).toBe(450);
    expect(s?.bareme.exemple).toBe(true);
  });
});
