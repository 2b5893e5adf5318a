import {
  LIBELLES_ISSUE,
  LIBELLES_NOTE,
  ISSUES,
  NOTES,
  heureSchema,
  parseDateIso,
  parseNombreFr,
  verifierNombre,
} from '../../domain/index.ts';
import type { ErreurChamp, Issue, Option, RendezVous, Verdict } from '../../domain/index.ts';
import { ChampChoix, ChampSaisie } from '../commun/champs.tsx';

// The fields a courtesy visit and the satisfaction survey share, and the typed-value helpers of
// their forms: a value the record cannot hold is explained at the field and not written.

export const erreurDe = (erreurs: readonly ErreurChamp[], champ: string): string | null =>
  erreurs.find((e) => e.champ === champ)?.message ?? null;

const dateInvalide: Verdict = { ok: false, message: 'Date invalide : choisissez un jour qui existe (JJ/MM/AAAA).' };
export const verifierJour = (v: string): Verdict => (parseDateIso(v) === null ? dateInvalide : { ok: true });
export const verifierHeure = (v: string): Verdict =>
  heureSchema.safeParse(v.trim()).success ? { ok: true } : { ok: false, message: 'Heure attendue au format HH:MM, par exemple 14:30.' };
export const verifierMontant = (v: string): Verdict => verifierNombre(v, { min: 0, max: 100_000, unite: '€' });

/** Saves a parsed value only when the text is valid; an empty field saves null. */
export const siValide =
  <T,>(lire: (v: string) => T | null, enregistrer: (x: T | null) => Promise<unknown>) =>
  async (v: string) => {
    if (v.trim() === '') return enregistrer(null);
    const x = lire(v.trim());
    return x === null ? undefined : enregistrer(x);
  };
export const lireHeure = (v: string): string | null => (heureSchema.safeParse(v).success ? v : null);
export const lireMontant = (v: string): number | null => {
  const n = parseNombreFr(v);
  return n !== null && verifierMontant(v).ok ? n : null;
};

const optionsNote: readonly Option[] = NOTES.map((n) => ({ valeur: String(n), libelle: `${n} — ${LIBELLES_NOTE[n]}` }));

/** A 1–4 answer; unanswered while none is chosen. */
export function ChampNote({
  id,
  libelle,
  valeur,
  enregistrer,
  desactive,
}: {
  id: string;
  libelle: string;
  valeur: number | null;
  enregistrer: (n: number) => Promise<unknown>;
  desactive?: boolean;
}) {
  return (
    <ChampChoix
      id={id}
      libelle={libelle}
      options={optionsNote}
      valeur={valeur === null ? '' : String(valeur)}
      desactive={desactive}
      enregistrer={(v) => enregistrer(Number(v))}
    />
  );
}

const optionsIssue: readonly Option[] = ISSUES.map((i) => ({ valeur: i, libelle: LIBELLES_ISSUE[i] }));

/** Planned date and time, outcome, the day it was held and why it was cancelled. */
export function ChampsRendezVous({
  id,
  rdv,
  erreurs,
  enregistrer,
  quand,
}: {
  id: string;
  rdv: RendezVous;
  erreurs: readonly ErreurChamp[];
  enregistrer: (m: Partial<RendezVous>) => Promise<unknown>;
  quand: string;
}) {
  return (
    <>
      <div class="grille-champs">
        <ChampSaisie
          id={`${id}-date-prevue`}
          libelle="Date prévue"
          genre="date"
          valeur={rdv.datePrevue ?? ''}
          verifier={verifierJour}
          erreurExterne={erreurDe(erreurs, 'datePrevue')}
          enregistrer={siValide(parseDateIso, (d) => enregistrer({ datePrevue: d }))}
        />
        <ChampSaisie
          id={`${id}-heure-prevue`}
          libelle="Heure prévue"
          aide="Format HH:MM, par exemple 14:30."
          valeur={rdv.heurePrevue ?? ''}
          verifier={verifierHeure}
          enregistrer={siValide(lireHeure, (h) => enregistrer({ heurePrevue: h }))}
        />
      </div>
      <ChampChoix
        id={`${id}-issue`}
        libelle="Issue"
        options={optionsIssue}
        valeur={rdv.issue}
        enregistrer={(v) => enregistrer({ issue: v as Issue })}
      />
      <div class="grille-champs">
        <ChampSaisie
          id={`${id}-date`}
          libelle={quand}
          genre="date"
          valeur={rdv.date ?? ''}
          verifier={verifierJour}
          erreurExterne={erreurDe(erreurs, 'date')}
          enregistrer={siValide(parseDateIso, (d) => enregistrer({ date: d }))}
        />
      </div>
      {rdv.issue === 'annulee' && (
        <ChampSaisie
          id={`${id}-motif`}
          libelle="Motif de l’annulation"
          genre="multiligne"
          valeur={rdv.motifAnnulation}
          erreurExterne={erreurDe(erreurs, 'motifAnnulation')}
          enregistrer={(v) => enregistrer({ motifAnnulation: v })}
        />
      )}
      {erreurDe(erreurs, 'dateRelogement') && (
        <p class="erreur" role="alert">
          {erreurDe(erreurs, 'dateRelogement')}
        </p>
      )}
    </>
  );
}
