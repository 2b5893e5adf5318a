import { describe, expect, it } from 'vitest';
import { droitHeberge } from '../../../src/domain/index.ts';

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
      motif: 'Arrivée le 16 janvier 2025, moins de 8 mois avant la PCDID du 15 septembre 2025 : pas de droit propre au relogement.',
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
