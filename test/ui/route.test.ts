import { describe, expect, it } from 'vitest';
import { ECRANS, lien, lireRoute, parametres, titre, type NomEcran } from '../../src/ui/app/route.ts';

describe('the route table', () => {
  it('reads back every screen from its own link', () => {
    expect(lireRoute(lien.menages())).toEqual({ ecran: 'menages' });
    expect(lireRoute(lien.menage('m1'))).toEqual({ ecran: 'menage', id: 'm1' });
    expect(lireRoute(lien.entretien('m1', 'ressources', 'salaire'))).toEqual({
      ecran: 'entretien',
      id: 'm1',
      section: 'ressources',
      champ: 'salaire',
    });
    expect(lireRoute(lien.entretien('m1'))).toEqual({ ecran: 'entretien', id: 'm1', section: null, champ: null });
    expect(lireRoute(lien.simulation('m1', 'o2'))).toEqual({ ecran: 'simulation', menageId: 'm1', offreId: 'o2' });
    expect(lireRoute(lien.propositions('m1', 'caleol', 'p3'))).toEqual({ ecran: 'propositions', id: 'm1', papier: 'caleol', cible: 'p3' });
  });

  it('sends an unknown address or a missing identifier to the caseload', () => {
    expect(lireRoute('#/nulle-part/x')).toEqual({ ecran: 'menages' });
    expect(lireRoute('#/menage')).toEqual({ ecran: 'menages' });
    expect(lireRoute('#/constructor')).toEqual({ ecran: 'menages' });
    expect(lireRoute('')).toEqual({ ecran: 'menages' });
  });

  it('drops an optional segment that follows a missing one', () => {
    expect(lien.propositions('m1', undefined, 'p3')).toBe('#/propositions/m1');
  });

  it('titles each screen and keeps a screen mounted while only its optional segments change', () => {
    expect(titre(lireRoute(lien.dossier('m1')))).toBe('Dossier administratif');
    expect(parametres(lireRoute(lien.entretien('m1', 'a'))).cle).toBe(parametres(lireRoute(lien.entretien('m1', 'b'))).cle);
    expect(parametres(lireRoute(lien.simulation('m1', 'o1'))).cle).not.toBe(parametres(lireRoute(lien.simulation('m1', 'o2'))).cle);
  });

  it('loads a screen component for every entry', async () => {
    for (const nom of Object.keys(ECRANS) as NomEcran[]) {
      const module = await ECRANS[nom].vue();
      expect(typeof module.default, nom).toBe('function');
    }
  });
});
