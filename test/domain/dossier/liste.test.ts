import { differenceInYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REGLAGES_DOSSIER_PAR_DEFAUT,
  REGLAGES_TERRITOIRE_PAR_DEFAUT,
  dossierAlerte,
  etatDossier,
  estMajeur,
  etatDossierMenage,
  exigencesDossier,
  pieceDossierSchema,
} from '../../../src/domain/index.ts';
import { personne } from '../fixtures.ts';
import type { Exigence, KindPiece, OccupantDossier, PieceDossier, SituationDossier } from '../../../src/domain/index.ts';

// CCH R441-2-4 and the arrêté of 22 December 2020 (docs/domaine.md §4): the checklist of a social-housing demand, from the household's situation.
const AUJOURDHUI = '2026-03-15';
let n = 0;
const id = () => `0190a000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
const MENAGE = id();

const occupant = (modif: Partial<OccupantDossier> = {}): OccupantDossier => ({
  id: id(),
  lien: 'titulaire',
  dateNaissance: '1980-05-12',
  activite: 'salarie',
  handicap: false,
  nationalite: 'francaise',
  ...modif,
});
const situation = (occupants: OccupantDossier[], modif: Partial<SituationDossier> = {}): SituationDossier => ({
  occupants,
  typeMenage: 'locataire_social',
  ...modif,
});
const kindsDe = (exigences: Exigence[], personneId: string | null) =>
  exigences.filter((e) => e.personneId === personneId).map((e) => e.kind);
const piece = (kind: KindPiece, personneId: string | null, modif: Partial<PieceDossier> = {}): PieceDossier =>
  pieceDossierSchema.parse({ id: id(), menageId: MENAGE, kind, personneId, ...modif });

describe('an adult', () => {
  it('is 18 full years old on the day, a 29 February birthday included', () => {
    const jour = fc
      .date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true })
      .map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()));
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const autourDe18Ans = fc.tuple(jour, fc.integer({ min: -3, max: 3 })).map(([d, decalage]) => {
      const naissance = new Date(d);
      naissance.setFullYear(d.getFullYear() - 18, d.getMonth(), d.getDate() + decalage);
      return [d, naissance] as const;
    });
    const bissextiles = fc.tuple(
      fc.integer({ min: 1904, max: 2080 }).map((a) => a - (a % 4)),
      fc.integer({ min: 17, max: 19 }),
      fc.integer({ min: -1, max: 1 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          autourDe18Ans,
          fc.tuple(jour, jour),
          bissextiles.map(([a, ans, j]) => [new Date(a + ans, 1, 28 + j), new Date(a, 1, 29)] as const),
        ),
        ([aujourdhui, naissance]) => {
          const attendu = naissance > aujourdhui ? true : differenceInYears(aujourdhui, naissance) >= 18;
          expect(estMajeur({ lien: 'titulaire', dateNaissance: iso(naissance) }, iso(aujourdhui))).toBe(attendu);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('checklist of the dossier', () => {
  it('asks a single employed adult for identity, two tax notices, payslips, lease, receipts and the demand number', () => {
    const seul = occupant();
    const e = exigencesDossier(situation([seul]), AUJOURDHUI);
    expect(kindsDe(e, seul.id)).toEqual(['identite', 'avis_imposition_dernier', 'avis_imposition_precedent', 'bulletins_salaire']);
    expect(kindsDe(e, null)).toEqual(['bail', 'quittances', 'numero_unique']);
  });

  it('asks a couple with children for both adults’ pieces, the family record book and the CAF certificate, nothing personal of the children', () => {
    const mere = occupant({ activite: 'demandeur_emploi' });
    const pere = occupant({ lien: 'conjoint', activite: 'retraite', dateNaissance: '1958-01-01' });
    const enfant = occupant({ lien: 'enfant', dateNaissance: '2015-06-30', activite: 'scolaire' });
    const bebe = occupant({ lien: 'enfant', dateNaissance: '', activite: null });
    const e = exigencesDossier(situation([mere, pere, enfant, bebe], { situationFamiliale: 'marie' }), AUJOURDHUI);
    expect(kindsDe(e, mere.id)).toContain('attestation_chomage');
    expect(kindsDe(e, pere.id)).toEqual(['identite', 'avis_imposition_dernier', 'avis_imposition_precedent', 'justificatif_pension']);
    expect(kindsDe(e, enfant.id)).toEqual([]);
    expect(kindsDe(e, bebe.id)).toEqual([]);
    expect(kindsDe(e, null)).toEqual(['livret_famille', 'attestation_caf', 'bail', 'quittances', 'numero_unique']);
  });

  it('asks a foreign national adult for a residence permit, not a foreign minor', () => {
    const adulte = occupant({ nationalite: 'hors_ue' });
    const mineur = occupant({ lien: 'enfant', nationalite: 'hors_ue', dateNaissance: '2012-03-16' });
    const europeen = occupant({ lien: 'conjoint', nationalite: 'ue' });
    const e = exigencesDossier(situation([adulte, mineur, europeen]), AUJOURDHUI);
    expect(kindsDe(e, adulte.id)).toContain('titre_sejour');
    expect(kindsDe(e, mineur.id)).not.toContain('titre_sejour');
    expect(kindsDe(e, europeen.id)).not.toContain('titre_sejour');
  });

  it('turns 18 on the birthday: a child born 2008-03-15 is an adult on 2026-03-15, not the day before', () => {
    const jeune = occupant({ lien: 'enfant', dateNaissance: '2008-03-15', activite: 'etudiant' });
    expect(kindsDe(exigencesDossier(situation([occupant(), jeune]), '2026-03-14'), jeune.id)).toEqual([]);
    expect(kindsDe(exigencesDossier(situation([occupant(), jeune]), '2026-03-15'), jeune.id)).toEqual([
      'identite',
      'avis_imposition_dernier',
      'avis_imposition_precedent',
    ]);
  });

  it('asks a disabled member, adult or child, for the disability card, and the household for the CAF certificate', () => {
    const adulte = occupant({ handicap: true, activite: 'invalidite' });
    const enfant = occupant({ lien: 'enfant', dateNaissance: '2018-01-01', handicap: true });
    const e = exigencesDossier(situation([adulte, enfant]), AUJOURDHUI);
    expect(kindsDe(e, adulte.id)).toEqual([
      'identite',
      'avis_imposition_dernier',
      'avis_imposition_precedent',
      'justificatif_pension',
      'carte_invalidite',
    ]);
    expect(kindsDe(e, enfant.id)).toEqual(['carte_invalidite']);
    expect(kindsDe(e, null)).toContain('attestation_caf');
  });

  it('asks a hosted adult for the proof of 8 months of presence besides the adult’s pieces', () => {
    const heberge = occupant({ lien: 'heberge', activite: 'sans_activite' });
    const e = exigencesDossier(situation([occupant(), heberge]), AUJOURDHUI);
    expect(kindsDe(e, heberge.id)).toEqual([
      'identite',
      'avis_imposition_dernier',
      'avis_imposition_precedent',
      'justificatif_hebergement',
    ]);
    expect(kindsDe(e, null)).toContain('attestation_caf');
  });

  it('asks a décohabitant for his own pieces and the certificate of the person hosting him, not his parents’ lease and receipts', () => {
    const fils = occupant({ activite: 'salarie', dateNaissance: '2000-04-02' });
    const e = exigencesDossier(situation([fils], { decohabitation: true }), AUJOURDHUI);
    expect(kindsDe(e, fils.id)).toEqual(['identite', 'avis_imposition_dernier', 'avis_imposition_precedent', 'bulletins_salaire']);
    expect(kindsDe(e, null)).toEqual(['attestation_hebergement', 'numero_unique']);
  });

  it('reads the décohabitation from the household’s link to the one it comes from', () => {
    const fils = occupant();
    const lignes = (menageOrigineId: string | null) =>
      etatDossierMenage(
        { type: 'locataire_social', menageOrigineId },
        [personne({ id: fils.id })],
        [],
        REGLAGES_DOSSIER_PAR_DEFAUT,
        AUJOURDHUI,
      ).lignes;
    expect(
      lignes(MENAGE)
        .filter((l) => l.personneId === null)
        .map((l) => l.kind),
    ).toEqual(['attestation_hebergement', 'numero_unique']);
    expect(
      lignes(null)
        .filter((l) => l.personneId === null)
        .map((l) => l.kind),
    ).toEqual(['bail', 'quittances', 'numero_unique']);
  });

  it('follows the family situation, pregnancy and tenure', () => {
    const e = exigencesDossier(
      situation([occupant()], { situationFamiliale: 'divorce', grossesse: true, typeMenage: 'proprietaire_occupant' }),
      AUJOURDHUI,
    );
    expect(kindsDe(e, null)).toEqual(['jugement_divorce', 'certificat_grossesse', 'titre_propriete', 'numero_unique']);
    expect(
      kindsDe(
        exigencesDossier(situation([occupant()], { situationFamiliale: 'pacse', typeMenage: 'sans_droit_ni_titre' }), AUJOURDHUI),
        null,
      ),
    ).toEqual(['attestation_pacs', 'attestation_domiciliation', 'numero_unique']);
  });
});

describe('state of the dossier', () => {
  const seul = occupant();
  const exigences = exigencesDossier(situation([seul]), AUJOURDHUI);
  const r = REGLAGES_DOSSIER_PAR_DEFAUT;

  it('is empty at first: 0 %, everything missing, an alert', () => {
    const etat = etatDossier(exigences, [], r, AUJOURDHUI);
    expect(etat.completude).toBe(0);
    expect(etat.manquantes).toHaveLength(7);
    expect(dossierAlerte(etat)).toBe(true);
  });

  it('counts held pieces, leaves non-applicable ones out, lists those expiring within 30 days and keeps added pieces', () => {
    const pieces = [
      piece('identite', seul.id, { statut: 'fournie', dateFournie: '2026-03-01' }),
      piece('avis_imposition_dernier', seul.id, { statut: 'fournie', dateDocument: '2025-08-20', dateFournie: '2026-03-01' }),
      piece('avis_imposition_precedent', seul.id, { statut: 'fournie', dateDocument: '2024-08-20', dateFournie: '2026-03-01' }),
      piece('bulletins_salaire', seul.id, { statut: 'fournie', dateFournie: '2025-10-01' }),
      piece('bail', null, { statut: 'non_applicable' }),
      piece('autre', null, { libelle: 'Rapport d’insalubrité', statut: 'fournie', dateFournie: '2025-06-01' }),
    ];
    const etat = etatDossier(exigences, pieces, r, AUJOURDHUI);
    // Held: identity, two notices, payslips (expiring 2026-04-01); missing: receipts, number; expired: the added report.
    expect(etat.lignes).toHaveLength(8);
    expect(etat.completude).toBe(Math.floor((100 * 4) / 7));
    expect(etat.aRenouveler.map((l) => l.kind)).toEqual(['bulletins_salaire']);
    expect(etat.manquantes.map((l) => l.kind)).toEqual(['quittances', 'numero_unique', 'autre']);
    expect(etat.lignes.at(-1)).toMatchObject({ exigee: false, statut: 'expiree', finValidite: '2025-12-01' });
  });

  it('reads the territory’s dossier settings with their defaults', () => {
    expect(REGLAGES_TERRITOIRE_PAR_DEFAUT.dossier).toEqual({
      validiteMois: 6,
      alerteJours: 30,
      moisAvisImposition: 9,
      validiteDemandeMois: 12,
    });
  });
});
