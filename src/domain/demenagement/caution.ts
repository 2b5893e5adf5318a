// Charte §3.2: no new deposit is asked of the household; its deposit moves as it is. Between
// landlords, the landlord of origin pays the host landlord the deposit it asks; when that is less
// than the household paid, the landlord of origin pays the difference back to the household
// (the exit inspection cannot lower it: the dwelling is to be demolished).
export type ReglementCaution = {
  /** What the landlord of origin pays the host landlord. */
  verseAuBailleurAccueil: number;
  /** Of which, beyond the household's deposit: the landlord of origin's own share. */
  complementBailleurOrigine: number;
  /** What the landlord of origin pays back to the household. */
  rembourseAuMenage: number;
  /** Always 0: the household pays no deposit. */
  aPayerParLeMenage: 0;
};

const centimes = (euros: number) => Math.round(euros * 100);
const euros = (c: number) => c / 100;

export function reglementCaution(origine: number, accueil: number): ReglementCaution {
  const o = centimes(origine);
  const a = centimes(accueil);
  return {
    verseAuBailleurAccueil: euros(a),
    complementBailleurOrigine: euros(Math.max(0, a - o)),
    rembourseAuMenage: euros(Math.max(0, o - a)),
    aPayerParLeMenage: 0,
  };
}
