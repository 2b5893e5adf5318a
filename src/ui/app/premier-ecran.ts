// The moment the caseload first shows its results: marked once for the bench (which counts the
// scripts started before it), and awaited before loading what the first screen does not need.
const MARQUE = 'caseload-interactive';

let signaler: () => void = () => undefined;
export const premierEcranAffiche = new Promise<void>((resoudre) => {
  signaler = resoudre;
});

export function marquerPremierEcran(): void {
  if (performance.getEntriesByName(MARQUE, 'mark').length === 0) performance.mark(MARQUE);
  signaler();
}
