import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS, sourcePilotage } from '../../src/sync/index.ts';

// Who reads « Pilotage » and from where (docs/pilotage.md, « Qui voit quoi »): the server's scope
// (src/server/pilotage/scope.ts) and the device's menu and screen follow this one rule.

describe('where an account’s steering report comes from', () => {
  it('computes a chargée’s on her tablet, whatever her organisation', () => {
    for (const kind of [...ORGANISATION_KINDS, null]) expect(sourcePilotage('chargé', kind)).toBe('tablette');
  });

  it('gives the métropole and the State the territory from the server, partner or encadrant', () => {
    for (const role of ['partenaire', 'encadrant', 'administrateur'] as const)
      for (const kind of ['metropole', 'etat'] as const) expect(sourcePilotage(role, kind)).toBe('territoire');
  });

  it('keeps an encadrant of the platform, an operator or a landlord on its tablet, with its households', () => {
    for (const kind of ['plateforme', 'mous', 'bailleur', 'ville', null] as const)
      expect(sourcePilotage('encadrant', kind)).toBe('tablette');
  });

  it('gives a landlord’s partner account its organisation from the server, and the other partners nothing', () => {
    expect(sourcePilotage('partenaire', 'bailleur')).toBe('organisation');
    for (const kind of ['ville', 'action_logement', 'mous', 'plateforme', null] as const)
      expect(sourcePilotage('partenaire', kind)).toBeNull();
  });
});
