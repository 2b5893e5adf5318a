import { verifierDate, verifierNombre, valide, invalide, parseNombreFr } from '../commun/index.ts';
import type { Verdict } from '../commun/index.ts';
import { verifierOccupants, verifierPersonne, etatConsentement, nomAffiche } from '../menage/index.ts';
import type { ErreurChamp } from '../commun/index.ts';
import type { Menage, Personne } from '../menage/index.ts';
import { GRILLE } from './grille.ts';
import type { Question, Section } from './grille.ts';
import { estVide } from './entretien.ts';
import type { Entretien, Reponse } from './entretien.ts';
import {
  MOIS_RESSOURCES,
  NATURES_RESSOURCE,
  PLAFOND_RESSOURCE_PLAUSIBLE,
  cleRessource,
  estMontantImprobable,
  libelleMois,
  totauxMensuels,
} from './ressources.ts';

/**
 * `manquant`: still to fill in; `invalide`: what was typed must be corrected. `libelle` names the
 * field in words (whose, which month) when the problem is about one field.
 */
export type Probleme = ErreurChamp & { section: string; genre: 'manquant' | 'invalide'; libelle?: string };

export type ContexteEntretien = {
  menage: Pick<Menage, 'consentements' | 'refusConsentement'>;
  personnes: readonly Personne[];
  aujourdhui: string;
  /** Date of the interview this one follows, when there is one. */
  datePrecedent?: string | null;
};

export function estVisible(q: Question, reponses: Readonly<Record<string, Reponse>>): boolean {
  if (!q.siReponse) return true;
  const r = reponses[q.siReponse.question];
  if (!r || r.nsp) return false;
  const valeurs = Array.isArray(r.valeur) ? r.valeur : [r.valeur];
  return valeurs.some((v) => q.siReponse?.valeurs.includes(v));
}

/** The message to show under one answer, or ok. Empty answers are never an error here. */
export function verifierReponse(q: Question, r: Reponse | undefined, aujourdhui: string): Verdict {
  if (r?.nsp)
    return q.reglementaire ? invalide('Cette question fait partie de l’entretien réglementaire : une réponse est nécessaire.') : valide;
  if (estVide(r) || !r || Array.isArray(r.valeur)) return valide;
  switch (q.type) {
    case 'nombre':
    case 'montant':
    case 'pourcentage':
      return verifierNombre(r.valeur, q.bornes);
    case 'date':
      return verifierDate(r.valeur, q.passeeSeulement ? { pasApres: aujourdhui } : {});
    case 'choix':
      return q.options.some((o) => o.valeur === r.valeur) ? valide : invalide('Choisissez une des réponses proposées.');
    default:
      return valide;
  }
}

/** A confirmed amount is only checked for being a positive number. */
export function verifierMontantRessource(texte: string, confirme = false): Verdict {
  if (texte.trim() === '') return valide;
  const verdict = verifierNombre(texte, { min: 0, unite: '€', ...(confirme ? {} : { max: PLAFOND_RESSOURCE_PLAUSIBLE }) });
  return verdict.ok || !estMontantImprobable(texte) ? verdict : invalide(`${verdict.message.replace(/\.$/, '')} ou confirmez le montant.`);
}

export function verifierDateEntretien(date: string, ctx: Pick<ContexteEntretien, 'aujourdhui' | 'datePrecedent'>): Verdict {
  if (date === '') return invalide('La date de l’entretien est obligatoire.');
  return verifierDate(date, {
    pasApres: ctx.aujourdhui,
    messageApres: 'La date de l’entretien ne peut pas être dans le futur.',
    pasAvant: ctx.datePrecedent ?? '2000-01-01',
    messageAvant: ctx.datePrecedent ? 'L’entretien ne peut pas précéder l’entretien précédent.' : 'Date improbable : vérifiez l’année.',
  });
}

const personnesPresentes = (ctx: ContexteEntretien) => ctx.personnes.filter((p) => !p.supprime);

function problemesQuestions(section: Section, e: Entretien, ctx: ContexteEntretien): Probleme[] {
  const problemes: Probleme[] = [];
  for (const q of section.questions) {
    if (!estVisible(q, e.reponses)) continue;
    const r = e.reponses[q.id];
    const verdict = verifierReponse(q, r, ctx.aujourdhui);
    if (!verdict.ok) problemes.push({ section: section.id, champ: q.id, libelle: q.libelle, message: verdict.message, genre: 'invalide' });
    else if (q.requis && estVide(r))
      problemes.push({ section: section.id, champ: q.id, message: `« ${q.libelle} » est à renseigner.`, genre: 'manquant' });
  }
  return problemes;
}

function problemesOccupants(ctx: ContexteEntretien): Probleme[] {
  const parPersonne = personnesPresentes(ctx).flatMap((p) =>
    verifierPersonne(p, ctx.aujourdhui).map((err): Probleme => ({
      section: 'occupants',
      champ: `personne.${p.id}.${err.champ}`,
      message: `${nomAffiche(p)} : ${err.message}`,
      genre: 'invalide',
    })),
  );
  return [
    ...verifierOccupants(ctx.personnes).map((err): Probleme => ({ ...err, section: 'occupants', genre: 'manquant' })),
    ...parPersonne,
  ];
}

function problemesRessources(e: Entretien, ctx: ContexteEntretien): Probleme[] {
  const problemes: Probleme[] = [];
  const presentes = personnesPresentes(ctx);
  for (const p of presentes) {
    for (const rang of MOIS_RESSOURCES) {
      for (const { valeur: nature, libelle } of NATURES_RESSOURCE) {
        const cle = cleRessource(p.id, rang, nature);
        const r = e.reponses[cle];
        if (!r || typeof r.valeur !== 'string') continue;
        const verdict = verifierMontantRessource(r.valeur, r.confirme);
        if (!verdict.ok)
          problemes.push({
            section: 'ressources',
            champ: cle,
            libelle: `${nomAffiche(p)}, ${libelleMois(e.date, rang)}, ${libelle}`,
            message: verdict.message,
            genre: 'invalide',
          });
      }
    }
  }
  const renseignes = new Set(
    totauxMensuels(
      e.reponses,
      presentes.map((p) => p.id),
    ).map((m) => m.rang),
  );
  const manquants = MOIS_RESSOURCES.filter((rang) => !renseignes.has(rang));
  if (manquants.length > 0) {
    problemes.push({
      section: 'ressources',
      champ: 'ressources',
      message: 'Renseignez les ressources de chacun des 3 derniers mois (0 si aucune).',
      genre: 'manquant',
    });
  }
  return problemes;
}

function problemesConsentement(ctx: ContexteEntretien): Probleme[] {
  return etatConsentement(ctx.menage.consentements, ctx.menage.refusConsentement) === 'non_recueilli'
    ? [
        {
          section: 'consentement',
          champ: 'consentement',
          message: 'Recueillez l’accord du ménage pour au moins un partenaire, ou son refus signé.',
          genre: 'manquant',
        },
      ]
    : [];
}

export function problemesSection(section: Section, e: Entretien, ctx: ContexteEntretien): Probleme[] {
  const propres = {
    occupants: () => problemesOccupants(ctx),
    ressources: () => problemesRessources(e, ctx),
    consentement: () => problemesConsentement(ctx),
  };
  return [...(section.special ? propres[section.special]() : []), ...problemesQuestions(section, e, ctx)];
}

/** Everything that keeps the interview from being marked complete; empty when it can be. */
export function verifierEntretien(e: Entretien, ctx: ContexteEntretien): Probleme[] {
  const date = verifierDateEntretien(e.date, ctx);
  const problemesDate: Probleme[] = date.ok ? [] : [{ section: 'entete', champ: 'date', message: date.message, genre: 'invalide' }];
  return [...problemesDate, ...GRILLE.flatMap((s) => problemesSection(s, e, ctx))];
}

export type Progression = { repondues: number; total: number };

/** How much of a section is filled, counting what the officer sees on its screen. */
export function progressionSection(section: Section, e: Entretien, ctx: ContexteEntretien): Progression {
  const visibles = section.questions.filter((q) => estVisible(q, e.reponses));
  let repondues = visibles.filter((q) => !estVide(e.reponses[q.id])).length;
  let total = visibles.length;
  if (section.special === 'occupants') {
    const presentes = personnesPresentes(ctx);
    total += Math.max(presentes.length, 1);
    repondues += presentes.filter((p) => verifierPersonne(p, ctx.aujourdhui).length === 0).length;
  } else if (section.special === 'ressources') {
    total += MOIS_RESSOURCES.length;
    repondues += totauxMensuels(
      e.reponses,
      personnesPresentes(ctx).map((p) => p.id),
    ).length;
  } else if (section.special === 'consentement') {
    total += 1;
    repondues += problemesConsentement(ctx).length === 0 ? 1 : 0;
  }
  return { repondues, total };
}

export function libelleReponse(q: Question | undefined, r: Reponse | undefined): string {
  if (!r || estVide(r)) return '—';
  if (r.nsp) return 'Ne souhaite pas répondre';
  const valeurs = Array.isArray(r.valeur) ? r.valeur : [r.valeur];
  if (q && (q.type === 'choix' || q.type === 'multi'))
    return valeurs.map((v) => q.options.find((o) => o.valeur === v)?.libelle ?? v).join(', ');
  if (q && q.type === 'montant') {
    const n = parseNombreFr(valeurs[0] ?? '');
    return n === null ? (valeurs[0] ?? '') : new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(n);
  }
  return valeurs.join(', ');
}
