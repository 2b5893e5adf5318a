import { describe, expect, it } from 'vitest';
import {
  erreursOffrePartagee,
  etapeOffre,
  horlogesOffre,
  offrePartageeSchema,
  offreOuverte,
  ordreDesignation,
  positionnementSchema,
} from '../../../src/domain/index.ts';
import type { Positionnement } from '../../../src/domain/index.ts';

// Convention AMP 2024-2030, art. 10 (Commune de Marseille): the life of a pooled offer, its
// deadlines and the designation order.

const offre = (over: Record<string, unknown> = {}) =>
  offrePartageeSchema.parse({
    id: '0190a000-0000-7000-8000-0000000000a1',
    adresse: '12 rue des Oliviers',
    commune: 'Marseille',
    dateMiseADisposition: '2026-03-02',
    ...over,
  });

let n = 0;
const position = (over: Record<string, unknown> = {}): Positionnement =>
  positionnementSchema.parse({
    id: `0190a000-0000-7000-8000-0000000001${String(++n).padStart(2, '0')}`,
    offreId: '0190a000-0000-7000-8000-0000000000a1',
    menageId: `0190a000-0000-7000-8000-0000000002${String(n).padStart(2, '0')}`,
    positionneLe: '2026-03-04',
    ficheAnonyme: { pseudonyme: 'Ménage M-1', composition: '1 adulte', ages: [54], trancheRessources: 'Sous plafond PLAI', besoins: [] },
    ...over,
  });

describe('cycle d’une offre mutualisée (convention AMP art. 10)', () => {
  it('derives each step from the dates and the candidates, in the convention’s order', () => {
    expect(etapeOffre(offre(), [])).toBe('disponible');
    expect(etapeOffre(offre(), [position()])).toBe('candidats_identifies');
    expect(etapeOffre(offre(), [position({ statut: 'designe', designeLe: '2026-03-06' })])).toBe('candidats_designes');
    expect(etapeOffre(offre({ dossiersCompletsLe: '2026-03-09' }), [position({ statut: 'designe' })])).toBe('dossiers_complets');
    expect(etapeOffre(offre({ caleolLe: '2026-03-20' }), [position({ statut: 'designe' })])).toBe('caleol');
    const favorable = { decision: 'favorable', motif: 'Dossier complet, ressources adaptées', le: '2026-03-24', par: 'Habitat Sud' };
    const defavorable = { ...favorable, decision: 'defavorable', motif: 'Taux d’effort trop élevé' };
    expect(etapeOffre(offre({ caleolLe: '2026-03-20' }), [position({ statut: 'designe', decision: favorable })])).toBe('attribuee');
    expect(etapeOffre(offre({ caleolLe: '2026-03-20' }), [position({ statut: 'designe', decision: defavorable })])).toBe('refusee');
    expect(etapeOffre(offre({ bailSigneLe: '2026-04-15' }), [position({ statut: 'designe', decision: favorable })])).toBe('bail_signe');
    expect(etapeOffre(offre({ rendueLe: '2026-03-16' }), [])).toBe('rendue');
    expect(etapeOffre(offre({ retireeLe: '2026-03-05', motifRetrait: 'Travaux' }), [position()])).toBe('retiree');
    expect(offreOuverte(offre({ retireeLe: '2026-03-05' }), [])).toBe(false);
    expect(offreOuverte(offre(), [position({ statut: 'retire' })])).toBe(true);
  });

  it('refuses a step dated before the dwelling was made available, and a withdrawal without reason', () => {
    expect(erreursOffrePartagee(offre({ caleolLe: '2026-02-27' })).map((e) => e.message)).toEqual([
      'La CALEOL ne peut pas précéder la mise à disposition du logement (2026-03-02).',
    ]);
    expect(erreursOffrePartagee(offre({ datePreavisSortant: '2026-01-15' }))).toEqual([]);
    expect(erreursOffrePartagee(offre({ retireeLe: '2026-03-05' })).map((e) => e.champ)).toEqual(['motifRetrait']);
  });

  it('starts the clocks in working days: 7 to identify, 10 to designate, 48 h after identification', () => {
    // Made available Monday 2 March 2026: 7 working days end on Wednesday 11 March, 10 on Monday 16 March.
    const horloges = horlogesOffre(offre(), [], '2026-03-12');
    expect(horloges.map((h) => [h.etape, h.echeance.date, h.enRetard])).toEqual([
      ['identificationMous', '2026-03-11', true],
      ['designation', '2026-03-16', false],
    ]);
    const identifiee = horlogesOffre(offre(), [position({ positionneLe: '2026-03-04' })], '2026-03-12');
    expect(identifiee.find((h) => h.etape === 'identificationMous')).toMatchObject({ faiteLe: '2026-03-04', enRetard: false });
    expect(identifiee.find((h) => h.etape === 'designationApresIdentification')?.echeance).toEqual({ date: '2026-03-06', heure: null });
  });

  it('starts the pieces’ clock when the landlord receives the files, not when they are complete (convention AMP art. 10)', () => {
    // Art. 10: « A réception de ces dossiers par l'organisme de logement social, ce dernier dispose
    // de 10 jours ouvrés pour faire l'appel des éventuelles pièces complémentaires et pour informer
    // […] du délai de passage en CALEOL. » Received Wednesday 4 March 2026: due Wednesday 18 March.
    const appel = (over: Record<string, unknown>, jour: string) =>
      horlogesOffre(offre(over), [position({ statut: 'designe' })], jour).find((h) => h.etape === 'appelPieces');
    expect(appel({ dossiersCompletsLe: '2026-03-25' }, '2026-03-26')).toBeUndefined();
    expect(appel({ dossiersRecusLe: '2026-03-04' }, '2026-03-18')).toMatchObject({
      echeance: { date: '2026-03-18', heure: null },
      faiteLe: null,
      enRetard: false,
    });
    expect(appel({ dossiersRecusLe: '2026-03-04' }, '2026-03-19')?.enRetard).toBe(true);
    // The files complete only on 25 March: the pieces asked on 13 March met the deadline.
    expect(
      appel({ dossiersRecusLe: '2026-03-04', piecesDemandeesLe: '2026-03-13', dossiersCompletsLe: '2026-03-25' }, '2026-03-26'),
    ).toMatchObject({ faiteLe: '2026-03-13', enRetard: false });
    expect(erreursOffrePartagee(offre({ dossiersRecusLe: '2026-02-27' }))[0]?.message).toBe(
      'La réception des dossiers ne peut pas précéder la mise à disposition du logement (2026-03-02).',
    );
  });

  it('proposes the priority operations first, then the host landlord’s own households, and says why', () => {
    const hote = '0190a000-0000-7000-8000-00000000b0b0';
    const tot = position({ positionneLe: '2026-03-03' });
    const duBailleur = position({ positionneLe: '2026-03-05', bailleurOrigineId: hote });
    const prioritaire = position({ positionneLe: '2026-03-06', operationPrioritaire: true });
    const retire = position({ statut: 'retire' });
    const ordre = ordreDesignation([tot, duBailleur, prioritaire, retire], hote);
    expect(ordre.map((c) => c.position.id)).toEqual([prioritaire.id, duBailleur.id, tot.id]);
    expect(ordre[0]?.raisons).toEqual(['Opération prioritaire du comité de pilotage', 'Positionné le 06/03/2026']);
    expect(ordre[1]?.raisons[0]).toBe('Ménage du bailleur qui propose le logement');
  });
});
