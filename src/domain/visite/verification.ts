import { dateEnLettres } from '../calendrier/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import type { EnqueteSatisfaction } from './enquete.ts';
import type { RendezVous } from './rendez-vous.ts';
import type { VisiteCourtoisie } from './visite-courtoisie.ts';

// What must be fixed in a visit or survey report; the record is saved anyway and stays a draft.
export type ContexteSuivi = { dateRelogement: string | null; aujourdhui: string };

const majuscule = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function verifierRendezVous(r: RendezVous, quoi: string, ctx: ContexteSuivi): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];
  const { dateRelogement } = ctx;
  if (dateRelogement === null) {
    erreurs.push({ champ: 'dateRelogement', message: `Le relogement n’est pas enregistré : ${quoi} suit la signature du bail.` });
  }
  if (r.issue === 'realisee' && r.date === null) {
    erreurs.push({ champ: 'date', message: `${majuscule(quoi)} est indiquée réalisée : précisez le jour où elle a eu lieu.` });
  }
  if (r.issue === 'injoignable' && r.date === null) {
    erreurs.push({ champ: 'date', message: 'Précisez le jour où le ménage n’a pas pu être joint.' });
  }
  if (r.issue === 'annulee' && r.motifAnnulation.trim() === '') {
    erreurs.push({ champ: 'motifAnnulation', message: `${majuscule(quoi)} est annulée : indiquez pourquoi.` });
  }
  if (r.date !== null && r.date > ctx.aujourdhui) {
    erreurs.push({
      champ: 'date',
      message: `La date de ${quoi} ne peut pas être dans le futur : utilisez la date prévue pour un rendez-vous à venir.`,
    });
  }
  for (const [champ, date] of [
    ['date', r.date],
    ['datePrevue', r.datePrevue],
  ] as const) {
    if (dateRelogement !== null && date !== null && date < dateRelogement) {
      erreurs.push({
        champ,
        message: `${majuscule(quoi)} ne peut pas précéder le relogement (bail signé le ${dateEnLettres(dateRelogement)}).`,
      });
    }
  }
  return erreurs;
}

export const verifierVisite = (v: VisiteCourtoisie, ctx: ContexteSuivi): ErreurChamp[] =>
  verifierRendezVous(v, 'la visite de courtoisie', ctx);

export const verifierEnquete = (e: EnqueteSatisfaction, ctx: ContexteSuivi): ErreurChamp[] =>
  verifierRendezVous(e, 'l’enquête de satisfaction', ctx);
