import { z } from 'zod';

// Ids are made on the device (UUID v7) so a record created offline never needs renumbering.
export const idSchema = z.string().uuid('Identifiant invalide.');

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.');
