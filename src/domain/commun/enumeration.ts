// A closed list of values shown to users: its values in order, their type and their French labels
// come from one declaration, the labels, so that a value cannot miss its label.

export type Enumeration<V extends string> = {
  /** In the order of the declaration; non-empty, so `z.enum(e.valeurs)` accepts it. */
  readonly valeurs: readonly [V, ...V[]];
  readonly libelles: Readonly<Record<V, string>>;
};

/** The type of the values of an enumeration. */
export type ValeurDe<E extends Enumeration<string>> = E['valeurs'][number];

/** The values are the labels' keys, in the order written (keys are names, never integers). */
export function enumeration<V extends string>(libelles: Readonly<Record<V, string>>): Enumeration<V> {
  const valeurs = Object.keys(libelles) as V[];
  if (valeurs.length === 0) throw new Error('Une énumération a au moins une valeur.');
  return { valeurs: valeurs as [V, ...V[]], libelles };
}
