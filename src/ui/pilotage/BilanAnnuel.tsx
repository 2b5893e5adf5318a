import { useState } from 'preact/hooks';
import {
  attributionsBailleurSchema,
  cleEntree,
  engagementFluxSchema,
  objectifBailleurSchema,
  type BilanAnnuel as Bilan,
  type DroitsBilanAnnuel,
  type EntreeBilan,
  type PartieBilan,
  type Tableau,
} from '../../domain/index.ts';
import { enregistrerBilanAnnuel } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { TableauDonnees } from './Graphique.tsx';

// The yearly review (bilan annuel) of the report's year: the landlords' objectives (AMP annexe 4),
// the réservataires' flux commitments (flux art. 6) and the landlords' total lettings (11 %),
// each table with its meaning and source; below, for those allowed, what they type. Each valid
// change is saved at once on the tablet; a wrong figure is shown at its field and kept in the
// draft, never saved.

/** `bailleur`: chosen among the territory's landlords (its id kept), typed by name outside a territory. */
type Genre = 'texte' | 'nombre' | 'date' | 'bailleur';
type Champ = { cle: string; libelle: string; genre: Genre };
type Partie = { titre: string; ajout: string; nom: string; champs: readonly Champ[]; schema: { safeParse: (x: unknown) => Lecture } };
type Lecture = { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

const PARTIES: Record<PartieBilan, Partie> = {
  objectifs: {
    titre: 'Objectifs annuels de relogement des bailleurs (convention de mutualisation, annexe 4)',
    ajout: 'Ajouter l’objectif d’un bailleur',
    nom: 'bailleur',
    champs: [
      { cle: 'bailleur', libelle: 'Bailleur', genre: 'bailleur' },
      { cle: 'objectif', libelle: 'Relogements à réaliser', genre: 'nombre' },
    ],
    schema: objectifBailleurSchema,
  },
  engagementsFlux: {
    titre: 'Engagements des réservataires sur leur flux (convention de gestion en flux, art. 6)',
    ajout: 'Ajouter l’engagement d’un réservataire',
    nom: 'reservataire',
    champs: [
      { cle: 'reservataire', libelle: 'Réservataire', genre: 'texte' },
      { cle: 'engagement', libelle: 'Logements du flux engagés', genre: 'nombre' },
    ],
    schema: engagementFluxSchema,
  },
  attributions: {
    titre: 'Total des attributions de l’année par bailleur (objectif de 11 %, charte §2.3)',
    ajout: 'Renseigner le total des attributions d’un bailleur',
    nom: 'bailleur',
    champs: [
      { cle: 'bailleur', libelle: 'Bailleur', genre: 'bailleur' },
      { cle: 'attributions', libelle: 'Attributions de l’année', genre: 'nombre' },
      { cle: 'saisiLe', libelle: 'Chiffre donné le', genre: 'date' },
      { cle: 'source', libelle: 'Source', genre: 'texte' },
    ],
    schema: attributionsBailleurSchema,
  },
};

type Brouillon = Record<string, string>;
const nombre = (s: string | undefined): number | undefined =>
  s === undefined || s.trim() === '' ? undefined : Number(s.replace(/\s/g, '').replace(',', '.'));

const avecBailleur = (partie: Partie) => partie.champs.some((c) => c.genre === 'bailleur');

function lire(partie: Partie, b: Brouillon): Lecture {
  const valeurs = Object.fromEntries(partie.champs.map((c) => [c.cle, c.genre === 'nombre' ? nombre(b[c.cle]) : b[c.cle]]));
  return partie.schema.safeParse(avecBailleur(partie) ? { ...valeurs, organisationId: b.organisationId || null } : valeurs);
}

/** A line's key, as the record keeps it: the landlord's organisation id, else the name's. */
const cleLigne = (partie: Partie, b: Brouillon) => b.organisationId || cleEntree(b[partie.nom] ?? '');

/** Errors by field of each line: the schema's, and a name typed twice. */
function erreursDe(partie: Partie, brouillons: readonly Brouillon[]): Record<string, string>[] {
  return brouillons.map((b, i) => {
    const r = lire(partie, b);
    const erreurs: Record<string, string> = r.success
      ? {}
      : Object.fromEntries(r.error.issues.map((x) => [String(x.path[0]), x.message]).reverse());
    const cle = cleLigne(partie, b);
    if (!erreurs[partie.nom] && cle !== '' && brouillons.slice(0, i).some((x) => cleLigne(partie, x) === cle))
      erreurs[partie.nom] = 'Ce bailleur ou ce nom figure déjà sur une ligne au-dessus : modifiez cette ligne-là.';
    return erreurs;
  });
}

function EditeurPartie({
  partie,
  code,
  annee,
  entrees,
  jour,
  imposee,
  bailleurs,
}: {
  partie: Partie;
  code: PartieBilan;
  annee: number;
  entrees: readonly Record<string, unknown>[];
  jour: string;
  /** A landlord types its own total only: the entry is its organisation's. */
  imposee: { id: string; name: string } | null;
  /** The territory's landlords to choose from; empty outside a territory (the name is typed). */
  bailleurs: readonly { id: string; name: string }[];
}) {
  const db = useBase();
  const [brouillon, setBrouillon] = useState<Brouillon[]>(() =>
    entrees.map((e) => ({
      ...Object.fromEntries(partie.champs.map((c) => [c.cle, String(e[c.cle] ?? '')])),
      organisationId: String(e.organisationId ?? ''),
    })),
  );
  const [etat, setEtat] = useState('');
  const erreurs = erreursDe(partie, brouillon);

  function changer(suivant: Brouillon[]): void {
    setBrouillon(suivant);
    const lues = suivant.map((b) => lire(partie, b));
    if (erreursDe(partie, suivant).some((e) => Object.keys(e).length > 0)) {
      setEtat('Non enregistré : corrigez les champs signalés.');
      return;
    }
    const valides = lues.flatMap((r) => (r.success ? [r.data as EntreeBilan<typeof code>] : []));
    enregistrerBilanAnnuel(db, annee, code, valides, imposee?.id ?? null).then(
      () => setEtat('Enregistré sur la tablette.'),
      () => setEtat('Non enregistré : la tablette n’a pas pu écrire le bilan. Réessayez.'),
    );
  }
  const nouvelle = (): Brouillon => ({
    ...Object.fromEntries(partie.champs.map((c) => [c.cle, ''])),
    ...(partie.champs.some((c) => c.cle === 'saisiLe') ? { saisiLe: jour } : {}),
    ...(imposee ? { [partie.nom]: imposee.name, organisationId: imposee.id } : {}),
  });
  const choisir = (i: number, organisationId: string) =>
    changer(
      brouillon.map((x, j) =>
        j === i ? { ...x, organisationId, [partie.nom]: bailleurs.find((o) => o.id === organisationId)?.name ?? '' } : x,
      ),
    );
  const id = (c: string, i: number) => `bilan-${code}-${c}-${i}`;
  return (
    <fieldset class="bilan-partie">
      <legend>
        {partie.titre}, {annee}
      </legend>
      {brouillon.map((b, i) => (
        <div class="grille-champs bilan-ligne" key={i}>
          {partie.champs.map((c) => {
            const erreur = erreurs[i]?.[c.cle];
            return (
              <div class={`champ${erreur ? ' en-erreur' : ''}`} key={c.cle}>
                <label for={id(c.cle, i)}>
                  {c.libelle} (ligne {i + 1})
                </label>
                {c.genre === 'bailleur' && imposee === null && bailleurs.length > 0 ? (
                  <select
                    id={id(c.cle, i)}
                    value={b.organisationId ?? ''}
                    aria-invalid={erreur ? true : undefined}
                    aria-describedby={erreur ? `${id(c.cle, i)}-erreur` : undefined}
                    onChange={(e) => choisir(i, e.currentTarget.value)}
                  >
                    <option value="">Choisir un bailleur du territoire</option>
                    {bailleurs.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id(c.cle, i)}
                    type={c.genre === 'date' ? 'date' : 'text'}
                    inputMode={c.genre === 'nombre' ? 'numeric' : undefined}
                    value={b[c.cle] ?? ''}
                    readOnly={imposee !== null && c.cle === partie.nom}
                    aria-invalid={erreur ? true : undefined}
                    aria-describedby={erreur ? `${id(c.cle, i)}-erreur` : undefined}
                    onInput={(e) => changer(brouillon.map((x, j) => (j === i ? { ...x, [c.cle]: e.currentTarget.value } : x)))}
                  />
                )}
                {erreur && (
                  <span id={`${id(c.cle, i)}-erreur`} class="erreur" role="alert">
                    {erreur}
                  </span>
                )}
              </div>
            );
          })}
          <button type="button" class="bouton discret" onClick={() => changer(brouillon.filter((_, j) => j !== i))}>
            Retirer la ligne {i + 1}
          </button>
        </div>
      ))}
      <div class="actions">
        {(imposee === null || brouillon.length === 0) && (
          <button type="button" class="bouton" onClick={() => setBrouillon([...brouillon, nouvelle()])}>
            {partie.ajout}
          </button>
        )}
        <p role="status" class="aide">
          {etat}
        </p>
      </div>
    </fieldset>
  );
}

export function BilanAnnuel({
  annee,
  tableaux,
  bilan,
  droits,
  organisation,
  bailleurs,
  jour,
  note = null,
}: {
  annee: number;
  tableaux: readonly Tableau[];
  /** The territory's record of the year, as typed. */
  bilan: Bilan | undefined;
  droits: DroitsBilanAnnuel;
  organisation: { id: string; name: string };
  bailleurs: readonly { id: string; name: string }[];
  jour: string;
  /** Where what is typed goes, when the tables above are not computed from it on this device. */
  note?: string | null;
}) {
  const siennes = droits.attributions === 'les_siennes';
  const modifiables = (['objectifs', 'engagementsFlux', 'attributions'] as const).filter((p) =>
    p === 'attributions' ? droits.attributions !== 'aucune' : droits[p],
  );
  const entrees = (p: PartieBilan) =>
    Object.entries(bilan?.[p] ?? {})
      .filter(([cle]) => !siennes || p !== 'attributions' || cle === organisation.id)
      .map(([, e]) => e as Record<string, unknown>);
  return (
    <section class="section-rapport" aria-labelledby="titre-bilan-annuel">
      <h2 id="titre-bilan-annuel">Bilan annuel {annee}</h2>
      {tableaux.length === 0 && <p class="aide">Aucun objectif, engagement ni relogement pour {annee} : rien à comparer cette année.</p>}
      {tableaux.map((t) => (
        <div key={t.code}>
          <TableauDonnees tableau={t} />
          {t.description && (
            <p class="aide">
              {t.description} ({t.source})
            </p>
          )}
        </div>
      ))}
      {modifiables.length > 0 && (
        <div class="ne-pas-imprimer" key={annee}>
          {note && <p class="aide">{note}</p>}
          {modifiables.map((p) => (
            <EditeurPartie
              key={`${annee}-${p}`}
              partie={PARTIES[p]}
              code={p}
              annee={annee}
              entrees={entrees(p)}
              jour={jour}
              imposee={siennes && p === 'attributions' ? organisation : null}
              bailleurs={bailleurs}
            />
          ))}
        </div>
      )}
    </section>
  );
}
