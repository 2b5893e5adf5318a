import { describe, expect, it } from 'vitest';
import { aRefaireApres, changementSituationSchema, estAJour, verifierChangement } from '../../../src/domain/changement-situation/index.ts';
import { pieceDossierSchema, type KindPiece } from '../../../src/domain/dossier/index.ts';
import type { SimulationEnregistree } from '../../../src/domain/simulation/index.ts';

const id = (n: number) => `0190a6e0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const MENAGE = id(1);
const MERE = id(2);
const PERE = id(3);
const OFFRE = id(9);
let n = 10;
const piece = (kind: KindPiece, dateFournie: string, personneId: string | null = null, statut = 'fournie') =>
  pieceDossierSchema.parse({ id: id(n++), menageId: MENAGE, kind, personneId, statut, dateFournie });
// Only the fields the rule reads: a saved simulation's figures do not matter here.
const simulation = (creeLe: string, offreId: string | null = OFFRE) =>
  ({ id: id(n++), menageId: MENAGE, offreId, creeLe }) as SimulationEnregistree;
const changement = (nature: string, date: string, personneId: string | null = null) =>
  changementSituationSchema.parse({ id: id(n++), menageId: MENAGE, nature, date, personneId });

// Seed 002_… (charte métropolitaine de relogement), §4 step 4 « La constitution du dossier
// administratif du ménage »: « La mise à jour des pièces doit se faire tous les 6 mois au minimum,
// et à chaque changement de situation »; §7.1: the taux d'effort and the reste à vivre are
// computed from the resources and the household's size, so a simulation made before is stale.
describe('a change of situation flags the pieces to renew and the simulations to redo (charte §4 step 4)', () => {
  const pieces = [
    piece('livret_famille', '2025-01-15'),
    piece('attestation_caf', '2025-02-01'),
    piece('bulletins_salaire', '2025-02-01', PERE),
    piece('bulletins_salaire', '2025-02-01', MERE),
    piece('identite', '2025-01-15', MERE),
  ];
  const simulations = [simulation('2025-02-20'), simulation('2025-03-01', null)];

  it('a birth on 10 March 2025: the livret de famille and the CAF certificate handed in before, and both simulations', () => {
    const a = aRefaireApres(changement('naissance', '2025-03-10'), pieces, simulations);
    expect(a.piecesARenouveler.map((p) => p.kind)).toEqual(['livret_famille', 'attestation_caf']);
    expect(a.piecesAAjouter).toEqual([]);
    expect(a.simulationsARefaire.map((s) => s.creeLe)).toEqual(['2025-02-20', '2025-03-01']);
  });

  it('the father’s new job on 1 April 2025: his payslips, not the mother’s, and the CAF certificate', () => {
    const a = aRefaireApres(changement('nouvel_emploi', '2025-04-01', PERE), pieces, simulations);
    expect(a.piecesARenouveler.map((p) => [p.kind, p.personneId])).toEqual([
      ['attestation_caf', null],
      ['bulletins_salaire', PERE],
    ]);
  });

  it('a separation asks for the judgment the dossier lacks', () => {
    expect(aRefaireApres(changement('separation', '2025-04-01'), pieces, []).piecesAAjouter).toEqual([
      { kind: 'jugement_divorce', libelle: 'Jugement de divorce ou de séparation' },
    ]);
  });

  it('a piece handed in again and a simulation redone after the change clear the flags', () => {
    const renouvelees = [piece('livret_famille', '2025-03-20'), piece('attestation_caf', '2025-03-12')];
    const a = aRefaireApres(changement('naissance', '2025-03-10'), renouvelees, [
      simulation('2025-02-20'),
      simulation('2025-03-15'),
      simulation('2025-03-01', null),
      simulation('2025-03-11', null),
    ]);
    expect(estAJour(a)).toBe(true);
  });

  it('a death flags the pension certificate too; pieces marked not applicable are left alone', () => {
    const a = aRefaireApres(
      changement('deces', '2025-05-02', PERE),
      [...pieces, piece('justificatif_pension', '2025-01-10', PERE), piece('justificatif_pension', '', MERE, 'non_applicable')],
      [],
    );
    expect(a.piecesARenouveler.map((p) => p.kind)).toEqual(['livret_famille', 'attestation_caf', 'justificatif_pension']);
  });

  it('is recorded once it happened, and « autre » says what', () => {
    expect(verifierChangement(changement('naissance', '2025-06-01'), '2025-05-14')[0]?.message).toBe(
      'Un changement de situation s’enregistre une fois survenu : la date ne peut pas être dans le futur.',
    );
    expect(verifierChangement(changement('autre', '2025-05-01'), '2025-05-14')[0]?.message).toBe('Précisez le changement de situation.');
  });
});
