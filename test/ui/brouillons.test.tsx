import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import PropositionsScreen from '../../src/ui/propositions/PropositionsScreen.tsx';
import ReunionsScreen from '../../src/ui/reunions/ReunionsScreen.tsx';
import { ChangementsSituation } from '../../src/ui/menage/ChangementsSituation.tsx';
import { FormulaireAvis } from '../../src/ui/offres-partagees/FormulaireAvis.tsx';
import AgendaScreen from '../../src/ui/agenda/AgendaScreen.tsx';
import DossierScreen from '../../src/ui/dossier/DossierScreen.tsx';
import NouveauMenage from '../../src/ui/menages/NouveauMenage.tsx';
import { NouvelleResidence } from '../../src/ui/parametres/NouvelleResidence.tsx';
import { BaseContext, aujourdhui } from '../../src/ui/commun/contexte.ts';
import { toutEnregistrer } from '../../src/ui/commun/autosave.ts';
import {
  RelogementDb,
  creerMenage,
  enregistrerEtape,
  enregistrerReunion,
  lireBrouillon,
  modifierMediation,
  offreParReference,
  ouvrirMediation,
  proposer,
  appliquerPage,
} from '../../src/data/index.ts';
import { plusJours, type EvenementProposition, type Proposition } from '../../src/domain/index.ts';
import { residenceDeTest } from '../data/base.ts';

// Product rule (README « Entretien », docs/architecture.md §3): every keystroke is saved on the
// tablet within a second and an invalid draft is kept. The forms recorded on submit keep what was
// half typed as a draft: the screen opened again on a new connection to the same database (a
// reload) shows it.

const noms: string[] = [];
afterEach(async () => {
  for (const nom of noms.splice(0)) await new RelogementDb(nom).delete();
});
const jour = aujourdhui();
const il_y_a = (n: number) => plusJours(jour, -n);

function nouvelleBase() {
  const nom = `ui-brouillons-${Math.random().toString(36).slice(2)}`;
  noms.push(nom);
  return new RelogementDb(nom);
}

/** Shows the screen, lets `saisir` type, then closes the screen and shows it again on a fresh connection. */
async function recharger(db: RelogementDb, ecran: () => ComponentChildren, saisir: () => Promise<void>): Promise<RelogementDb> {
  const vue = render(<BaseContext.Provider value={db}>{ecran()}</BaseContext.Provider>);
  await saisir();
  vue.unmount();
  await toutEnregistrer();
  db.close();
  const rouverte = new RelogementDb(db.name);
  render(<BaseContext.Provider value={rouverte}>{ecran()}</BaseContext.Provider>);
  return rouverte;
}

async function menageAvecRefus(db: RelogementDb, combien: number) {
  const residence = await residenceDeTest(db, il_y_a(200));
  const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Benali' }, il_y_a(200));
  const offre = await offreParReference(db, 'LOG-42');
  const propose = async (n: number) => {
    const r = await proposer(db, { menageId: menage.id, offreId: offre.id, circuit: 'gtr', partenaires: [], proposeeLe: il_y_a(n) }, jour);
    if (!r.ok) throw new Error(r.message);
    return r.valeur;
  };
  const etapes = async (p: Proposition, liste: EvenementProposition[]) => {
    for (const e of liste) {
      const r = await enregistrerEtape(db, p.id, e, jour);
      if (!r.ok) throw new Error(r.message);
    }
  };
  const jusquALaCaleol = (n: number): EvenementProposition[] => [
    { type: 'avis', date: il_y_a(n), partenaire: 'GTR', avis: 'favorable', motif: '' },
    { type: 'caleol', date: il_y_a(n - 1), decision: 'attribution', motif: '' },
  ];
  const refus = (n: number): EvenementProposition[] => [
    ...jusquALaCaleol(n),
    { type: 'visite', date: il_y_a(n - 2), heure: null },
    { type: 'reponse', date: il_y_a(n - 3), decision: 'refus', motif: 'etage', commentaire: '' },
  ];
  for (let i = 0; i < combien; i++) await etapes(await propose(90 - 20 * i), refus(89 - 20 * i));
  return { menage, propose, etapes, jusquALaCaleol };
}

const propositions = (menageId: string) => () => <PropositionsScreen id={menageId} papier={null} cible={null} />;

describe('the end-of-path forms keep a draft (charte §3.4 C and D)', () => {
  it('the legitimate refusal’s reason survives a reload, and is dropped once recorded', async () => {
    const db = nouvelleBase();
    const { menage } = await menageAvecRefus(db, 1);
    const rouverte = await recharger(db, propositions(menage.id), async () => {
      fireEvent.input(await screen.findByLabelText('Pourquoi le refus est légitime'), { target: { value: 'Logement au 5e sans asc' } });
    });
    const motif = await screen.findByLabelText('Pourquoi le refus est légitime');
    await waitFor(() => expect(motif).toHaveProperty('value', 'Logement au 5e sans asc'));
    fireEvent.click(screen.getByRole('button', { name: 'Reconnaître le refus comme légitime' }));
    // Invalid (no date): said at the form, the draft stays.
    expect((await within(motif.closest('form') as HTMLElement).findByRole('alert')).textContent).toBe(
      'À renseigner : refus reconnu légitime le.',
    );
    expect(motif).toHaveProperty('value', 'Logement au 5e sans asc');
    fireEvent.input(screen.getByLabelText('Refus reconnu légitime le'), { target: { value: il_y_a(50) } });
    fireEvent.click(screen.getByRole('button', { name: 'Reconnaître le refus comme légitime' }));
    await waitFor(() => expect(screen.queryByLabelText('Pourquoi le refus est légitime')).toBeNull());
    const [p] = await rouverte.propositions.toArray();
    expect(await lireBrouillon(rouverte, `etape:${p!.id}:refus-legitime`)).toBeNull();
    rouverte.close();
  });

  it('the congé’s proof of delivery survives a reload', async () => {
    const db = nouvelleBase();
    const { menage, propose, etapes, jusquALaCaleol } = await menageAvecRefus(db, 2);
    const m = await ouvrirMediation(db, menage.id, il_y_a(30));
    await modifierMediation(db, m.id, {
      presents: ['Mme Benali'],
      produitDefini: 'T3 au rez-de-chaussée',
      aboutie: true,
      courrierPostMediationLe: il_y_a(29),
    });
    await etapes(await propose(25), jusquALaCaleol(24));
    const rouverte = await recharger(db, propositions(menage.id), async () => {
      fireEvent.input(await screen.findByLabelText(/^Preuve de remise/), { target: { value: 'AR 1A 234 5' } });
    });
    await waitFor(async () => expect(await screen.findByLabelText(/^Preuve de remise/)).toHaveProperty('value', 'AR 1A 234 5'));
    rouverte.close();
  });

  it('the hand-over to the legal follow-up keeps its recipient', async () => {
    const db = nouvelleBase();
    const { menage, propose, etapes, jusquALaCaleol } = await menageAvecRefus(db, 2);
    const m = await ouvrirMediation(db, menage.id, il_y_a(30));
    await modifierMediation(db, m.id, {
      presents: ['Mme Benali'],
      produitDefini: 'T3 au rez-de-chaussée',
      aboutie: true,
      courrierPostMediationLe: il_y_a(29),
    });
    const p = await propose(25);
    await etapes(p, [
      ...jusquALaCaleol(24),
      { type: 'conge', mode: 'lettre_recommandee', envoyeLe: il_y_a(22), date: il_y_a(21), preuve: 'AR 1' },
      { type: 'visite', date: il_y_a(20), heure: null },
      { type: 'reponse', date: il_y_a(19), decision: 'refus', motif: 'etage', commentaire: '' },
    ]);
    const rouverte = await recharger(db, propositions(menage.id), async () => {
      fireEvent.input(await screen.findByLabelText('Transmis à (service juridique, avocat…)'), { target: { value: 'Service juri' } });
    });
    await waitFor(async () =>
      expect(await screen.findByLabelText('Transmis à (service juridique, avocat…)')).toHaveProperty('value', 'Service juri'),
    );
    rouverte.close();
  });
});

describe('the other forms recorded on submit keep a draft', () => {
  it('orientation and new proposal', async () => {
    const db = nouvelleBase();
    const { menage } = await menageAvecRefus(db, 0);
    const rouverte = await recharger(db, propositions(menage.id), async () => {
      fireEvent.input(await screen.findByLabelText('Décidée par (réunion, instance, partenaires)'), { target: { value: 'GTR de mars' } });
      fireEvent.change(screen.getByLabelText('Logement proposé'), { target: { value: 'reference' } });
      fireEvent.input(await screen.findByLabelText('Référence du logement chez le bailleur'), { target: { value: 'LOG-4' } });
    });
    await waitFor(async () =>
      expect(await screen.findByLabelText('Référence du logement chez le bailleur')).toHaveProperty('value', 'LOG-4'),
    );
    expect(screen.getByLabelText('Décidée par (réunion, instance, partenaires)')).toHaveProperty('value', 'GTR de mars');
    rouverte.close();
  });

  it('a change of situation', async () => {
    const db = nouvelleBase();
    const residence = await residenceDeTest(db, il_y_a(200));
    const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, il_y_a(200));
    const ecran = () => <ChangementsSituation menageId={menage.id} personnes={[]} />;
    const rouverte = await recharger(db, ecran, async () => {
      fireEvent.change(screen.getByLabelText('Changement'), { target: { value: 'nouvel_emploi' } });
      fireEvent.input(screen.getByLabelText('Précisions'), { target: { value: 'CDI chez' } });
    });
    await waitFor(() => expect(screen.getByLabelText('Précisions')).toHaveProperty('value', 'CDI chez'));
    expect(screen.getByLabelText('Changement')).toHaveProperty('value', 'nouvel_emploi');
    rouverte.close();
  });

  it('a new meeting and a meeting’s decision', async () => {
    const db = nouvelleBase();
    const residence = await residenceDeTest(db, il_y_a(200));
    await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, il_y_a(200));
    const gtr = await enregistrerReunion(db, { operationId: residence.operationId, nature: 'gtr', date: il_y_a(1), heure: null });
    if (!gtr.ok) throw new Error(gtr.message);
    const ecran = () => <ReunionsScreen id={residence.operationId} reunionId={null} />;
    const rouverte = await recharger(db, ecran, async () => {
      fireEvent.input(await screen.findByLabelText('Lieu'), { target: { value: 'Mairie annexe' } });
      fireEvent.input(screen.getByLabelText('Précisions (qui fait quoi, pour quand)'), { target: { value: 'Visite à caler' } });
    });
    await waitFor(async () => expect(await screen.findByLabelText('Lieu')).toHaveProperty('value', 'Mairie annexe'));
    expect(screen.getByLabelText('Précisions (qui fait quoi, pour quand)')).toHaveProperty('value', 'Visite à caler');
    rouverte.close();
  });
});

describe('the creation forms and the appointment keep a draft', () => {
  it('« Nouveau ménage » keeps its name, residence and situation, and drops them once the household is created', async () => {
    const db = nouvelleBase();
    const a = await residenceDeTest(db, il_y_a(200));
    const b = await residenceDeTest(db, il_y_a(100));
    const residences = [a, b];
    const ecran = () => <NouveauMenage residences={residences} fermer={() => undefined} />;
    const rouverte = await recharger(db, ecran, async () => {
      fireEvent.input(screen.getByLabelText('Nom du ménage'), { target: { value: 'Famille Diall' } });
      fireEvent.change(screen.getByLabelText('Résidence'), { target: { value: b.id } });
      fireEvent.change(screen.getByLabelText('Situation'), { target: { value: 'foyer' } });
    });
    await waitFor(() => expect(screen.getByLabelText('Nom du ménage')).toHaveProperty('value', 'Famille Diall'));
    expect(screen.getByLabelText('Résidence')).toHaveProperty('value', b.id);
    expect(screen.getByLabelText('Situation')).toHaveProperty('value', 'foyer');
    fireEvent.click(screen.getByRole('button', { name: 'Créer le ménage' }));
    await waitFor(async () => expect(await rouverte.menages.count()).toBe(1));
    await waitFor(async () => expect(await lireBrouillon(rouverte, 'nouveau-menage')).toBeNull());
    rouverte.close();
  });

  it('« Nouvelle résidence » keeps what was typed, and an invalid field keeps the draft', async () => {
    const db = nouvelleBase();
    const rouverte = await recharger(
      db,
      () => <NouvelleResidence />,
      async () => {
        fireEvent.input(screen.getByLabelText('Opération (projet de renouvellement)'), { target: { value: 'NPNRU Les Tilleuls' } });
        fireEvent.input(screen.getByLabelText('Adresse'), { target: { value: '12 rue des Ti' } });
      },
    );
    await waitFor(() => expect(screen.getByLabelText('Adresse')).toHaveProperty('value', '12 rue des Ti'));
    expect(screen.getByLabelText('Opération (projet de renouvellement)')).toHaveProperty('value', 'NPNRU Les Tilleuls');
    fireEvent.click(screen.getByRole('button', { name: /la résidence$/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Indiquez le nom de la résidence.');
    expect(screen.getByLabelText('Adresse')).toHaveProperty('value', '12 rue des Ti');
    rouverte.close();
  });

  it('the dossier’s new piece keeps its label', async () => {
    const db = nouvelleBase();
    const residence = await residenceDeTest(db, il_y_a(200));
    const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, il_y_a(200));
    const rouverte = await recharger(
      db,
      () => <DossierScreen id={menage.id} />,
      async () => {
        fireEvent.input(await screen.findByLabelText('Intitulé (facultatif)'), { target: { value: 'Attestation CAF de ma' } });
      },
    );
    await waitFor(async () =>
      expect(await screen.findByLabelText('Intitulé (facultatif)')).toHaveProperty('value', 'Attestation CAF de ma'),
    );
    rouverte.close();
  });

  it('the agenda’s appointment keeps its date', async () => {
    const db = nouvelleBase();
    const residence = await residenceDeTest(db, il_y_a(200));
    await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, il_y_a(2));
    const rdv = plusJours(jour, 9);
    const rouverte = await recharger(
      db,
      () => <AgendaScreen />,
      async () => {
        const [planifier] = await screen.findAllByRole('button', { name: 'Planifier' });
        fireEvent.click(planifier!);
        fireEvent.input(screen.getByLabelText('Date du rendez-vous'), { target: { value: rdv } });
      },
    );
    const [planifier] = await screen.findAllByRole('button', { name: 'Planifier' });
    fireEvent.click(planifier!);
    await waitFor(() => expect(screen.getByLabelText('Date du rendez-vous')).toHaveProperty('value', rdv));
    rouverte.close();
  });
});

describe('a partner’s opinion on a candidate', () => {
  it('keeps its choice and half-typed reason through a reload, and drops them once recorded', async () => {
    const db = nouvelleBase();
    const recus: string[] = [];
    const ecran = () => (
      <FormulaireAvis
        id="avis-candidat-1"
        menageId="0190a6e0-0000-7000-8000-000000000001"
        titre="Avis de la Ville"
        par="Ville d’Exempleville"
        jour={jour}
        enregistrer={async (a) => void recus.push(a.motif)}
      />
    );
    const rouverte = await recharger(db, ecran, async () => {
      fireEvent.click(screen.getByLabelText('Défavorable'));
      fireEvent.input(screen.getByLabelText('Motif'), { target: { value: 'Typologie trop' } });
    });
    await waitFor(() => expect(screen.getByLabelText('Motif')).toHaveProperty('value', 'Typologie trop'));
    expect(screen.getByLabelText('Défavorable')).toHaveProperty('checked', true);
    fireEvent.input(screen.getByLabelText('Motif'), { target: { value: 'Typologie trop petite pour 5 personnes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(recus).toEqual(['Typologie trop petite pour 5 personnes']));
    await waitFor(async () => expect(await lireBrouillon(rouverte, 'avis-candidat-1')).toBeNull());
    rouverte.close();
  });
});

describe('a household forgotten by the device', () => {
  it('takes its drafts with it', async () => {
    const db = nouvelleBase();
    const residence = await residenceDeTest(db, il_y_a(200));
    const menage = await creerMenage(db, { residenceId: residence.id, nom: 'Famille Martin' }, il_y_a(200));
    const vue = render(
      <BaseContext.Provider value={db}>
        <ChangementsSituation menageId={menage.id} personnes={[]} />
      </BaseContext.Provider>,
    );
    fireEvent.input(screen.getByLabelText('Précisions'), { target: { value: 'Naissance de Léa' } });
    vue.unmount();
    await toutEnregistrer();
    expect((await lireBrouillon(db, `changement:${menage.id}`))?.valeurs.detail).toBe('Naissance de Léa');
    // The sync says the officer no longer follows it.
    await appliquerPage(db, {
      records: [],
      conflicts: [],
      removed: [menage.id],
      checkpoint: 1,
      hasMore: false,
      upto: 1,
      serverTime: new Date().toISOString(),
    });
    expect(await lireBrouillon(db, `changement:${menage.id}`)).toBeNull();
    db.close();
  });
});
