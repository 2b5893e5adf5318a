// Charte §7.1 B: monthly resources are the average of the months collected (exceptional income
// is left out before it reaches here).
export function moyenneRessources(mois: readonly number[]): number {
  return mois.length === 0 ? 0 : mois.reduce((s, m) => s + m, 0) / mois.length;
}
