import { z } from 'zod';
import { parseDateIso } from '../commun/index.ts';

// Validation messages name the field in plain French ("Le loyer du logement actuel ne peut pas
// être négatif."), so a field's grammatical gender and number travel with its name.
export type Sujet = { nom: string; feminin?: boolean; pluriel?: boolean };

const majuscule = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const messageNegatif = (s: Sujet): string =>
  `${majuscule(s.nom)} ne ${s.pluriel ? 'peuvent' : 'peut'} pas être négati${s.feminin ? 've' : 'f'}${s.pluriel ? 's' : ''}.`;

/** Euros per month, finite and not negative. */
export const montantSchema = (s: Sujet) =>
  z.number({ error: `Indiquez ${s.nom} : un montant en euros par mois.` }).min(0, messageNegatif(s));

/** A list element's subject depends on its position, e.g. "les ressources du mois 2". */
export const montantIndexeSchema = (s: (rang: number) => Sujet) => {
  const sujetDe = (path: readonly PropertyKey[] | undefined) => s(Number(path?.at(-1) ?? 0) + 1);
  return z
    .number({ error: (iss) => `Indiquez ${sujetDe(iss.path).nom} : un montant en euros.` })
    .min(0, { error: (iss) => messageNegatif(sujetDe(iss.path)) });
};

export const dateSchema = (nom: string) =>
  z
    .string({ error: `Indiquez ${nom} au format AAAA-MM-JJ.` })
    .refine((d) => parseDateIso(d) !== null, `${majuscule(nom)} doit être une date réelle au format AAAA-MM-JJ.`);

/** An object that refuses unknown fields, so a misspelt optional field is reported, not ignored. */
export const objetStrict = <T extends z.ZodRawShape>(shape: T, messageType: string) =>
  z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `${iss.keys.length > 1 ? 'Champs inconnus' : 'Champ inconnu'} : ${iss.keys.map((k) => `« ${k} »`).join(', ')} (vérifiez l’orthographe).`
        : messageType,
  });
