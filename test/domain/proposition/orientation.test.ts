import { describe, expect, it } from 'vitest';
import {
  historiqueOrientations,
  lienDecohabitationSchema,
  orientationCourante,
  orientationSchema,
  verifierDecohabitation,
  verifierMediation,
  verifierOrientation,
} from '../../../src/domain/proposition/index.ts';
import { id, mediation, menageId } from './outils.ts';

const orientation = (n: number, date: string, circuit: string, champs: object = {}) =>
  orientationSchema.parse({ id: id(n), menageId, date, circuit, decidePar: 'Réunion de présentation des ménages', ...champs });

describe('the orientation of a household (charte §4 step 6, §5.5 B)', () => {
  const gtr = orientation(1, '2025-02-10', 'gtr', { groupes: ['suivi_social', 'emploi'] });
  const demat = orientation(3, '2025-05-12', 'circuit_dematerialise');
  const gtrm = orientation(2, '2025-05-12', 'gtrm', { supprime: true });

  it('keeps every decision, the current one being the latest', () => {
    expect(historiqueOrientations([demat, gtrm, gtr]).map((o) => o.circuit)).toEqual(['gtr', 'circuit_dematerialise']);
    expect(orientationCourante([demat, gtr])?.circuit).toBe('circuit_dematerialise');
    expect(orientationCourante([])).toBeNull();
  });

  it('refuses an unknown circuit or group, in French', () => {
    expect(orientationSchema.safeParse({ id: id(4), menageId, date: '2025-01-01', circuit: 'caleol' }).error?.issues[0]?.message).toBe(
      'Circuit inconnu : GTR, GTRM ou circuit dématérialisé.',
    );
    expect(
      orientationSchema.safeParse({ id: id(4), menageId, date: '2025-01-01', circuit: 'gtr', groupes: ['sport'] }).error?.issues[0]
        ?.message,
    ).toBe('Groupe thématique inconnu.');
  });

  it('asks who decided, and refuses a decision in the future', () => {
    expect(verifierOrientation(orientation(5, '2025-07-01', 'gtr', { decidePar: ' ' }), '2025-06-30')).toEqual([
      { champ: 'date', message: 'La date de l’orientation ne peut pas être dans le futur.' },
      { champ: 'decidePar', message: 'Indiquez qui a décidé l’orientation (réunion, instance ou partenaires).' },
    ]);
  });
});

describe('the mediation record', () => {
  it('is complete with its date, who was there and the product defined', () => {
    expect(verifierMediation(mediation(1, '2025-03-01'), '2025-06-30')).toEqual([]);
  });

  it('names what is missing', () => {
    expect(
      verifierMediation(mediation(1, '2025-03-01', { presents: [], courrierPostMediationLe: '2025-02-01' }), '2025-06-30').map(
        (e) => e.champ,
      ),
    ).toEqual(['presents', 'courrierPostMediationLe']);
  });
});

describe('décohabitation: a file of its own for an adult occupant', () => {
  const nouveau = id(50);
  const lien = lienDecohabitationSchema.parse({ menageOrigineId: menageId, personneOrigineId: id(60) });
  const fils = { id: id(60), menageId, prenom: 'Karim', nom: 'Benali', dateNaissance: '2006-09-01' };

  it('links an adult occupant to the household they come from', () => {
    expect(verifierDecohabitation(lien, nouveau, fils, '2025-06-30')).toEqual([]);
  });

  it('refuses a minor, giving the age', () => {
    expect(verifierDecohabitation(lien, nouveau, { ...fils, dateNaissance: '2007-09-01' }, '2025-06-30')).toEqual([
      { champ: 'personneOrigineId', message: 'Seul un occupant majeur peut décohabiter : Karim Benali a 17 ans.' },
    ]);
  });

  it('needs a real birth date to check the age', () => {
    expect(verifierDecohabitation(lien, nouveau, { ...fils, dateNaissance: '2006-02-30' }, '2025-06-30')).toEqual([
      {
        champ: 'personneOrigineId',
        message: 'Karim Benali n’a pas de date de naissance valide : elle est nécessaire pour vérifier sa majorité.',
      },
    ]);
  });

  it('refuses a link to itself, to a missing occupant or to one of another household', () => {
    expect(verifierDecohabitation(lien, menageId, fils, '2025-06-30')[0]?.champ).toBe('menageOrigineId');
    expect(verifierDecohabitation(lien, nouveau, null, '2025-06-30')[0]?.message).toBe(
      'L’occupant à l’origine de la décohabitation est introuvable : choisissez-le parmi les occupants du ménage d’origine.',
    );
    expect(verifierDecohabitation(lien, nouveau, { ...fils, menageId: id(70) }, '2025-06-30')[0]?.message).toBe(
      'Cet occupant n’appartient pas au ménage d’origine.',
    );
  });
});
