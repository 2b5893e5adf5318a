import { QUESTIONS } from '../../domain/index.ts';

const LIBELLES: Record<string, string> = {
  nom: 'Nom',
  prenom: 'Prénom',
  reference: 'Référence',
  adresse: 'Adresse',
  logement: 'Logement',
  telephone: 'Téléphone',
  type: 'Situation',
  statut: 'Étape',
  referent: 'Référent',
  binome: 'Binôme',
  referentId: 'Référent',
  binomeId: 'Binôme',
  dernierContact: 'Dernier contact',
  refusConsentement: 'Refus de consentement',
  lien: 'Lien avec le titulaire',
  sexe: 'Sexe',
  dateNaissance: 'Date de naissance',
  activite: 'Activité',
  hebergeDepuis: 'Hébergé(e) depuis',
  handicap: 'Handicap',
  souhaitDecohabitation: 'Souhait de décohabitation',
  date: 'Date de l’entretien',
  supprime: 'Suppression',
};
/** A synced field in words, for the notes on concurrent edits and refused changes. */
export const libelleChamp = (champ: string) => {
  if (champ.startsWith('reponses.')) return QUESTIONS.get(champ.slice('reponses.'.length))?.libelle ?? 'Réponse à l’entretien';
  if (champ.startsWith('consentements.')) return `Consentement (${champ.slice('consentements.'.length)})`;
  return LIBELLES[champ] ?? champ;
};
