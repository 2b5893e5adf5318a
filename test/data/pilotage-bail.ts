import type { RelogementDb, SourcePilotage } from '../../src/data/index.ts';
import { ecrire } from '../../src/data/ecriture.ts';
import { calculerPilotage, surLaPeriode, type Proposition } from '../../src/domain/index.ts';
import { ORGANISATION_A, TRIMESTRE, idMenage } from '../fixtures/pilotage.ts';

// Organisation A's first quarter on the tablet (test/fixtures/pilotage.ts): 6 leases signed, and
// household 10's third proposal, made on 31 March, still under way.

/** The relocations of the quarter the source gives (6, then 7 once household 10's lease is signed). */
export const relogementsDuTrimestre = (source: SourcePilotage) =>
  calculerPilotage(source.donnees, surLaPeriode(TRIMESTRE), { offresProposeesSeulement: false }).chiffres.find((c) => c.code === 'relogements')
    ?.valeur;

const enCours = ORGANISATION_A.propositions.find((p) => p.menageId === idMenage(10) && p.rang === 3)!;

/** Household 10 signs the lease of its third proposal on 31 March, through the write path. */
export const signerLeBailDuMenage10 = (db: RelogementDb) =>
  ecrire<Proposition>(db, 'propositions', enCours.id, (p) => ({
    ...p!,
    reponse: { date: '2026-03-31', decision: 'acceptation', motif: null, commentaire: '' },
    bailSigneLe: '2026-03-31',
  }));
