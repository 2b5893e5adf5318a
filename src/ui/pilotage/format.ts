import type { Cellule, Chiffre } from '../../domain/index.ts';

// Figures as the screen and the printed report show them, in French.
const nombre = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', signDisplay: 'exceptZero' });
const signe = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export function formatValeur(c: Pick<Chiffre, 'valeur' | 'unite'>): string {
  if (c.valeur === null) return '—';
  switch (c.unite) {
    case 'nombre':
      return nombre.format(c.valeur);
    case 'pourcentage':
      return `${nombre.format(c.valeur)} %`;
    case 'jours':
      return `${nombre.format(c.valeur)} jour${c.valeur >= 2 ? 's' : ''}`;
    case 'euros':
      return `${euros.format(c.valeur)} par mois`;
    case 'euros_jour':
      return `${euros.format(c.valeur)} par personne et par jour`;
    case 'points':
      return `${signe.format(c.valeur)} point${Math.abs(c.valeur) >= 2 ? 's' : ''}`;
  }
}

export const formatCellule = (v: Cellule): string => (v === null ? '—' : typeof v === 'number' ? nombre.format(v) : v);
