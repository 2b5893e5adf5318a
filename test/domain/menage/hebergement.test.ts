import { describe, expect, it } from 'vitest';
import { droitHeberge, droitsDesHebergesALaPcdid, occupantsAReloger } from '../../../src/domain/index.ts';
import { personne } from '../fixtures.ts';

// Charte §2.2 A: « les personnes hébergées de manière permanente (présence, sous-justificatif, d'au
// moins 8 mois dans le logement) », the état d'occupation of reference being taken at the PCDID.
describe('a hosted person at the PCDID (charte §2.2 A)', () => {
  const PCDID = '2025-09-15';

  it('counts when arrived 8 months or more before the PCDID, to the day', () => {
    expect(droitHeberge({ hebergeDepuis: '2025-01-15' }, PCDID, null)).toEqual({
      compte: true,
      motif: 'Présente depuis au moins 8 mois à la PCDID du 15 septembre 2025 : a droit au relogement (avec justificatif).',
    });
    expect(droitHeberge({ hebergeDepuis: '2025-01-16' }, PCDID, null)).toEqual({
      compte: false,
      motif:
        'Arrivée le 16 janvier 2025, moins de 8 mois avant la PCDID du 15 septembre 2025 : pas de droit propre au relogement, ne compte pas parmi les occupants à reloger.',
    });
  });

  it('computes from the dates rather than an older yes/no answer, which it still reads when a date is missing', () => {
    expect(droitHeberge({ hebergeDepuis: '2025-06-01' }, PCDID, 'oui').compte).toBe(false);
    expect(droitHeberge({ hebergeDepuis: '2025-06-01' }, null, 'oui').compte).toBe(true);
    expect(droitHeberge({ hebergeDepuis: '' }, PCDID, 'non').compte).toBe(false);
    expect(droitHeberge({ hebergeDepuis: '' }, null, 'sans_objet')).toEqual({
      compte: null,
      motif:
        'Renseignez la date d’arrivée de la personne et la date de PCDID de l’opération (Paramètres) : la personne hébergée compte si elle est présente depuis au moins 8 mois à la PCDID.',
    });
  });
});

describe('the occupants relocated together, at the PCDID (charte §2.2 A, issue 14 item 8)', () => {
  it('leave out a hosted person known to have arrived less than 8 months before the PCDID, and keep one not yet dated', () => {
    const titulaire = personne();
    const tante = personne({ lien: 'heberge', hebergeDepuis: '2025-01-15' });
    const cousin = personne({ lien: 'heberge', hebergeDepuis: '2025-01-16' });
    const tous = [titulaire, tante, cousin];
    expect(occupantsAReloger(tous, [], droitsDesHebergesALaPcdid(tous, '2025-09-15', null))).toEqual([titulaire, tante]);
    expect(occupantsAReloger(tous, [], droitsDesHebergesALaPcdid(tous, null, null))).toEqual(tous);
  });
});
