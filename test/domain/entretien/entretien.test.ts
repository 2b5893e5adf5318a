import { describe, expect, it } from 'vitest';
import {
  GRILLE,
  QUESTIONS,
  cleRessource,
  entretienSchema,
  estVisible,
  libelleMois,
  libelleReponse,
  nomAffiche,
  problemesSection,
  progressionSection,
  reponseCleSchema,
  reponsesModifiees,
  suiteDe,
  verifierDateEntretien,
  verifierEntretien,
  verifierReponse,
} from '../../../src/domain/index.ts';
import type { Entretien, Question, Reponse, Section } from '../../../src/domain/index.ts';
import { AUJOURDHUI, entretien, personne, situationComplete } from '../fixtures.ts';

const question = (id: string): Question => {
  const q = QUESTIONS.get(id);
  if (!q) throw new Error(`question inconnue ${id}`);
  return q;
};
const section = (id: string): Section => {
  const s = GRILLE.find((x) => x.id === id);
  if (!s) throw new Error(`section inconnue ${id}`);
  return s;
};
const avec = (e: Entretien, reponses: Record<string, Reponse | undefined>): Entretien => {
  const suivantes = { ...e.reponses };
  for (const [cle, r] of Object.entries(reponses)) {
    if (r === undefined) delete suivantes[cle];
    else suivantes[cle] = r;
  }
  return { ...e, reponses: suivantes };
};
const NSP: Reponse = { valeur: '', nsp: true };

describe('the grid', () => {
  it('has unique question ids that are valid answer keys', () => {
    const ids = GRILLE.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(QUESTIONS.size).toBe(ids.length);
    for (const id of ids) expect(reponseCleSchema.safeParse(id).success).toBe(true);
  });

  it('conditions only point at earlier questions that offer the awaited answer', () => {
    for (const q of QUESTIONS.values()) {
      if (!q.siReponse) continue;
      const cible = question(q.siReponse.question);
      expect(cible.type === 'choix' || cible.type === 'multi').toBe(true);
      if (cible.type === 'choix' || cible.type === 'multi') {
        for (const v of q.siReponse.valeurs) expect(cible.options.map((o) => o.valeur)).toContain(v);
      }
    }
  });
});

describe('verifierReponse: one answer', () => {
  it('"ne souhaite pas répondre" is refused on a regulatory question', () => {
    expect(verifierReponse(question('logement.loyer'), NSP, AUJOURDHUI)).toEqual({
      ok: false,
      message: 'Cette question fait partie de l’entretien réglementaire : une réponse est nécessaire.',
    });
  });

  it('"ne souhaite pas répondre" is accepted elsewhere, even with an old value kept', () => {
    expect(verifierReponse(question('souhaits.tauxEffort'), NSP, AUJOURDHUI)).toEqual({ ok: true });
    expect(verifierReponse(question('souhaits.tauxEffort'), { valeur: 'abc', nsp: true }, AUJOURDHUI)).toEqual({ ok: true });
  });

  it('an empty answer is never an error here (missing answers are counted elsewhere)', () => {
    expect(verifierReponse(question('logement.loyer'), undefined, AUJOURDHUI)).toEqual({ ok: true });
    expect(verifierReponse(question('logement.loyer'), { valeur: '  ' }, AUJOURDHUI)).toEqual({ ok: true });
  });

  it('checks numbers against the question’s bounds', () => {
    expect(verifierReponse(question('logement.loyer'), { valeur: 'abc' }, AUJOURDHUI)).toEqual({
      ok: false,
      message: 'Saisissez un nombre, par exemple 1 234,56.',
    });
    expect(verifierReponse(question('logement.loyer'), { valeur: '-5' }, AUJOURDHUI)).toEqual({
      ok: false,
      message: 'La valeur ne peut pas être négative.',
    });
    expect(verifierReponse(question('logement.loyer'), { valeur: '45 000' }, AUJOURDHUI).ok).toBe(false);
    expect(verifierReponse(question('logement.etage'), { valeur: '-1' }, AUJOURDHUI)).toEqual({ ok: true });
    expect(verifierReponse(question('souhaits.tauxEffort'), { valeur: '130' }, AUJOURDHUI).ok).toBe(false);
  });

  it('refuses a choice that is not offered', () => {
    expect(verifierReponse(question('logement.typologie'), { valeur: 'T9' }, AUJOURDHUI)).toEqual({
      ok: false,
      message: 'Choisissez une des réponses proposées.',
    });
    expect(verifierReponse(question('logement.typologie'), { valeur: 'T4' }, AUJOURDHUI)).toEqual({ ok: true });
  });
});

describe('conditional questions (siReponse)', () => {
  const dette = question('logement.dette');
  const mensualite = question('logement.mensualitePlan');

  it('are hidden until the awaited answer is given', () => {
    expect(estVisible(dette, {})).toBe(false);
    expect(estVisible(dette, { 'logement.impayes': { valeur: 'non' } })).toBe(false);
    expect(estVisible(dette, { 'logement.impayes': { valeur: 'oui' } })).toBe(true);
    expect(estVisible(dette, { 'logement.impayes': { valeur: 'oui', nsp: true } })).toBe(false);
  });

  it('chain: the repayment amount needs a repayment plan, which needs arrears', () => {
    expect(estVisible(mensualite, { 'logement.planApurement': { valeur: 'oui' } })).toBe(true);
    expect(estVisible(question('mobilite.conditions'), { 'mobilite.vivreAilleurs': { valeur: 'sous_conditions' } })).toBe(true);
    expect(estVisible(question('mobilite.conditions'), { 'mobilite.vivreAilleurs': { valeur: 'oui' } })).toBe(false);
  });

  it('a hidden question’s wrong answer does not block, a visible one does', () => {
    const { entretien: e, ctx } = situationComplete();
    const cache = avec(e, { 'logement.impayes': { valeur: 'non' }, 'logement.dette': { valeur: 'abc' } });
    expect(problemesSection(section('logement'), cache, ctx)).toEqual([]);
    const visible = avec(cache, { 'logement.impayes': { valeur: 'oui' } });
    expect(problemesSection(section('logement'), visible, ctx)).toEqual([
      {
        section: 'logement',
        champ: 'logement.dette',
        libelle: 'Montant de la dette locative (€)',
        message: 'Saisissez un nombre, par exemple 1 234,56.',
        genre: 'invalide',
      },
    ]);
  });

  it('progress counts the questions the officer sees', () => {
    const { entretien: e, ctx } = situationComplete();
    const sans = progressionSection(section('logement'), avec(e, { 'logement.impayes': { valeur: 'non' } }), ctx);
    const avecImpayes = progressionSection(
      section('logement'),
      avec(e, { 'logement.impayes': { valeur: 'oui' }, 'logement.dette': { valeur: '1 200' } }),
      ctx,
    );
    // 9 questions without arrears; 2 more with arrears (the plan’s amount waits for a plan).
    expect(sans).toEqual({ repondues: 6, total: 9 });
    expect(avecImpayes).toEqual({ repondues: 7, total: 11 });
  });
});

describe('verifierEntretien: completion blocked until fixed', () => {
  it('a complete interview has nothing to fix', () => {
    const { entretien: e, ctx } = situationComplete();
    expect(verifierEntretien(e, ctx)).toEqual([]);
  });

  it('an empty interview lists what is missing, section by section', () => {
    const { entretien: e, ctx } = situationComplete();
    const vide = { ...e, reponses: {} };
    const problemes = verifierEntretien(vide, { ...ctx, menage: { consentements: {}, refusConsentement: null } });
    expect(problemes.every((p) => p.genre === 'manquant')).toBe(true);
    expect(problemes.map((p) => p.champ)).toEqual([
      'occupants.etatConfirme',
      'logement.typologie',
      'logement.surface',
      'logement.loyer',
      'logement.charges',
      'logement.apl',
      'ressources',
      'consentement',
    ]);
    expect(problemes.find((p) => p.champ === 'logement.loyer')?.message).toBe('« Loyer mensuel hors charges (€) » est à renseigner.');
  });

  it('blocks on "ne souhaite pas répondre" to a regulatory question, not to a wish', () => {
    const { entretien: e, ctx } = situationComplete();
    expect(verifierEntretien(avec(e, { 'souhaits.formeHabitat': NSP, 'mobilite.attachementQuartier': NSP }), ctx)).toEqual([]);
    expect(verifierEntretien(avec(e, { 'logement.loyer': NSP }), ctx)).toEqual([
      {
        section: 'logement',
        champ: 'logement.loyer',
        libelle: 'Loyer mensuel hors charges (€)',
        message: 'Cette question fait partie de l’entretien réglementaire : une réponse est nécessaire.',
        genre: 'invalide',
      },
    ]);
  });

  it('blocks on a wrong resource amount and on a missing month, then clears when fixed', () => {
    const { entretien: e, ctx } = situationComplete();
    const id = ctx.personnes[0]!.id;
    const faux = avec(e, { [cleRessource(id, 2, 'salaire')]: { valeur: '1 500 €' } });
    expect(verifierEntretien(faux, ctx).map((p) => [p.champ, p.genre])).toEqual([
      [cleRessource(id, 2, 'salaire'), 'invalide'],
      ['ressources', 'manquant'],
    ]);
    expect(verifierEntretien(avec(faux, { [cleRessource(id, 2, 'salaire')]: { valeur: '1 500' } }), ctx)).toEqual([]);
  });

  it('names whose resource, which month and which nature is wrong', () => {
    const { entretien: e, ctx } = situationComplete();
    const titulaire = ctx.personnes[0]!;
    const faux = avec(e, { [cleRessource(titulaire.id, 2, 'salaire')]: { valeur: '1 500 €' } });
    expect(verifierEntretien(faux, ctx)[0]).toMatchObject({
      libelle: `${nomAffiche(titulaire)}, ${libelleMois(e.date, 2)}, Salaires`,
      message: 'Saisissez un nombre, par exemple 1 234,56.',
    });
  });

  it('an implausible resource blocks until the officer confirms it', () => {
    const { entretien: e, ctx } = situationComplete();
    const cle = cleRessource(ctx.personnes[0]!.id, 1, 'salaire');
    expect(verifierEntretien(avec(e, { [cle]: { valeur: '25 000' } }), ctx)[0]).toMatchObject({
      champ: cle,
      message: expect.stringMatching(/^Valeur improbable : vérifiez la saisie \(au plus 20\s000 €\) ou confirmez le montant\.$/),
    });
    expect(verifierEntretien(avec(e, { [cle]: { valeur: '25 000', confirme: true } }), ctx)).toEqual([]);
  });

  it('blocks on the household’s occupants and consent', () => {
    const { entretien: e, ctx, menage } = situationComplete();
    const hote = personne({
      menageId: menage.id,
      lien: 'heberge',
      prenom: 'Omar',
      dateNaissance: '2001-01-01',
      hebergeDepuis: '1999-01-01',
    });
    const problemes = verifierEntretien(e, {
      ...ctx,
      personnes: [...ctx.personnes, hote],
      menage: { consentements: {}, refusConsentement: null },
    });
    expect(problemes).toEqual([
      {
        section: 'occupants',
        champ: `personne.${hote.id}.hebergeDepuis`,
        message: 'Omar Benali : La date de début d’hébergement précède la date de naissance.',
        genre: 'invalide',
      },
      {
        section: 'consentement',
        champ: 'consentement',
        message: 'Recueillez l’accord du ménage pour au moins un partenaire, ou son refus signé.',
        genre: 'manquant',
      },
    ]);
    expect(verifierEntretien(e, { ...ctx, menage: { consentements: {}, refusConsentement: { signeLe: '2026-03-01' } } })).toEqual([]);
  });

  it('blocks on an interview dated in the future or before the previous one', () => {
    const { entretien: e, ctx } = situationComplete();
    expect(verifierEntretien({ ...e, date: '2026-03-20' }, ctx)[0]).toEqual({
      section: 'entete',
      champ: 'date',
      message: 'La date de l’entretien ne peut pas être dans le futur.',
      genre: 'invalide',
    });
    expect(verifierEntretien({ ...e, date: '2026-01-05' }, { ...ctx, datePrecedent: '2026-02-01' })[0]?.message).toBe(
      'L’entretien ne peut pas précéder l’entretien précédent.',
    );
    expect(verifierEntretien({ ...e, date: '2026-02-01' }, { ...ctx, datePrecedent: '2026-02-01' })).toEqual([]);
  });
});

describe('verifierDateEntretien', () => {
  it('requires a date that exists, not in the future, not before the previous interview', () => {
    const ctx = { aujourdhui: AUJOURDHUI, datePrecedent: null };
    expect(verifierDateEntretien('', ctx)).toEqual({ ok: false, message: 'La date de l’entretien est obligatoire.' });
    expect(verifierDateEntretien('2026-02-30', ctx).ok).toBe(false);
    expect(verifierDateEntretien('1999-12-31', ctx)).toEqual({ ok: false, message: 'Date improbable : vérifiez l’année.' });
    expect(verifierDateEntretien(AUJOURDHUI, ctx)).toEqual({ ok: true });
    expect(verifierDateEntretien('2026-03-01', { aujourdhui: AUJOURDHUI, datePrecedent: '2026-03-02' })).toEqual({
      ok: false,
      message: 'L’entretien ne peut pas précéder l’entretien précédent.',
    });
  });
});

describe('progressionSection of the special sections', () => {
  it('occupants: one per valid occupant plus the confirmation', () => {
    const { entretien: e, ctx } = situationComplete();
    expect(progressionSection(section('occupants'), e, ctx)).toEqual({ repondues: 2, total: 2 });
    expect(progressionSection(section('occupants'), e, { ...ctx, personnes: [] })).toEqual({ repondues: 1, total: 2 });
  });

  it('resources: the months entered out of three', () => {
    const { entretien: e, ctx } = situationComplete();
    expect(progressionSection(section('ressources'), e, ctx)).toEqual({ repondues: 3, total: 3 });
    expect(progressionSection(section('ressources'), { ...e, reponses: {} }, ctx)).toEqual({ repondues: 0, total: 3 });
  });

  it('consent: done once agreed or refused', () => {
    const { entretien: e, ctx } = situationComplete();
    expect(progressionSection(section('consentement'), e, ctx)).toEqual({ repondues: 1, total: 3 });
    expect(progressionSection(section('consentement'), e, { ...ctx, menage: { consentements: {}, refusConsentement: null } })).toEqual({
      repondues: 0,
      total: 3,
    });
  });
});

describe('follow-up interviews: suiteDe and reponsesModifiees', () => {
  const { entretien: premier } = situationComplete();
  const termine: Entretien = {
    ...premier,
    statut: 'termine',
    termineLe: '2026-03-10',
    reponses: { ...premier.reponses, 'souhaits.typologie': { valeur: ['T3', 'T4'] } },
  };
  const suite = suiteDe(termine, '0190a000-0000-7000-8000-0000000fffff', '2026-06-01');

  it('starts a draft follow-up from the completed interview’s answers', () => {
    expect(suite).toEqual({
      id: '0190a000-0000-7000-8000-0000000fffff',
      menageId: termine.menageId,
      date: '2026-06-01',
      type: 'suivi',
      statut: 'brouillon',
      reponses: termine.reponses,
      termineLe: null,
      precedentId: termine.id,
    });
    expect(entretienSchema.parse(suite)).toEqual(suite);
  });

  it('copies the answers: editing the follow-up never touches the completed interview', () => {
    expect(suite.reponses).not.toBe(termine.reponses);
    (suite.reponses['souhaits.typologie']!.valeur as string[]).push('T5');
    expect(termine.reponses['souhaits.typologie']).toEqual({ valeur: ['T3', 'T4'] });
  });

  it('nothing changed right after the copy', () => {
    expect(reponsesModifiees(termine, suiteDe(termine, termine.id, '2026-06-01'))).toEqual(new Set());
  });

  it('lists changed, added, removed and declined answers', () => {
    const courant = avec(suiteDe(termine, termine.id, '2026-06-01'), {
      'logement.loyer': { valeur: '430' },
      'souhaits.communes': { valeur: 'Exempleville' },
      'logement.apl': undefined,
      'logement.charges': { valeur: '95', nsp: true },
    });
    expect(reponsesModifiees(termine, courant)).toEqual(
      new Set(['logement.loyer', 'souhaits.communes', 'logement.apl', 'logement.charges']),
    );
  });

  it('an answer cleared to empty text is the same as no answer', () => {
    const precedent = entretien(termine.menageId, { 'souhaits.quartiers': { valeur: '' } });
    expect(reponsesModifiees(precedent, entretien(termine.menageId, {}))).toEqual(new Set());
  });
});

describe('libelleReponse: the review shows answers as words', () => {
  it('shows choices, amounts, declined and missing answers', () => {
    expect(libelleReponse(question('logement.typologie'), { valeur: 'T6' })).toBe('T6 et plus');
    expect(libelleReponse(question('logement.quittance'), { valeur: ['eau', 'chauffage'] })).toBe('Eau froide, Chauffage');
    expect(libelleReponse(question('logement.loyer'), { valeur: '1 234,5' })).toMatch(/^1\s234,50\s€$/);
    expect(libelleReponse(question('logement.loyer'), { valeur: 'abc' })).toBe('abc');
    expect(libelleReponse(question('souhaits.formeHabitat'), NSP)).toBe('Ne souhaite pas répondre');
    expect(libelleReponse(question('souhaits.formeHabitat'), undefined)).toBe('—');
  });
});
