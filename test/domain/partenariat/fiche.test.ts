import { describe, expect, it } from 'vitest';
import { ficheAnonymeDe, ficheNominativeDe, trancheRessources } from '../../../src/domain/index.ts';

// Charte de relogement §4 step 3: a household that did not agree to share is presented to the
// partners anonymously (composition, ages, resources band, needs; no name, no address).

/** Intl writes thousands with a narrow no-break space. */
const nbsp = (t: string) => t.replace(/ (?=\d{3})/g, '\u202f');

describe('fiche anonyme et fiche nominative d’un positionnement', () => {
  it('bands the mean monthly resources by 500 €', () => {
    expect(trancheRessources([1180, 1220])).toBe(nbsp('De 1 000 à 1 500 € par mois'));
    expect(trancheRessources([420])).toBe('Moins de 500 € par mois');
    expect(trancheRessources([])).toBe('Ressources non renseignées');
  });

  it('tells the composition, ages and needs without naming the household', () => {
    const fiche = ficheAnonymeDe(
      { id: '0190a000-0000-7000-8000-0000000000aa' },
      [
        { dateNaissance: '1980-05-02', handicap: false },
        { dateNaissance: '2015-09-10', handicap: false },
        { dateNaissance: '', handicap: false },
      ],
      { ressourcesMensuelles: [1600], besoinPmr: true, etageMaxSansAscenseur: 1, typologiesSouhaitees: ['T3'], communesSouhaitees: [] },
      '2026-03-04',
    );
    expect(fiche).toEqual({
      pseudonyme: 'Ménage M-0000AA',
      composition: '3 occupants : 1 adulte, 1 enfant, 1 occupant d’âge non renseigné',
      ages: [45, 10],
      trancheRessources: nbsp('De 1 500 à 2 000 € par mois'),
      besoins: [
        'Logement accessible aux personnes à mobilité réduite',
        'Sans ascenseur, pas au-delà du niveau 1',
        'Typologie souhaitée : T3',
      ],
    });
  });

  it('gives the named sheet only with a consent to a partner of the territory and no signed refusal', () => {
    const m = {
      nom: 'Famille Benali',
      adresse: '3 allée des Tilleuls',
      logement: 'apt 12',
      telephone: '',
      reference: 'LT-12',
      refusConsentement: null,
    };
    expect(ficheNominativeDe({ ...m, consentements: {} })).toBeNull();
    expect(ficheNominativeDe({ ...m, consentements: { caf: { accorde: true, date: '2026-03-01' } } })).toBeNull();
    expect(ficheNominativeDe({ ...m, consentements: { etat: { accorde: true, date: '2026-03-01' } } })?.adresse).toBe(
      '3 allée des Tilleuls, apt 12',
    );
    expect(
      ficheNominativeDe({
        ...m,
        consentements: { etat: { accorde: true, date: '2026-03-01' } },
        refusConsentement: { signeLe: '2026-03-02' },
      }),
    ).toBeNull();
  });
});
