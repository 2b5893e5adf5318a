// Small, readable records for the tests of the interview and household rules.
import type { Entretien, Menage, Personne, Reponse } from '../../src/domain/index.ts';
import { cleRessource } from '../../src/domain/index.ts';

export const AUJOURDHUI = '2026-03-15';

let compteur = 0;
/** A valid UUID (v7 layout), unique within a test run. */
export function idTest(): string {
  compteur++;
  return `0190a000-0000-7000-8000-${compteur.toString(16).padStart(12, '0')}`;
}

export function personne(modif: Partial<Personne> = {}): Personne {
  return {
    id: idTest(),
    menageId: idTest(),
    prenom: 'Aïcha',
    nom: 'Benali',
    lien: 'titulaire',
    sexe: 'F',
    dateNaissance: '1980-05-12',
    activite: 'salarie',
    hebergeDepuis: '',
    handicap: false,
    souhaitDecohabitation: false,
    ...modif,
  };
}

export function menage(modif: Partial<Menage> = {}): Menage {
  return {
    id: idTest(),
    residenceId: idTest(),
    referentId: null,
    binomeId: null,
    reference: 'TIL-0001',
    nom: 'Famille Benali',
    adresse: '3 rue Imaginaire',
    logement: '',
    telephone: '',
    type: 'locataire_social',
    statut: 'entretien',
    referent: '',
    binome: '',
    consentements: { bailleurs: { accorde: true, date: '2026-03-01' } },
    refusConsentement: null,
    dernierContact: null,
    creeLe: '2026-01-10',
    ...modif,
  };
}

/** Every answer the grid requires, for a household whose occupants are `personnes`. */
export function reponsesCompletes(personnes: readonly Personne[]): Record<string, Reponse> {
  const reponses: Record<string, Reponse> = {
    'occupants.etatConfirme': { valeur: 'oui' },
    'logement.typologie': { valeur: 'T3' },
    'logement.surface': { valeur: '64,5' },
    'logement.loyer': { valeur: '412,30' },
    'logement.charges': { valeur: '95' },
    'logement.apl': { valeur: '0' },
  };
  for (const p of personnes) for (const mois of [1, 2, 3] as const) reponses[cleRessource(p.id, mois, 'salaire')] = { valeur: '1 500' };
  return reponses;
}

export function entretien(menageId: string, reponses: Record<string, Reponse> = {}, modif: Partial<Entretien> = {}): Entretien {
  return {
    id: idTest(),
    menageId,
    date: '2026-03-10',
    type: 'premier',
    statut: 'brouillon',
    reponses,
    termineLe: null,
    precedentId: null,
    ...modif,
  };
}

/** A household of one leaseholder with an interview that can be marked complete. */
export function situationComplete() {
  const m = menage();
  const titulaire = personne({ menageId: m.id });
  const e = entretien(m.id, reponsesCompletes([titulaire]));
  return {
    menage: m,
    personnes: [titulaire],
    entretien: e,
    ctx: { menage: m, personnes: [titulaire], aujourdhui: AUJOURDHUI, datePrecedent: null },
  };
}
