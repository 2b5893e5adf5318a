import { parseDateIso } from '../commun/index.ts';
import type { Personne, TypeMenage } from '../menage/index.ts';
import type { KindPiece } from './piece.ts';

// The pieces a social-housing demand asks of this household (CCH R441-2-4, arrêté du 22 décembre 2020; docs/domaine.md §4): identity, tax
// notices and resources of every adult to be housed, a residence permit for foreign nationals,
// family situation, disability, hosting, current housing and the demand's number.

export const SITUATIONS_FAMILIALES = ['seul', 'marie', 'pacse', 'concubinage', 'separe', 'divorce', 'veuf'] as const;
export type SituationFamiliale = (typeof SITUATIONS_FAMILIALES)[number];

export type OccupantDossier = Pick<Personne, 'id' | 'lien' | 'dateNaissance' | 'activite' | 'handicap' | 'nationalite'>;

export type SituationDossier = {
  occupants: readonly OccupantDossier[];
  typeMenage: TypeMenage;
  situationFamiliale?: SituationFamiliale | null;
  grossesse?: boolean;
  /** A file opened by décohabitation: the person is housed by the household they leave. */
  decohabitation?: boolean;
};

/** One piece the demand asks for; `cle` is stable, so a piece record finds its line again. */
export type Exigence = { cle: string; kind: KindPiece; personneId: string | null };

export const cleExigence = (kind: KindPiece, personneId: string | null): string => `${kind}|${personneId ?? 'menage'}`;

/** A person is an adult from 18; without a birth date, anyone but a child of the household is. */
export function estMajeur(o: Pick<OccupantDossier, 'lien' | 'dateNaissance'>, aujourdhui: string): boolean {
  const naissance = parseDateIso(o.dateNaissance);
  if (naissance === null || naissance > aujourdhui) return o.lien !== 'enfant';
  // ISO dates compare as text: 18 on the same month and day 18 years on, one born a 29 February on
  // the 1st of March. Worked out as dates, it was over a third of a caseload's summaries.
  return naissance <= `${String(Number(aujourdhui.slice(0, 4)) - 18).padStart(4, '0')}${aujourdhui.slice(4, 10)}`;
}

const RESSOURCES: Partial<Record<NonNullable<Personne['activite']>, KindPiece>> = {
  salarie: 'bulletins_salaire',
  independant: 'bilan_independant',
  demandeur_emploi: 'attestation_chomage',
  retraite: 'justificatif_pension',
  invalidite: 'justificatif_pension',
};

const LOGEMENT: Record<TypeMenage, readonly KindPiece[]> = {
  locataire_social: ['bail', 'quittances'],
  locataire_prive: ['bail', 'quittances'],
  proprietaire_occupant: ['titre_propriete'],
  foyer: ['attestation_foyer'],
  sans_droit_ni_titre: ['attestation_domiciliation'],
};

/**
 * A décohabitant holds no lease of their own: the lease and rent receipts are the household's they
 * leave, so the demand asks for a certificate from the person hosting them instead.
 */
const piecesLogement = (s: SituationDossier): readonly KindPiece[] =>
  s.decohabitation ? ['attestation_hebergement'] : LOGEMENT[s.typeMenage];

const FAMILLE: Partial<Record<SituationFamiliale, KindPiece>> = {
  marie: 'livret_famille',
  pacse: 'attestation_pacs',
  separe: 'jugement_divorce',
  divorce: 'jugement_divorce',
};

function piecesAdulte(o: OccupantDossier): KindPiece[] {
  const kinds: KindPiece[] = ['identite'];
  if (o.nationalite === 'hors_ue') kinds.push('titre_sejour');
  kinds.push('avis_imposition_dernier', 'avis_imposition_precedent');
  const ressource = o.activite ? RESSOURCES[o.activite] : undefined;
  if (ressource) kinds.push(ressource);
  if (o.handicap) kinds.push('carte_invalidite');
  if (o.lien === 'heberge') kinds.push('justificatif_hebergement');
  return kinds;
}

/** The checklist of this household, person by person then for the whole household. */
export function exigencesDossier(s: SituationDossier, aujourdhui: string): Exigence[] {
  const exigences: Exigence[] = [];
  const ajouter = (kind: KindPiece, personneId: string | null) => {
    const cle = cleExigence(kind, personneId);
    if (!exigences.some((e) => e.cle === cle)) exigences.push({ cle, kind, personneId });
  };
  const adultes: OccupantDossier[] = [];
  const mineurs: OccupantDossier[] = [];
  for (const o of s.occupants) (estMajeur(o, aujourdhui) ? adultes : mineurs).push(o);
  for (const o of adultes) piecesAdulte(o).forEach((k) => ajouter(k, o.id));
  for (const o of mineurs) if (o.handicap) ajouter('carte_invalidite', o.id);

  const famille = s.situationFamiliale ? FAMILLE[s.situationFamiliale] : undefined;
  if (famille) ajouter(famille, null);
  if (mineurs.length > 0 || s.occupants.some((o) => o.lien === 'enfant')) ajouter('livret_famille', null);
  if (s.grossesse) ajouter('certificat_grossesse', null);
  const aidesProbables =
    mineurs.length > 0 || adultes.some((o) => o.handicap || o.activite === 'sans_activite' || o.activite === 'invalidite');
  if (aidesProbables) ajouter('attestation_caf', null);
  piecesLogement(s).forEach((k) => ajouter(k, null));
  ajouter('numero_unique', null);
  return exigences;
}
