// Charte §7.1 B: taux d'effort = reste à charge / monthly resources × 100; none without resources.
export function tauxEffort(resteACharge: number, ressources: number): number | null {
  return ressources > 0 ? (resteACharge / ressources) * 100 : null;
}
