import { offreSchema, profilMenageSchema, type Offre, type ProfilMenage } from '../../../src/domain/offre/index.ts';

let compteur = 0;
/** Deterministic ids, as the app would make them on the device. */
export const nouvelId = (): string => `0190a5c0-0000-7000-8000-${String(++compteur).padStart(12, '0')}`;

/** A complete T3 in Roubaix, 2nd floor with a lift; 400 € rent, 100 € charges with 20 € of water. */
export function offre(modif: Partial<Offre> = {}): Offre {
  return offreSchema.parse({
    id: nouvelId(),
    statut: 'disponible',
    bailleur: 'Vilogia',
    adresse: '40 boulevard de l’Union',
    commune: 'Roubaix',
    typologie: 'T3',
    surface: 65,
    etage: 2,
    ascenseur: true,
    pmr: false,
    loyer: 400,
    charges: 100,
    eauComprise: true,
    dontEau: 20,
    ...modif,
  });
}

/** Three persons, 1 800 € a month; a T3 of 60 m² at 380 € + 60 € of charges + 25 € of water on the receipt, APL 150 €. */
export function profil(modif: Partial<ProfilMenage> = {}): ProfilMenage {
  return profilMenageSchema.parse({
    id: `menage-${++compteur}`,
    occupants: 3,
    ressourcesMensuelles: [1800],
    depenses: { impots: 14 },
    logementActuel: { loyer: 380, chargesGenerales: 60, eau: 25, eauChaude: null, chauffage: null, apl: 150, surface: 60, pieces: 3 },
    typologiesSouhaitees: ['T3'],
    communesSouhaitees: ['Roubaix', 'Lille'],
    ...modif,
  });
}
