import { describe, expect, it } from 'vitest';
import {
  etatConsentement,
  menageSchema,
  nomAffiche,
  personneSchema,
  verifierOccupants,
  verifierPersonne,
} from '../../../src/domain/index.ts';
import { AUJOURDHUI, idTest, menage, personne } from '../fixtures.ts';

describe('verifierPersonne: one occupant as typed', () => {
  it('accepts a complete occupant', () => {
    expect(verifierPersonne(personne(), AUJOURDHUI)).toEqual([]);
  });

  it('asks for a name and a birth date', () => {
    expect(verifierPersonne(personne({ prenom: '', nom: '', dateNaissance: '' }), AUJOURDHUI)).toEqual([
      { champ: 'prenom', message: 'Indiquez au moins le prénom ou le nom.' },
      { champ: 'dateNaissance', message: 'La date de naissance est obligatoire.' },
    ]);
  });

  it('refuses a birth date in the future, a 31 February and an improbable year', () => {
    expect(verifierPersonne(personne({ dateNaissance: '2026-03-16' }), AUJOURDHUI)).toEqual([
      { champ: 'dateNaissance', message: 'La date de naissance ne peut pas être dans le futur.' },
    ]);
    expect(verifierPersonne(personne({ dateNaissance: '2020-02-31' }), AUJOURDHUI)[0]?.message).toBe(
      'Date invalide : choisissez un jour qui existe (JJ/MM/AAAA).',
    );
    expect(verifierPersonne(personne({ dateNaissance: '1890-01-01' }), AUJOURDHUI)[0]?.message).toBe(
      'Date de naissance improbable : vérifiez l’année.',
    );
  });

  it('accepts a baby born today', () => {
    expect(verifierPersonne(personne({ lien: 'enfant', dateNaissance: AUJOURDHUI }), AUJOURDHUI)).toEqual([]);
  });

  it('refuses a person hosted since before her birth', () => {
    expect(verifierPersonne(personne({ lien: 'heberge', dateNaissance: '2000-06-01', hebergeDepuis: '1999-01-01' }), AUJOURDHUI)).toEqual([
      { champ: 'hebergeDepuis', message: 'La date de début d’hébergement précède la date de naissance.' },
    ]);
  });

  it('asks since when a hosted person lives there, and refuses a future date', () => {
    expect(verifierPersonne(personne({ lien: 'heberge' }), AUJOURDHUI)).toEqual([
      { champ: 'hebergeDepuis', message: 'Indiquez depuis quand la personne est hébergée.' },
    ]);
    expect(verifierPersonne(personne({ lien: 'heberge', hebergeDepuis: '2026-04-01' }), AUJOURDHUI)[0]?.message).toBe(
      'La date de début d’hébergement ne peut pas être dans le futur.',
    );
    expect(verifierPersonne(personne({ lien: 'heberge', hebergeDepuis: '2025-06-01' }), AUJOURDHUI)).toEqual([]);
  });

  it('reports an invalid birth date once, not again on the hosting date', () => {
    expect(
      verifierPersonne(personne({ lien: 'heberge', dateNaissance: '1990-02-30', hebergeDepuis: '2025-06-01' }), AUJOURDHUI).map(
        (e) => e.champ,
      ),
    ).toEqual(['dateNaissance']);
  });

  it('names an occupant by first and last name, or says it has none', () => {
    expect(nomAffiche(personne())).toBe('Aïcha Benali');
    expect(nomAffiche(personne({ prenom: '', nom: '' }))).toBe('Occupant sans nom');
  });

  it('stores a draft occupant as typed: the schema does not refuse a wrong date', () => {
    expect(personneSchema.safeParse(personne({ dateNaissance: '2020-02-31' })).success).toBe(true);
    expect(personneSchema.parse({ id: idTest(), menageId: idTest() })).toMatchObject({ lien: 'autre', dateNaissance: '', handicap: false });
  });
});

describe('verifierOccupants: the état d’occupation (charte §2.2 A)', () => {
  const menageId = idTest();
  const titulaire = personne({ menageId });

  it('needs at least one occupant', () => {
    expect(verifierOccupants([])).toEqual([{ champ: 'occupants', message: 'Le ménage doit compter au moins un occupant.' }]);
  });

  it('does not count removed occupants', () => {
    expect(verifierOccupants([{ ...titulaire, supprime: true }])).toEqual([
      { champ: 'occupants', message: 'Le ménage doit compter au moins un occupant.' },
    ]);
  });

  it('needs exactly one leaseholder', () => {
    const enfant = personne({ menageId, lien: 'enfant', prenom: 'Inès' });
    expect(verifierOccupants([titulaire, enfant])).toEqual([]);
    expect(verifierOccupants([enfant])).toEqual([{ champ: 'occupants', message: 'Indiquez le titulaire du bail parmi les occupants.' }]);
    expect(verifierOccupants([titulaire, personne({ menageId, prenom: 'Karim' })])).toEqual([
      { champ: 'occupants', message: 'Un seul occupant peut être « titulaire du bail » ; indiquez l’autre comme conjoint(e).' },
    ]);
  });

  it('a removed second leaseholder no longer counts', () => {
    expect(verifierOccupants([titulaire, personne({ menageId, supprime: true })])).toEqual([]);
  });
});

describe('etatConsentement: step 4 of the charter', () => {
  const oui = { accorde: true, date: '2026-03-01' };
  const tous = { bailleurs: oui, ville: oui, metropole: oui, etat: oui, caf: oui, departement: oui, action_logement: oui };

  it('is not collected when no partner was agreed to', () => {
    expect(etatConsentement({}, null)).toBe('non_recueilli');
    expect(etatConsentement({ caf: { accorde: false, date: '2026-03-01' } }, null)).toBe('non_recueilli');
  });

  it('is partial for some partners, complete for all', () => {
    expect(etatConsentement({ bailleurs: oui, caf: oui }, null)).toBe('partiel');
    expect(etatConsentement(tous, null)).toBe('complet');
    expect(etatConsentement({ ...tous, caf: { accorde: false, date: '2026-03-01' } }, null)).toBe('partiel');
  });

  it('a signed refusal wins over any earlier agreement', () => {
    expect(etatConsentement(tous, { signeLe: '2026-03-02' })).toBe('refus_signe');
  });

  it('the household schema fills defaults and refuses an unknown partner', () => {
    const m = menage();
    expect(menageSchema.parse(m)).toEqual(m);
    expect(menageSchema.safeParse({ ...m, consentements: { voisins: oui } }).success).toBe(false);
  });
});
