// The moment the caseload first shows its results: marked once for the bench (which counts the
// scripts started before it), and awaited before loading what the first screen does not need.
const MARQUE = 'caseload-interactive';
/** On another first screen (a household opened from a link), what waits for the caseload loads after this delay. */
const PREMIER_ECRAN_MAX_MS = 3_000;

let signaler: () => void = () => undefined;
export const premierEcranAffiche = new Promise<void>((resoudre) => {
  signaler = resoudre;
});

/** The caseload shown, or the delay passed: the time to load the pieces the first screen does without. */
export const apresPremierEcran = Promise.race([premierEcranAffiche, new Promise<void>((fin) => setTimeout(fin, PREMIER_ECRAN_MAX_MS))]);

export function marquerPremierEcran(): void {
  if (performance.getEntriesByName(MARQUE, 'mark').length === 0) performance.mark(MARQUE);
  signaler();
}
