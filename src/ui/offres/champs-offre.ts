import {
  CLASSES_DPE,
  ENERGIES_CHAUFFAGE,
  FINANCEMENTS,
  LIBELLES_ENERGIE,
  LIBELLES_STATUT_OFFRE,
  LIBELLES_TYPOLOGIE,
  MODES_CHAUFFAGE,
  STATIONNEMENTS,
  STATUTS_OFFRE,
  TYPOLOGIES,
} from '../../domain/index.ts';
import type { Offre, Option } from '../../domain/index.ts';

// The offer sheet's fields (docs/domaine.md §6) as data, grouped as the landlord's sheet reads.

export type ChampTexte = { cle: keyof Offre; libelle: string; genre: 'texte' | 'multiligne' | 'tel' | 'date' };
export type ChampNombre = { cle: keyof Offre; libelle: string; genre: 'nombre' | 'entier' };
export type ChampListe = { cle: keyof Offre; libelle: string; genre: 'choix'; options: readonly Option[] };
export type ChampOuiNon = { cle: keyof Offre; libelle: string; genre: 'ouiNon' };
export type ChampCase = { cle: keyof Offre; libelle: string; genre: 'case' };
export type ChampOffre = ChampTexte | ChampNombre | ChampListe | ChampOuiNon | ChampCase;
export type Groupe = { titre: string; champs: readonly ChampOffre[] };

const options = (valeurs: readonly (string | number)[], libelles?: Record<string, string>): Option[] =>
  valeurs.map((v) => ({ valeur: String(v), libelle: libelles?.[String(v)] ?? String(v) }));

export const GROUPES_OFFRE: readonly Groupe[] = [
  {
    titre: 'Logement',
    champs: [
      { cle: 'statut', libelle: 'Statut de l’offre', genre: 'choix', options: options(STATUTS_OFFRE, LIBELLES_STATUT_OFFRE) },
      { cle: 'bailleur', libelle: 'Bailleur', genre: 'texte' },
      { cle: 'rpls', libelle: 'N° RPLS', genre: 'texte' },
      { cle: 'referenceBailleur', libelle: 'Référence du bailleur', genre: 'texte' },
      { cle: 'residence', libelle: 'Résidence', genre: 'texte' },
      { cle: 'batiment', libelle: 'Bâtiment', genre: 'texte' },
      { cle: 'numero', libelle: 'N° de logement', genre: 'texte' },
      { cle: 'adresse', libelle: 'Adresse', genre: 'texte' },
      { cle: 'codePostal', libelle: 'Code postal', genre: 'texte' },
      { cle: 'commune', libelle: 'Commune', genre: 'texte' },
      { cle: 'qpv', libelle: 'En quartier prioritaire (QPV)', genre: 'ouiNon' },
      { cle: 'typologie', libelle: 'Typologie', genre: 'choix', options: options(TYPOLOGIES, LIBELLES_TYPOLOGIE) },
      { cle: 'surface', libelle: 'Surface habitable (m²)', genre: 'nombre' },
      { cle: 'etage', libelle: 'Étage (0 = rez-de-chaussée)', genre: 'entier' },
      { cle: 'ascenseur', libelle: 'Ascenseur', genre: 'ouiNon' },
      { cle: 'pmr', libelle: 'Accessible aux personnes à mobilité réduite', genre: 'ouiNon' },
      {
        cle: 'chauffageMode',
        libelle: 'Chauffage',
        genre: 'choix',
        options: options(MODES_CHAUFFAGE, { individuel: 'Individuel', collectif: 'Collectif' }),
      },
      { cle: 'chauffageEnergie', libelle: 'Énergie de chauffage', genre: 'choix', options: options(ENERGIES_CHAUFFAGE, LIBELLES_ENERGIE) },
      { cle: 'dpe', libelle: 'Étiquette DPE', genre: 'choix', options: options(CLASSES_DPE) },
      { cle: 'financement', libelle: 'Financement', genre: 'choix', options: options(FINANCEMENTS, { autre: 'Autre' }) },
      { cle: 'reservataire', libelle: 'Réservataire dont le flux fournit le logement (vide si aucun)', genre: 'texte' },
      { cle: 'periodeConstruction', libelle: 'Période de construction', genre: 'texte' },
      { cle: 'datePremiereLocation', libelle: 'Date de première location', genre: 'date' },
      { cle: 'anneePremiereLocation', libelle: 'Année de première location (si la date est inconnue)', genre: 'entier' },
      { cle: 'dateConventionnement', libelle: 'Date de conventionnement', genre: 'date' },
      { cle: 'dateRehabilitation', libelle: 'Date de réhabilitation', genre: 'date' },
      { cle: 'zoneApl', libelle: 'Zone APL', genre: 'choix', options: options([1, 2, 3], { 1: 'Zone 1', 2: 'Zone 2', 3: 'Zone 3' }) },
    ],
  },
  {
    titre: 'Loyer et charges (par mois)',
    champs: [
      { cle: 'loyer', libelle: 'Loyer hors charges (€)', genre: 'nombre' },
      { cle: 'charges', libelle: 'Charges (€)', genre: 'nombre' },
      { cle: 'eauComprise', libelle: 'Eau froide comprise dans les charges', genre: 'case' },
      { cle: 'dontEau', libelle: 'dont eau froide (€)', genre: 'nombre' },
      { cle: 'eauChaudeComprise', libelle: 'Eau chaude comprise dans les charges', genre: 'case' },
      { cle: 'dontEauChaude', libelle: 'dont eau chaude (€)', genre: 'nombre' },
      { cle: 'chauffageCompris', libelle: 'Chauffage compris dans les charges', genre: 'case' },
      { cle: 'dontChauffage', libelle: 'dont chauffage (€)', genre: 'nombre' },
      {
        cle: 'stationnement',
        libelle: 'Stationnement',
        genre: 'choix',
        options: options(STATIONNEMENTS, { garage: 'Garage', parking: 'Place de parking', aucun: 'Aucun' }),
      },
      { cle: 'garageObligatoire', libelle: 'Garage obligatoire', genre: 'ouiNon' },
      { cle: 'loyerGarage', libelle: 'Loyer du garage (€)', genre: 'nombre' },
      { cle: 'cave', libelle: 'Cave', genre: 'ouiNon' },
      { cle: 'balcon', libelle: 'Balcon', genre: 'ouiNon' },
    ],
  },
  {
    titre: 'Dates et contact',
    champs: [
      { cle: 'dateDisponibilite', libelle: 'Date de disponibilité', genre: 'date' },
      { cle: 'dateCaleol', libelle: 'Date de CALEOL', genre: 'date' },
      { cle: 'dateLimiteDesignation', libelle: 'Date limite de désignation', genre: 'date' },
      { cle: 'contactNom', libelle: 'Contact chez le bailleur', genre: 'texte' },
      { cle: 'contactTelephone', libelle: 'Téléphone du contact', genre: 'tel' },
      { cle: 'contactCourriel', libelle: 'Courriel du contact', genre: 'texte' },
      { cle: 'observations', libelle: 'Observations', genre: 'multiligne' },
    ],
  },
];
