import { z } from 'zod';
import { idSchema } from './identifiants.ts';

// Reference data (operations, résidences, offers) is the encadrants'. A chargé who creates one on
// her tablet, offline, proposes it: the record is kept and synced with `aValider`, households may
// already live in it, and an encadrant either validates it or maps it onto an existing record.
export const propositionReferentielChamps = {
  /** Created by a chargé, awaiting an encadrant's validation. */
  aValider: z.boolean().optional(),
};

/** A proposed résidence an encadrant mapped onto an existing one: its households moved there. */
export const rattachementChamps = {
  rattacheeA: idSchema.optional(),
};
