// How a row of pilotage facts is stored (faits-pilotage.ts), apart so that the database's
// declaration (db.ts) names it without importing the code that reads and writes it.

export type Valeurs = unknown[];
/** A household as stored: its id, its own values (null without a complete record), and those of its proposals, mediations and surveys. */
export type MenageStocke = [string, Valeurs | null, Valeurs[], Valeurs[], Valeurs[]];

/** A sealed row of facts: only `id` (its number) stays in clear. */
export type PaquetFaits = { id: number; format: number; offres: string[]; menages: MenageStocke[] };
