import { describe, expect, it } from 'vitest';
import {
  REGLAGES_PROPOSITION_PAR_DEFAUT,
  appliquerEvenement,
  creerProposition,
  echeanceReponse,
  echeanceValidationPartenaires,
  estOpposable,
  etatProposition,
  evenementPropositionSchema,
  partenairesEnRetard,
  refusDe,
  orientationSchema,
  reglagesPropositionSchema,
  reponseEchue,
  situationPropositions,
  verifierProposition,
  verifierPropositionsDuMenage,
  type Proposition,
} from '../../../src/domain/proposition/index.ts';
import { plusJours } from '../../../src/domain/calendrier/index.ts';
import { contexte, creer, demande, id, mediation, menageId, refusee, suivre } from './outils.ts';

const ctx = contexte('2025-06-30');
const refusPar = (p: Proposition, brut: unknown) => {
  const r = appliquerEvenement(p, evenementPropositionSchema.parse(brut), ctx);
  return r.ok ? 'accepté' : r.message;
};

describe('a proposal in the circuit dématérialisé, step by step (charte §4 steps 7 to 11)', () => {
  const proposee = creer(
    demande(10, '2025-05-02', { circuit: 'circuit_dematerialise', partenaires: ['Ville', 'Métropole', 'DDTM'] }),
    [],
    [],
    ctx,
  );

  it('starts at rank 1, submitted to every partner, keeping the simulation as it was', () => {
    expect(proposee).toMatchObject({ rang: 1, partenaires: ['Ville', 'Métropole', 'DDTM'], simulation: { apres: { resteAVivre: 8.2 } } });
    expect(etatProposition(proposee)).toBe('soumise');
  });

  it('gives partners 5 days, the last day moved off the weekend, and names the late ones', () => {
    expect(echeanceValidationPartenaires(proposee, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe('2025-05-07');
    const uneVille = suivre(proposee, [{ type: 'avis', partenaire: 'Ville', avis: 'favorable', date: '2025-05-05' }], ctx);
    expect(partenairesEnRetard(uneVille, REGLAGES_PROPOSITION_PAR_DEFAUT, '2025-05-07')).toEqual([]);
    expect(partenairesEnRetard(uneVille, REGLAGES_PROPOSITION_PAR_DEFAUT, '2025-05-09')).toEqual(['Métropole', 'DDTM']);
  });

  const validee = suivre(
    proposee,
    ['Ville', 'Métropole', 'DDTM'].map((partenaire, i) => ({ type: 'avis', partenaire, avis: 'favorable', date: `2025-05-0${5 + i}` })),
    ctx,
  );

  it('refuses the visit before the CALEOL decision where the territory requires it, and changes nothing', () => {
    expect(etatProposition(validee)).toBe('validee');
    expect(refusPar(validee, { type: 'visite', date: '2025-05-12' })).toBe(
      'Sur ce territoire, la visite suit l’attribution du logement par la CALEOL : enregistrez d’abord sa décision.',
    );
    expect(validee.visite).toBeNull();
  });

  it('allows that visit where the territory visits before the CALEOL', () => {
    const ailleurs = contexte('2025-06-30', { ...REGLAGES_PROPOSITION_PAR_DEFAUT, visiteApresCaleol: false });
    expect(etatProposition(suivre(validee, [{ type: 'visite', date: '2025-05-12' }], ailleurs))).toBe('visitee');
  });

  const visitee = suivre(
    validee,
    [
      { type: 'caleol', decision: 'attribution', date: '2025-05-15' },
      { type: 'visite', date: '2025-05-20', heure: '10:00' },
    ],
    ctx,
  );

  it('gives the household 10 days after the visit: 30 May, the day after Ascension', () => {
    expect(echeanceReponse(visitee, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe('2025-05-30');
  });

  it('without a written offer, silence past the 10 days after the visit is not a refusal (CCH R441-10)', () => {
    expect(reponseEchue(visitee, REGLAGES_PROPOSITION_PAR_DEFAUT, '2025-06-10')).toBe(false);
    expect(refusPar(visitee, { type: 'absence_reponse', date: '2025-06-10' })).toBe(
      'Le silence du ménage ne vaut refus qu’après une offre écrite notifiée indiquant le délai de réponse (CCH R441-10) : enregistrez d’abord la notification de l’offre écrite.',
    );
    const silenceSansOffre: Proposition = {
      ...visitee,
      reponse: { date: '2025-06-10', decision: 'sans_reponse', motif: null, commentaire: '' },
    };
    expect(verifierProposition(silenceSansOffre, REGLAGES_PROPOSITION_PAR_DEFAUT)).toEqual([
      { champ: 'reponse', message: 'L’absence de réponse vaut refus sans offre écrite notifiée.' },
    ]);
  });

  const notifiee = suivre(visitee, [{ type: 'offre_notifiee', date: '2025-05-22' }], ctx);

  it('never less than 10 days after the written offer: 1 June is a Sunday, so Monday 2 June', () => {
    expect(echeanceReponse(notifiee, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe('2025-06-02');
  });

  it('refuses an answer dated before the visit', () => {
    expect(refusPar(notifiee, { type: 'reponse', decision: 'acceptation', date: '2025-05-19' })).toBe(
      'La réponse est datée du 19 mai 2025, avant la visite du 20 mai 2025 : vérifiez les dates.',
    );
  });

  it('refuses a refusal without a reason from the list', () => {
    expect(refusPar(notifiee, { type: 'reponse', decision: 'refus', date: '2025-05-25' })).toBe(
      'Indiquez le motif du refus du ménage, choisi dans la liste.',
    );
  });

  it('counts silence as a refusal only after the last day, and attributes it to the household', () => {
    expect(reponseEchue(notifiee, REGLAGES_PROPOSITION_PAR_DEFAUT, '2025-06-02')).toBe(false);
    expect(reponseEchue(notifiee, REGLAGES_PROPOSITION_PAR_DEFAUT, '2025-06-03')).toBe(true);
    expect(refusPar(notifiee, { type: 'absence_reponse', date: '2025-06-02' })).toBe(
      'Le ménage a jusqu’au 2 juin 2025 pour répondre : son silence ne vaut refus qu’après cette date.',
    );
    const silence = suivre(notifiee, [{ type: 'absence_reponse', date: '2025-06-03' }], ctx);
    expect(etatProposition(silence)).toBe('refusee_menage');
    expect(refusDe(silence)).toEqual({ par: 'menage', date: '2025-06-03', motif: 'Sans réponse dans le délai (vaut refus)' });
  });

  it('ends with the lease, which must follow the acceptance and stay within a year', () => {
    const acceptee = suivre(notifiee, [{ type: 'reponse', decision: 'acceptation', date: '2025-05-28' }], ctx);
    expect(refusPar(acceptee, { type: 'bail_signe', date: '2025-05-27' })).toBe(
      'Le bail ne peut pas être signé avant l’acceptation du ménage, le 28 mai 2025.',
    );
    expect(refusPar(acceptee, { type: 'bail_signe', date: '2026-07-15' })).toBe(
      'La date de relogement (signature du bail) est à plus de 12 mois dans le futur : vérifiez l’année.',
    );
    const signee = suivre(acceptee, [{ type: 'bail_signe', date: '2025-07-01' }], ctx);
    expect(etatProposition(signee)).toBe('bail_signe');
    expect(refusPar(signee, { type: 'retrait', date: '2025-06-10', motif: 'Logement repris' })).toBe(
      'La proposition est close (bail signé) : le retrait de la proposition ne peut plus être enregistré.',
    );
  });

  it('a partner’s rejection ends the proposal, attributed to the partners with their reason', () => {
    const rejetee = suivre(
      proposee,
      [{ type: 'avis', partenaire: 'DDTM', avis: 'defavorable', motif: 'Taux d’effort trop élevé', date: '2025-05-06' }],
      ctx,
    );
    expect(etatProposition(rejetee)).toBe('rejetee_partenaires');
    expect(refusDe(rejetee)).toEqual({ par: 'partenaires', date: '2025-05-06', motif: 'DDTM : Taux d’effort trop élevé' });
    expect(refusPar(proposee, { type: 'avis', partenaire: 'CAF', avis: 'favorable', date: '2025-05-06' })).toBe(
      'CAF n’est pas appelé à valider cette proposition (partenaires : Ville, Métropole, DDTM).',
    );
  });

  it('after a partner’s rejection, sends the next proposal to the GTR or GTRM unless the household is oriented anew (charte §5.5 C)', () => {
    const rejetee = suivre(
      proposee,
      [{ type: 'avis', partenaire: 'DDTM', avis: 'defavorable', motif: 'Taux d’effort trop élevé', date: '2025-05-06' }],
      ctx,
    );
    const dematerialise = demande(11, '2025-05-12', { circuit: 'circuit_dematerialise', partenaires: ['Ville', 'Métropole', 'DDTM'] });
    expect(
      creerProposition(dematerialise, { propositions: [rejetee], mediations: [] }, REGLAGES_PROPOSITION_PAR_DEFAUT, ctx.aujourdhui),
    ).toEqual({
      ok: false,
      message:
        'Un partenaire n’a pas validé la proposition n° 1 dans le circuit dématérialisé (le 6 mai 2025) : la situation est traitée en GTR ou GTRM (charte §5.5 C). Faites la proposition en GTR ou en GTRM, ou enregistrez d’abord une nouvelle orientation vers le circuit dématérialisé.',
    });
    expect(creer(demande(12, '2025-05-12', { circuit: 'gtr' }), [rejetee], [], ctx).rang).toBe(1);
    const reorientation = orientationSchema.parse({
      id: id(13),
      menageId,
      date: '2025-05-09',
      circuit: 'circuit_dematerialise',
      decidePar: 'GTR du 9 mai',
    });
    expect(
      creerProposition(
        dematerialise,
        { propositions: [rejetee], mediations: [], orientations: [reorientation] },
        REGLAGES_PROPOSITION_PAR_DEFAUT,
        ctx.aujourdhui,
      ).ok,
    ).toBe(true);
  });

  it('refuses a CALEOL decision before the partners all validated, naming who is awaited', () => {
    expect(refusPar(proposee, { type: 'caleol', decision: 'attribution', date: '2025-05-10' })).toBe(
      'La CALEOL attend la validation de tous les partenaires : avis attendu de Ville, Métropole, DDTM.',
    );
  });
});

describe('three proposals due, a mediation before the third (CCH L353-15, L442-6, charte §3 D)', () => {
  const jour = (base: string) => (n: number) => plusJours(base, n);
  const p1 = refusee(creer(demande(1, '2025-01-06'), [], [], ctx), jour('2025-01-06'), ctx);
  const p2 = refusee(creer(demande(2, '2025-02-03'), [p1], [], ctx), jour('2025-02-03'), ctx);

  it('ranks the proposals in order and refuses a new one while one is in progress', () => {
    expect([p1.rang, p2.rang]).toEqual([1, 2]);
    const enCours = creer(demande(3, '2025-01-20'), [p1], [], ctx);
    const r = creerProposition(
      demande(4, '2025-01-21'),
      { propositions: [p1, enCours], mediations: [] },
      REGLAGES_PROPOSITION_PAR_DEFAUT,
      ctx.aujourdhui,
    );
    expect(r).toEqual({ ok: false, message: 'La proposition n° 2 est en cours : enregistrez sa conclusion avant d’en faire une autre.' });
  });

  it('refuses a proposal dated before the previous one was concluded, so the refusals follow the ranks', () => {
    // p1 was proposed on 6 January and refused by the household on 10 January (outils.ts, refusee).
    const r = creerProposition(
      demande(3, '2025-01-08'),
      { propositions: [p1], mediations: [] },
      REGLAGES_PROPOSITION_PAR_DEFAUT,
      ctx.aujourdhui,
    );
    expect(r).toEqual({
      ok: false,
      message: 'La proposition ne peut pas être datée avant la conclusion de la précédente, le 10 janvier 2025.',
    });
    // The day of the refusal itself is allowed: the officer often proposes the next dwelling at once.
    expect(
      creerProposition(demande(3, '2025-01-10'), { propositions: [p1], mediations: [] }, REGLAGES_PROPOSITION_PAR_DEFAUT, ctx.aujourdhui)
        .ok,
    ).toBe(true);
  });

  it('after the second refusal, refuses a third proposal without a mediation', () => {
    const r = creerProposition(
      demande(3, '2025-03-10'),
      { propositions: [p1, p2], mediations: [] },
      REGLAGES_PROPOSITION_PAR_DEFAUT,
      ctx.aujourdhui,
    );
    expect(r).toEqual({
      ok: false,
      message:
        'Après le 2e refus du ménage (le 7 février 2025), une médiation doit précéder la proposition n° 3 : enregistrez sa date, les présents et le produit défini.',
    });
  });

  it('says what an incomplete mediation lacks, and refuses one held after the proposal date', () => {
    const incomplete = mediation(20, '2025-02-20', { produitDefini: '' });
    const r = creerProposition(
      demande(3, '2025-03-10'),
      { propositions: [p1, p2], mediations: [incomplete] },
      REGLAGES_PROPOSITION_PAR_DEFAUT,
      ctx.aujourdhui,
    );
    expect(r.ok ? '' : r.message).toBe(
      'Après le 2e refus du ménage (le 7 février 2025), une médiation doit précéder la proposition n° 3 : la médiation du 20 février 2025 est incomplète. Décrivez le produit défini pour la troisième proposition (typologie, secteur, loyer…).',
    );
    const tardive = creerProposition(
      demande(3, '2025-03-10'),
      { propositions: [p1, p2], mediations: [mediation(21, '2025-03-12')] },
      REGLAGES_PROPOSITION_PAR_DEFAUT,
      ctx.aujourdhui,
    );
    expect(tardive.ok ? '' : tardive.message).toContain('la médiation du 12 mars 2025 est postérieure à la date de la proposition.');
  });

  it('with the mediation, the third proposal is made and is binding; after its refusal the landlord may make a fourth (three is a floor)', () => {
    const m = mediation(20, '2025-02-20');
    const p3 = creer(demande(3, '2025-03-10'), [p1, p2], [m], ctx);
    expect(p3.rang).toBe(3);
    expect(estOpposable(p3, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe(true);
    expect(estOpposable(p2, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe(false);
    const refusee3 = refusee(p3, jour('2025-03-10'), ctx);
    const p4 = creer(demande(4, '2025-04-14'), [p1, p2, refusee3], [m], ctx);
    expect(p4.rang).toBe(4);
    expect(estOpposable(p4, REGLAGES_PROPOSITION_PAR_DEFAUT)).toBe(false);
    expect(verifierPropositionsDuMenage([p1, p2, refusee3, p4], [m], REGLAGES_PROPOSITION_PAR_DEFAUT, ctx.aujourdhui)).toEqual([]);
  });

  it('a CALEOL refusal is told apart from the household’s and does not use up a proposal', () => {
    const refuseeCaleol = suivre(
      creer(demande(3, '2025-03-03'), [p1], [], ctx),
      [
        { type: 'avis', partenaire: 'GTR', avis: 'favorable', date: '2025-03-04' },
        { type: 'caleol', decision: 'refus', motif: 'Dossier incomplet', date: '2025-03-06' },
      ],
      ctx,
    );
    expect(refusDe(refuseeCaleol)).toEqual({ par: 'caleol', date: '2025-03-06', motif: 'Dossier incomplet' });
    const s = situationPropositions([p1, refuseeCaleol], REGLAGES_PROPOSITION_PAR_DEFAUT);
    expect(s.refusMenage.map((p) => p.id)).toEqual([p1.id]);
    expect(s.prochainRang).toBe(2);
    expect(creer(demande(4, '2025-03-10'), [p1, refuseeCaleol], [], ctx).rang).toBe(2);
  });

  it('refuses any proposal once the household is relocated', () => {
    const signee = suivre(
      creer(demande(3, '2025-03-03'), [p1], [], ctx),
      [
        { type: 'avis', partenaire: 'GTR', avis: 'favorable', date: '2025-03-04' },
        { type: 'caleol', decision: 'attribution', date: '2025-03-06' },
        { type: 'visite', date: '2025-03-07' },
        { type: 'reponse', decision: 'acceptation', date: '2025-03-08' },
        { type: 'bail_signe', date: '2025-03-20' },
      ],
      ctx,
    );
    const r = creerProposition(
      demande(4, '2025-04-01'),
      { propositions: [p1, signee], mediations: [] },
      REGLAGES_PROPOSITION_PAR_DEFAUT,
      ctx.aujourdhui,
    );
    expect(r).toEqual({ ok: false, message: 'Le ménage est déjà relogé (bail signé le 20 mars 2025) : aucune nouvelle proposition.' });
  });

  it('asks for the partners of the circuit dématérialisé and refuses a proposal dated in the future', () => {
    expect(
      creerProposition(
        demande(5, '2025-06-02', { circuit: 'circuit_dematerialise' }),
        { propositions: [], mediations: [] },
        REGLAGES_PROPOSITION_PAR_DEFAUT,
        ctx.aujourdhui,
      ),
    ).toEqual({
      ok: false,
      message: 'Indiquez les partenaires appelés à valider la proposition dans le circuit dématérialisé.',
    });
    expect(
      creerProposition(demande(5, '2025-07-02'), { propositions: [], mediations: [] }, REGLAGES_PROPOSITION_PAR_DEFAUT, ctx.aujourdhui),
    ).toEqual({ ok: false, message: 'La proposition ne peut pas être datée dans le futur.' });
  });
});

describe('the territory’s proposal settings', () => {
  it('default to the MEL charter and R441-10', () => {
    expect(REGLAGES_PROPOSITION_PAR_DEFAUT).toEqual({
      maxPropositions: 3,
      mediationApresRefus: 2,
      delaiReponseApresVisite: { nombre: 10, unite: 'jours' },
      delaiReponseApresOffre: { nombre: 10, unite: 'jours' },
      delaiValidationPartenaires: { nombre: 5, unite: 'jours' },
      visiteApresCaleol: true,
      delaiRemboursement: { nombre: 8, unite: 'jours' },
    });
  });

  it('need the answer delay to start somewhere, and the mediation before the last proposal', () => {
    expect(
      reglagesPropositionSchema.safeParse({ delaiReponseApresVisite: null, delaiReponseApresOffre: null }).error?.issues[0]?.message,
    ).toBe('Le délai de réponse du ménage doit courir depuis la visite, depuis l’offre écrite, ou les deux.');
    expect(reglagesPropositionSchema.safeParse({ maxPropositions: 2, mediationApresRefus: 2 }).error?.issues[0]?.message).toBe(
      'La médiation doit avoir lieu avant la dernière proposition : moins de refus que de propositions.',
    );
  });

  it('may count the answer in working days', () => {
    const ouvres = {
      ...REGLAGES_PROPOSITION_PAR_DEFAUT,
      delaiReponseApresVisite: { nombre: 10, unite: 'jours-ouvres' as const },
      delaiReponseApresOffre: null,
    };
    const p = suivre(
      creer(demande(1, '2025-04-01'), [], [], ctx),
      [
        { type: 'avis', partenaire: 'GTR', avis: 'favorable', date: '2025-04-02' },
        { type: 'caleol', decision: 'attribution', date: '2025-04-10' },
        { type: 'visite', date: '2025-04-17' },
      ],
      ctx,
    );
    expect(echeanceReponse(p, ouvres)).toBe('2025-05-05');
  });
});
