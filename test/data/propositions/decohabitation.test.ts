import { beforeEach, describe, expect, it } from 'vitest';
import { jourDeLAppareil, nouvelleBase, residenceDeTest } from '../base.ts';
import {
  ajouterPersonne,
  creerMenage,
  decohabiter,
  donneesSimulationMenage,
  dossierDuMenage,
  dossierPropositions,
  enregistrerReponse,
  ouvrirEntretien,
  lireResumes,
  profilsDuPortefeuille,
  type RelogementDb,
} from '../../../src/data/index.ts';
import { cleRessource, menageSimuleDe, occupantsAReloger, type Personne } from '../../../src/domain/index.ts';
import { menage, personne } from '../../domain/fixtures.ts';

// Charte §2.2 A: an adult child who wants a home of their own is relocated in their own file; the
// parents' household is relocated without him, so neither his person nor his income counts twice.

const AUJOURDHUI = '2025-06-30';
beforeEach(() => jourDeLAppareil(AUJOURDHUI));

describe('the occupants relocated together', () => {
  it('leave out the occupant who has a file of their own, and removed occupants', () => {
    const [titulaire, conjoint, fils, retire] = [
      personne(),
      personne({ lien: 'conjoint' }),
      personne({ lien: 'enfant' }),
      personne({ supprime: true }),
    ] as Personne[];
    const tous = [titulaire!, conjoint!, fils!, retire!];
    expect(occupantsAReloger(tous, [menage({ personneOrigineId: fils!.id })])).toEqual([titulaire, conjoint]);
    expect(occupantsAReloger(tous, [menage({ personneOrigineId: fils!.id, supprime: true })])).toEqual([titulaire, conjoint, fils]);
  });
});

async function familleBenali(db: RelogementDb) {
  const residence = await residenceDeTest(db, '2025-01-06');
  const m = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, '2025-01-06');
  const mere = await ajouterPersonne(db, m.id, { prenom: 'Aïcha', nom: 'Benali', lien: 'titulaire', dateNaissance: '1975-03-02' });
  const pere = await ajouterPersonne(db, m.id, {
    prenom: 'Karim',
    nom: 'Benali',
    lien: 'conjoint',
    sexe: 'M',
    dateNaissance: '1972-11-20',
  });
  const fils = await ajouterPersonne(db, m.id, {
    prenom: 'Yanis',
    nom: 'Benali',
    lien: 'enfant',
    sexe: 'M',
    dateNaissance: '2000-04-02',
    activite: 'salarie',
  });
  const e = await ouvrirEntretien(db, m.id, '2025-02-10');
  const reponses: [string, string][] = [
    ['logement.typologie', 'T4'],
    ['logement.surface', '72'],
    ['logement.loyer', '420'],
    ['logement.charges', '90'],
    ['logement.apl', '120'],
    [cleRessource(mere.id, 1, 'salaire'), '1 400'],
    [cleRessource(pere.id, 1, 'retraite'), '900'],
    [cleRessource(fils.id, 1, 'salaire'), '1 600'],
  ];
  for (const [cle, valeur] of reponses) await enregistrerReponse(db, e.id, cle, { valeur });
  return { m, fils };
}

describe('after a décohabitation, the origin household is relocated without the one who left', () => {
  it('in the simulation, the matching profile and the CALEOL sheet', async () => {
    const db = nouvelleBase();
    const { m, fils } = await familleBenali(db);
    const r = await decohabiter(db, fils.id, AUJOURDHUI);
    if (!r.ok) throw new Error(r.message);

    const donnees = await donneesSimulationMenage(db, m.id);
    const { menage: simule } = menageSimuleDe({ reponses: donnees.entretien?.reponses ?? {}, personnes: donnees.personnes });
    expect(simule.occupants).toBe(2);
    expect(simule.composition).toHaveLength(2);
    expect(simule.ressourcesMensuelles).toEqual([2300]);

    const profil = (await profilsDuPortefeuille(db)).profils.find((p) => p.id === m.id);
    expect(profil).toMatchObject({ occupants: 2, ressourcesMensuelles: [2300] });

    const dossier = await dossierPropositions(db, m.id);
    expect(dossier?.occupants.map((p) => p.prenom)).toEqual(['Aïcha', 'Karim']);
    expect(dossier?.personnes).toHaveLength(3);
  });
});

describe('after a décohabitation, the parents’ dossier asks the pieces of those who stay (issue 14 item 7)', () => {
  it('the son’s identity, tax notices and payslips go to his own file, on the dossier screen and in the caseload’s completeness', async () => {
    // Charte §2.2 A and CCH R441-2-4: the demand lists the persons to be housed; the son is housed in his own file.
    const db = nouvelleBase();
    const { m, fils } = await familleBenali(db);
    const avant = await dossierDuMenage(db, m.id, AUJOURDHUI);
    expect(avant?.etat.lignes.filter((l) => l.personneId === fils.id).map((l) => l.kind)).toContain('bulletins_salaire');

    const r = await decohabiter(db, fils.id, AUJOURDHUI);
    if (!r.ok) throw new Error(r.message);
    const parents = await dossierDuMenage(db, m.id, AUJOURDHUI);
    expect(parents?.etat.lignes.filter((l) => l.personneId === fils.id)).toEqual([]);
    expect(parents?.etat.lignes.filter((l) => l.personneId === null).map((l) => l.kind)).toContain('bail');
    const sien = await dossierDuMenage(db, r.valeur.id, AUJOURDHUI);
    expect(sien?.etat.lignes.map((l) => l.kind)).toEqual(expect.arrayContaining(['identite', 'bulletins_salaire', 'attestation_hebergement']));
    expect(sien?.etat.lignes.map((l) => l.kind)).not.toContain('bail');
    expect((await lireResumes(db, [m.id]))[0]?.dossier?.completude).toBe(parents?.etat.completude);
  });
});
