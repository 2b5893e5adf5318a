import type { BornesNombre } from '../commun/index.ts';

// The harmonised interview grid (charte §4.3, §3.4; docs/domaine.md §3) as data: the screens, the
// validation, the progress and the bilan de peuplement all read this one definition.

export type Option = { valeur: string; libelle: string };

type QuestionBase = {
  id: string;
  libelle: string;
  aide?: string;
  /** Part of the regulatory interview: the household cannot decline it. */
  reglementaire?: boolean;
  /** Must be answered (or declined) before the interview can be marked complete. */
  requis?: boolean;
  /** Shown only when another question has one of these answers. */
  siReponse?: { question: string; valeurs: readonly string[] };
};

export type Question =
  | (QuestionBase & { type: 'texte'; multiligne?: boolean })
  | (QuestionBase & { type: 'nombre' | 'montant' | 'pourcentage'; bornes: BornesNombre })
  | (QuestionBase & { type: 'date'; passeeSeulement?: boolean })
  | (QuestionBase & { type: 'choix' | 'multi'; options: readonly Option[] });

export type Section = {
  id: string;
  titre: string;
  /** A section whose body is not questions of the grid but records or a table of its own. */
  special?: 'occupants' | 'ressources' | 'consentement';
  questions: readonly Question[];
};

const ouiNon: readonly Option[] = [
  { valeur: 'oui', libelle: 'Oui' },
  { valeur: 'non', libelle: 'Non' },
];
const montant = (max: number): BornesNombre => ({ min: 0, max, unite: '€' });
const echelle: readonly Option[] = [
  { valeur: '1', libelle: 'Pas du tout' },
  { valeur: '2', libelle: 'Un peu' },
  { valeur: '3', libelle: 'Beaucoup' },
  { valeur: '4', libelle: 'Très fortement' },
];
const typologies: readonly Option[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'].map((t) => ({
  valeur: t,
  libelle: t === 'T6' ? 'T6 et plus' : t,
}));
const siOui = (question: string) => ({ question, valeurs: ['oui'] as const });

export const GRILLE: readonly Section[] = [
  {
    id: 'occupants',
    titre: 'Occupants',
    special: 'occupants',
    questions: [
      {
        id: 'occupants.etatConfirme',
        type: 'choix',
        libelle: 'La liste des occupants a été vérifiée avec le ménage',
        options: ouiNon,
        reglementaire: true,
        requis: true,
      },
    ],
  },
  {
    id: 'logement',
    titre: 'Logement actuel',
    questions: [
      { id: 'logement.typologie', type: 'choix', libelle: 'Typologie', options: typologies, reglementaire: true, requis: true },
      {
        id: 'logement.surface',
        type: 'nombre',
        libelle: 'Surface habitable (m²)',
        bornes: { min: 5, max: 400, unite: 'm²' },
        reglementaire: true,
        requis: true,
      },
      {
        id: 'logement.etage',
        type: 'nombre',
        libelle: 'Étage (0 = rez-de-chaussée)',
        bornes: { min: -1, max: 60, entier: true },
        reglementaire: true,
      },
      { id: 'logement.ascenseur', type: 'choix', libelle: 'Ascenseur', options: ouiNon, reglementaire: true },
      {
        id: 'logement.loyer',
        type: 'montant',
        libelle: 'Loyer mensuel hors charges (€)',
        aide: 'Pour un propriétaire occupant, la mensualité du prêt.',
        bornes: montant(5000),
        reglementaire: true,
        requis: true,
      },
      {
        id: 'logement.charges',
        type: 'montant',
        libelle: 'Charges mensuelles sur la quittance (€)',
        bornes: montant(2000),
        reglementaire: true,
        requis: true,
      },
      {
        id: 'logement.quittance',
        type: 'multi',
        libelle: 'Compris dans les charges de la quittance',
        options: [
          { valeur: 'eau', libelle: 'Eau froide' },
          { valeur: 'eauChaude', libelle: 'Eau chaude' },
          { valeur: 'chauffage', libelle: 'Chauffage' },
        ],
        reglementaire: true,
      },
      {
        id: 'logement.apl',
        type: 'montant',
        libelle: 'APL ou AL perçue (€ par mois)',
        bornes: montant(2000),
        reglementaire: true,
        requis: true,
      },
      { id: 'logement.impayes', type: 'choix', libelle: 'Impayés de loyer', options: ouiNon, reglementaire: true },
      {
        id: 'logement.dette',
        type: 'montant',
        libelle: 'Montant de la dette locative (€)',
        bornes: montant(100000),
        reglementaire: true,
        siReponse: siOui('logement.impayes'),
      },
      {
        id: 'logement.planApurement',
        type: 'choix',
        libelle: 'Plan d’apurement en cours',
        options: ouiNon,
        reglementaire: true,
        siReponse: siOui('logement.impayes'),
      },
      {
        id: 'logement.mensualitePlan',
        type: 'montant',
        libelle: 'Mensualité du plan d’apurement (€)',
        bornes: montant(3000),
        reglementaire: true,
        siReponse: siOui('logement.planApurement'),
      },
    ],
  },
  {
    id: 'ressources',
    titre: 'Ressources des 3 derniers mois',
    special: 'ressources',
    questions: [],
  },
  {
    id: 'depenses',
    titre: 'Dépenses incompressibles',
    questions: [
      { id: 'depenses.impotRevenu', type: 'montant', libelle: 'Impôt sur le revenu (€ par mois)', bornes: montant(5000) },
      { id: 'depenses.taxeFonciere', type: 'montant', libelle: 'Taxe foncière (€ par mois)', bornes: montant(2000) },
      { id: 'depenses.taxeHabitation', type: 'montant', libelle: 'Taxe d’habitation (€ par mois)', bornes: montant(2000) },
      {
        id: 'depenses.taxeOrdures',
        type: 'montant',
        libelle: 'Taxe d’enlèvement des ordures ménagères (€ par mois)',
        bornes: montant(500),
      },
      { id: 'depenses.pensionAlimentaire', type: 'montant', libelle: 'Pension alimentaire versée (€ par mois)', bornes: montant(5000) },
      { id: 'depenses.mutuelle', type: 'montant', libelle: 'Mutuelle (€ par mois)', bornes: montant(1500) },
      { id: 'depenses.pretCaf', type: 'montant', libelle: 'Remboursement de prêt CAF (€ par mois)', bornes: montant(1500) },
      {
        id: 'depenses.planBanqueDeFrance',
        type: 'montant',
        libelle: 'Plan de surendettement Banque de France (€ par mois)',
        bornes: montant(5000),
      },
    ],
  },
  {
    id: 'souhaits',
    titre: 'Souhaits et besoins',
    questions: [
      {
        id: 'souhaits.tauxEffort',
        type: 'pourcentage',
        libelle: 'Taux d’effort envisageable (%)',
        bornes: { min: 0, max: 100, unite: '%' },
      },
      { id: 'souhaits.typologie', type: 'multi', libelle: 'Typologies souhaitées', options: typologies },
      {
        id: 'souhaits.formeHabitat',
        type: 'choix',
        libelle: 'Forme d’habitat',
        options: [
          { valeur: 'appartement', libelle: 'Appartement' },
          { valeur: 'maison', libelle: 'Maison individuelle' },
          { valeur: 'indifferent', libelle: 'Indifférent' },
        ],
      },
      { id: 'souhaits.etageMax', type: 'nombre', libelle: 'Étage maximum sans ascenseur', bornes: { min: 0, max: 30, entier: true } },
      { id: 'souhaits.ascenseurIndispensable', type: 'choix', libelle: 'Ascenseur indispensable', options: ouiNon },
      { id: 'souhaits.communes', type: 'texte', libelle: 'Communes souhaitées (séparées par des virgules)' },
      { id: 'souhaits.quartiers', type: 'texte', libelle: 'Quartiers souhaités ou à éviter' },
      {
        id: 'souhaits.proximites',
        type: 'multi',
        libelle: 'Proximités importantes',
        options: [
          { valeur: 'ecoles', libelle: 'Écoles' },
          { valeur: 'periscolaire', libelle: 'Accueil périscolaire' },
          { valeur: 'transports', libelle: 'Transports en commun' },
          { valeur: 'commerces', libelle: 'Commerces et services' },
          { valeur: 'sante', libelle: 'Médecins, soins' },
          { valeur: 'famille', libelle: 'Famille' },
          { valeur: 'travail', libelle: 'Lieu de travail' },
        ],
      },
      {
        id: 'souhaits.logementAdapte',
        type: 'choix',
        libelle: 'Besoin d’un logement adapté (mobilité réduite, handicap)',
        options: ouiNon,
      },
      {
        id: 'souhaits.precisionsAdaptation',
        type: 'texte',
        libelle: 'Adaptations nécessaires',
        multiligne: true,
        siReponse: siOui('souhaits.logementAdapte'),
      },
      {
        id: 'souhaits.modeDeVie',
        type: 'texte',
        libelle: 'Besoins liés au mode de vie (animaux, horaires, stationnement…)',
        multiligne: true,
      },
    ],
  },
  {
    id: 'mobilite',
    titre: 'Mobilité résidentielle',
    questions: [
      { id: 'mobilite.attachementQuartier', type: 'choix', libelle: 'Attachement au quartier', options: echelle },
      { id: 'mobilite.liensFamiliaux', type: 'choix', libelle: 'Liens familiaux ou sociaux dans le quartier', options: ouiNon },
      {
        id: 'mobilite.vivreAilleurs',
        type: 'choix',
        libelle: 'Prêt à vivre dans un autre quartier ou une autre commune',
        options: [...ouiNon, { valeur: 'sous_conditions', libelle: 'Sous conditions' }],
      },
      {
        id: 'mobilite.conditions',
        type: 'texte',
        libelle: 'À quelles conditions ?',
        multiligne: true,
        siReponse: { question: 'mobilite.vivreAilleurs', valeurs: ['sous_conditions'] },
      },
      { id: 'mobilite.vehicule', type: 'choix', libelle: 'Le ménage dispose d’un véhicule', options: ouiNon },
    ],
  },
  {
    id: 'accompagnement',
    titre: 'Besoins d’accompagnement',
    questions: [
      {
        id: 'accompagnement.besoins',
        type: 'multi',
        libelle: 'Besoins d’accompagnement',
        options: [
          { valeur: 'social', libelle: 'Social' },
          { valeur: 'emploi', libelle: 'Emploi' },
          { valeur: 'sante', libelle: 'Santé' },
          { valeur: 'illettrisme', libelle: 'Lecture, écriture, langue' },
          { valeur: 'budget', libelle: 'Gestion du budget' },
          { valeur: 'numerique', libelle: 'Démarches numériques' },
        ],
      },
      { id: 'accompagnement.travailleurSocial', type: 'choix', libelle: 'Suivi par un travailleur social', options: ouiNon },
      {
        id: 'accompagnement.freins',
        type: 'multi',
        libelle: 'Freins au relogement',
        options: [
          { valeur: 'dette', libelle: 'Dette locative' },
          { valeur: 'ressources', libelle: 'Ressources insuffisantes' },
          { valeur: 'titre_sejour', libelle: 'Titre de séjour' },
          { valeur: 'composition', libelle: 'Composition familiale atypique' },
          { valeur: 'sante', libelle: 'Santé, perte d’autonomie' },
          { valeur: 'comportement', libelle: 'Troubles de voisinage' },
          { valeur: 'refus', libelle: 'Refus du relogement' },
        ],
      },
      { id: 'accompagnement.precisions', type: 'texte', libelle: 'Précisions', multiligne: true },
    ],
  },
  {
    id: 'consentement',
    titre: 'Consentement et parole du ménage',
    special: 'consentement',
    questions: [
      { id: 'consentement.paroleMenage', type: 'texte', libelle: 'Ce que le ménage souhaite dire, avec ses mots', multiligne: true },
      { id: 'consentement.observations', type: 'texte', libelle: 'Observations du chargé de relogement', multiligne: true },
    ],
  },
];

export const QUESTIONS: ReadonlyMap<string, Question> = new Map(GRILLE.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
