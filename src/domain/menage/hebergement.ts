import { addMonths, format } from 'date-fns';
import { parseDateIso } from '../commun/index.ts';
import { dateEnLettres, versDate } from '../calendrier/index.ts';
import type { Personne } from './personne.ts';

// Charte §2.2 A: a person hosted permanently has a right to relocation when present, with proof,
// for at least 8 months in the dwelling at the PCDID, when the reference état d'occupation is
// taken. Computed from the person's arrival date and the operation's PCDID.
export const MOIS_PRESENCE_HEBERGE = 8;

/** The yes/no answer older interviews recorded for all hosted persons, read when the dates are missing. */
export const CLE_ANCIEN_JUSTIFICATIF_HEBERGEMENT = 'occupants.justificatifHebergement';

/** The latest interview's yes/no answer (`CLE_ANCIEN_JUSTIFICATIF_HEBERGEMENT`), if any. */
export function ancienneReponseHebergement(
  entretiens: readonly {
    id: string;
    date: string;
    supprime?: boolean;
    reponses: Readonly<Record<string, { valeur?: unknown } | undefined>>;
  }[],
): string | null {
  const dernier = entretiens.filter((e) => !e.supprime).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))[0];
  const valeur = dernier?.reponses[CLE_ANCIEN_JUSTIFICATIF_HEBERGEMENT]?.valeur;
  return typeof valeur === 'string' ? valeur : null;
}

/** `compte`: null while it cannot be told. */
export type DroitHeberge = { compte: boolean | null; motif: string };

export function droitHeberge(p: Pick<Personne, 'hebergeDepuis'>, datePcdid: string | null, ancienneReponse: string | null): DroitHeberge {
  const arrivee = parseDateIso(p.hebergeDepuis);
  if (arrivee !== null && datePcdid !== null) {
    const limite = format(addMonths(versDate(arrivee), MOIS_PRESENCE_HEBERGE), 'yyyy-MM-dd');
    return limite <= datePcdid
      ? {
          compte: true,
          motif: `Présente depuis au moins ${MOIS_PRESENCE_HEBERGE} mois à la PCDID du ${dateEnLettres(datePcdid)} : a droit au relogement (avec justificatif).`,
        }
      : {
          compte: false,
          motif: `Arrivée le ${dateEnLettres(arrivee)}, moins de ${MOIS_PRESENCE_HEBERGE} mois avant la PCDID du ${dateEnLettres(datePcdid)} : pas de droit propre au relogement, ne compte pas parmi les occupants à reloger.`,
        };
  }
  if (ancienneReponse === 'oui')
    return {
      compte: true,
      motif: `Justificatif de ${MOIS_PRESENCE_HEBERGE} mois de présence déclaré lors d’un entretien ; renseignez la date d’arrivée et la PCDID de l’opération pour le vérifier.`,
    };
  if (ancienneReponse === 'non')
    return {
      compte: false,
      motif: `Pas de justificatif de ${MOIS_PRESENCE_HEBERGE} mois de présence déclaré lors d’un entretien ; renseignez la date d’arrivée et la PCDID de l’opération pour le vérifier.`,
    };
  const manque = [
    arrivee === null ? 'la date d’arrivée de la personne' : '',
    datePcdid === null ? 'la date de PCDID de l’opération (Paramètres)' : '',
  ]
    .filter(Boolean)
    .join(' et ');
  return {
    compte: null,
    motif: `Renseignez ${manque} : la personne hébergée compte si elle est présente depuis au moins ${MOIS_PRESENCE_HEBERGE} mois à la PCDID.`,
  };
}

/** Each hosted person of these occupants at the PCDID (`droitHeberge`), by person id. */
export function droitsDesHebergesALaPcdid(
  personnes: readonly Pick<Personne, 'id' | 'lien' | 'hebergeDepuis' | 'supprime'>[],
  datePcdid: string | null,
  ancienneReponse: string | null,
): Map<string, DroitHeberge> {
  return new Map(
    personnes.filter((p) => !p.supprime && p.lien === 'heberge').map((p) => [p.id, droitHeberge(p, datePcdid, ancienneReponse)]),
  );
}
