// The verdict every occupancy norm gives, so screens and alerts read them alike.
export const ETATS_OCCUPATION = ['suroccupation', 'sous-occupation', 'adapte', 'indetermine'] as const;
export type EtatOccupation = (typeof ETATS_OCCUPATION)[number];

export const LIBELLES_ETAT_OCCUPATION: Record<EtatOccupation, string> = {
  suroccupation: 'Suroccupation',
  'sous-occupation': 'Sous-occupation',
  adapte: 'Occupation adaptée',
  indetermine: 'Occupation non évaluable',
};

/** `niveau` grades the INSEE norm only (modéré, accentué, prononcé, très accentué). */
export type Occupation = { etat: EtatOccupation; niveau?: string; detail: string };

/** What a norm reads of a dwelling; null when not known yet (the verdict is then « indetermine »). */
export type LogementOccupe = {
  /** Main rooms (living room and bedrooms), the n of a Tn. */
  pieces: number | null;
  /** Living area in m². */
  surface: number | null;
  /** Kitchen area in m²: the INSEE norm counts a large kitchen as a room. */
  surfaceCuisine?: number | null;
};
