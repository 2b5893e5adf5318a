// How a row of pilotage facts is stored (faits-pilotage.ts), apart so that the database's
// declaration (db.ts) names it without importing the code that reads and writes it.

/** One field of many facts: the n-th value of each column of a table makes its n-th fact. */
export type Colonnes = Record<string, unknown[]>;

/**
 * A sealed row of facts, column by column (only `id`, its number, stays in clear): a household,
 * an offer and a proposal's household are named by their index in `menages` and `offres`, so
 * each id is written once a row and reading it parses a few long arrays instead of thousands of
 * small ones.
 */
export type PaquetFaits = {
  id: number;
  format: number;
  /** The households of the row, whose facts the columns hold. */
  menages: string[];
  /** The offers the proposals name. */
  offres: string[];
  /** The households whose record is complete: `menage` (their index) and their fields. */
  dossiers: Colonnes;
  /** The proposals' facts: `menage`, `offre` (indices), `drapeaux` (bits) and the other facts, a simulation's figures only where there is one. */
  propositions: Colonnes;
  mediations: Colonnes;
  enquetes: Colonnes;
};
