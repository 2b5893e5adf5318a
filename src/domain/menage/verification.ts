import { verifierDate } from '../commun/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import type { Personne } from './personne.ts';

export const nomAffiche = (p: Pick<Personne, 'prenom' | 'nom'>) => [p.prenom, p.nom].filter(Boolean).join(' ') || 'Occupant sans nom';

/** What is wrong with an occupant as typed; the record is saved anyway and stays a draft. */
export function verifierPersonne(p: Personne, aujourdhui: string): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  if (!p.prenom && !p.nom) erreurs.push({ champ: 'prenom', message: 'Indiquez au moins le prénom ou le nom.' });
  if (p.dateNaissance === '') {
    erreurs.push({ champ: 'dateNaissance', message: 'La date de naissance est obligatoire.' });
  } else {
    const verdict = verifierDate(p.dateNaissance, {
      pasApres: aujourdhui,
      messageApres: 'La date de naissance ne peut pas être dans le futur.',
      pasAvant: '1900-01-01',
      messageAvant: 'Date de naissance improbable : vérifiez l’année.',
    });
    if (!verdict.ok) erreurs.push({ champ: 'dateNaissance', message: verdict.message });
  }
  if (p.hebergeDepuis !== '') {
    const verdict = verifierDate(p.hebergeDepuis, {
      pasApres: aujourdhui,
      messageApres: 'La date de début d’hébergement ne peut pas être dans le futur.',
      pasAvant: p.dateNaissance || undefined,
      messageAvant: 'La date de début d’hébergement précède la date de naissance.',
    });
    if (!verdict.ok) erreurs.push({ champ: 'hebergeDepuis', message: verdict.message });
  } else if (p.lien === 'heberge') {
    erreurs.push({ champ: 'hebergeDepuis', message: 'Indiquez depuis quand la personne est hébergée.' });
  }
  return erreurs;
}

/** Household-level checks (charte §2.2 A): at least one occupant and exactly one leaseholder. */
export function verifierOccupants(personnes: readonly Personne[]): ErreurChamp[] {
  const presents = personnes.filter((p) => !p.supprime);
  if (presents.length === 0) return [{ champ: 'occupants', message: 'Le ménage doit compter au moins un occupant.' }];
  const titulaires = presents.filter((p) => p.lien === 'titulaire').length;
  if (titulaires === 0) return [{ champ: 'occupants', message: 'Indiquez le titulaire du bail parmi les occupants.' }];
  if (titulaires > 1)
    return [{ champ: 'occupants', message: 'Un seul occupant peut être « titulaire du bail » ; indiquez l’autre comme conjoint(e).' }];
  return [];
}
