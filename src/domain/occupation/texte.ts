// French wording shared by the norms' explanations.
export const nombreFr = (n: number): string => String(Math.round(n * 100) / 100).replace('.', ',');
export const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`): string =>
  `${nombreFr(n)} ${Math.abs(n) >= 2 ? plurielForme : singulier}`;
