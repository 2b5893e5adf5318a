// Display rounding (the figures themselves stay unrounded): euros to the cent, rates to 0.1 point.
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const points = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signe = (n: number) => (n > 0 ? '+' : '');

export const formatEuros = (n: number): string => euros.format(n);
export const formatTaux = (n: number | null): string => (n === null ? 'non calculable' : `${points.format(n)} %`);
export const formatEvolutionEuros = (n: number): string => `${signe(n)}${euros.format(n)}`;
export const formatEvolutionPoints = (n: number | null): string =>
  n === null ? 'non calculable' : `${signe(n)}${points.format(n)} point${Math.abs(n) >= 2 ? 's' : ''}`;
export const formatResteAVivre = (n: number): string => `${euros.format(n)} par jour et par personne`;
