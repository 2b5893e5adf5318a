// A step that may be refused: either the new value, or a French message saying what is missing.
export type Resultat<T> = { ok: true; valeur: T } | { ok: false; message: string };

export const accepte = <T>(valeur: T): Resultat<T> => ({ ok: true, valeur });
export const refuse = <T>(message: string): Resultat<T> => ({ ok: false, message });
