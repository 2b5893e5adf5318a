import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';

/** A day as the screens write it (« 3 mars 2025 »); text that is not a date is shown as typed. */
export const dateLongue = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? format(parseISO(iso), 'd MMMM yyyy', { locale: fr }) : iso || 'date non renseignée';
