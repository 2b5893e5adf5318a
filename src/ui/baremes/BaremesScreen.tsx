import { useState } from 'preact/hooks';
import {
  LIBELLES_POSTE,
  LIBELLES_UNITE_RESTE_A_VIVRE,
  POSTES_FSL,
  UNITES_RESTE_A_VIVRE,
  baremeFslSchema,
  parseNombreFr,
  reglagesSimulationSchema,
} from '../../domain/index.ts';
import type { BaremeFsl, PosteFsl, ReglagesSimulation, ReglagesTerritoire } from '../../domain/index.ts';
import { creerBareme, enregistrerBareme, enregistrerParametres, lireParametres, listerBaremes } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useRole } from '../commun/role.ts';
import { proposesReferenceData } from '../../sync/index.ts';
import { useLive } from '../commun/useLive.ts';
import { ChampSaisie } from '../commun/champs.tsx';
import { ECRANS, lien } from '../app/route.ts';
import { EnChargement } from '../commun/EnChargement.tsx';

// Settings of the simulation (issue 4 §1): the alert thresholds of the territory, and the FSL
// barèmes an administrator types from the Département's deliberation, with their source.

type ChampSeuil = 'seuilTauxEffort' | 'seuilResteAVivre' | 'joursParMois';
const LIBELLES_SEUIL: Record<ChampSeuil, string> = {
  seuilTauxEffort: 'Seuil d’alerte du taux d’effort (%)',
  seuilResteAVivre: 'Seuil d’alerte du reste à vivre (€ par jour et par personne)',
  joursParMois: 'Jours par mois du reste à vivre',
};

function Seuils({ parametres }: { parametres: ReglagesTerritoire }) {
  const db = useBase();
  const maj = (modif: Partial<ReglagesSimulation>) => enregistrerParametres(db, { simulation: { ...parametres.simulation, ...modif } });
  const champ = (cle: ChampSeuil) => {
    const verifier = (v: string) => {
      const n = parseNombreFr(v);
      const r = reglagesSimulationSchema.shape[cle].safeParse(n ?? Number.NaN);
      return r.success
        ? { ok: true as const }
        : { ok: false as const, message: n === null ? `« ${v} » n’est pas un nombre.` : (r.error.issues[0]?.message ?? 'Valeur refusée.') };
    };
    return (
      <ChampSaisie
        key={cle}
        id={`reglage-${cle}`}
        libelle={LIBELLES_SEUIL[cle]}
        genre="nombre"
        valeur={String(parametres.simulation[cle]).replace('.', ',')}
        verifier={verifier}
        enregistrer={async (v) => {
          if (verifier(v).ok) await maj({ [cle]: parseNombreFr(v) });
        }}
      />
    );
  };
  return (
    <section class="panneau" aria-labelledby="titre-seuils">
      <h2 id="titre-seuils">Seuils de la simulation</h2>
      <div class="grille-champs">
        {champ('seuilTauxEffort')}
        {champ('seuilResteAVivre')}
        {champ('joursParMois')}
        <div class="champ">
          <label for="reglage-unite">Reste à vivre divisé</label>
          <select
            id="reglage-unite"
            value={parametres.simulation.uniteResteAVivre}
            onChange={(e) => void maj({ uniteResteAVivre: e.currentTarget.value as ReglagesSimulation['uniteResteAVivre'] })}
          >
            {UNITES_RESTE_A_VIVRE.map((u) => (
              <option key={u} value={u}>
                {LIBELLES_UNITE_RESTE_A_VIVRE[u]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}

type Brouillon = {
  territoire: string;
  debut: string;
  fin: string;
  source: string;
  postes: Record<PosteFsl, { parTaille: string[]; parPersonneSupplementaire: string }>;
};

const texte = (n: number) => String(n).replace('.', ',');
const brouillonDe = (b: BaremeFsl): Brouillon => ({
  territoire: b.territoire,
  debut: b.debut,
  fin: b.fin ?? '',
  source: b.source,
  postes: Object.fromEntries(
    POSTES_FSL.map((p) => [
      p,
      { parTaille: b.postes[p].parTaille.map(texte), parPersonneSupplementaire: texte(b.postes[p].parPersonneSupplementaire) },
    ]),
  ) as Brouillon['postes'],
});
/** Text to number; an unreadable amount stays text so the schema names the field. */
const montant = (t: string): number | string => parseNombreFr(t) ?? t;

function EditeurBareme({ bareme }: { bareme: BaremeFsl }) {
  const db = useBase();
  const [b, setB] = useState<Brouillon>(() => brouillonDe(bareme));
  const [erreurs, setErreurs] = useState<string[]>([]);
  const [etat, setEtat] = useState<string | null>(null);
  const tailles = Math.max(...POSTES_FSL.map((p) => b.postes[p].parTaille.length));
  const changerMontant = (poste: PosteFsl, rang: number | 'sup', v: string) =>
    setB((x) => {
      const ligne = x.postes[poste];
      const parTaille = [...ligne.parTaille];
      if (rang !== 'sup') parTaille[rang] = v;
      return {
        ...x,
        postes: { ...x.postes, [poste]: rang === 'sup' ? { ...ligne, parPersonneSupplementaire: v } : { ...ligne, parTaille } },
      };
    });
  const ajouterTaille = () =>
    setB((x) => ({
      ...x,
      postes: Object.fromEntries(
        POSTES_FSL.map((p) => [p, { ...x.postes[p], parTaille: [...x.postes[p].parTaille, ''] }]),
      ) as Brouillon['postes'],
    }));
  const enregistrer = async () => {
    const r = baremeFslSchema.safeParse({
      id: bareme.id,
      territoire: b.territoire,
      debut: b.debut,
      fin: b.fin.trim() === '' ? null : b.fin,
      source: b.source,
      exemple: false,
      postes: Object.fromEntries(
        POSTES_FSL.map((p) => [
          p,
          {
            parTaille: b.postes[p].parTaille.filter((t) => t.trim() !== '').map(montant),
            parPersonneSupplementaire: montant(b.postes[p].parPersonneSupplementaire),
          },
        ]),
      ),
    });
    if (!r.success) {
      setErreurs(r.error.issues.map((i) => i.message));
      setEtat(null);
      return;
    }
    setErreurs([]);
    await enregistrerBareme(db, r.data);
    setEtat('Barème enregistré.');
  };
  const texteChamp = (cle: 'territoire' | 'debut' | 'fin' | 'source', libelle: string, type = 'text') => (
    <div class="champ">
      <label for={`bareme-${cle}`}>{libelle}</label>
      <input
        id={`bareme-${cle}`}
        type={type}
        value={b[cle]}
        onInput={(e) => setB((x) => ({ ...x, [cle]: (e.currentTarget as HTMLInputElement).value }))}
      />
    </div>
  );
  return (
    <section class="panneau" aria-labelledby={`titre-bareme-${bareme.id}`}>
      <h3 id={`titre-bareme-${bareme.id}`}>
        Barème {bareme.territoire}, à partir du {bareme.debut.split('-').reverse().join('/')}
      </h3>
      <div class="grille-champs">
        {texteChamp('territoire', 'Territoire')}
        {texteChamp('debut', 'Début de validité', 'date')}
        {texteChamp('fin', 'Fin de validité (vide : sans fin)', 'date')}
        {texteChamp('source', 'Source (délibération, règlement du FSL, adresse web)')}
      </div>
      <div class="defilement">
        <table class="tableau-bareme">
          <caption>Forfaits mensuels (€) par taille de ménage</caption>
          <thead>
            <tr>
              <th scope="col">Poste</th>
              {Array.from({ length: tailles }, (_, i) => (
                <th scope="col" key={i}>
                  {i + 1} pers.
                </th>
              ))}
              <th scope="col">par personne en plus</th>
            </tr>
          </thead>
          <tbody>
            {POSTES_FSL.map((p) => (
              <tr key={p}>
                <th scope="row">{LIBELLES_POSTE[p]}</th>
                {Array.from({ length: tailles }, (_, i) => (
                  <td key={i}>
                    <input
                      aria-label={`${LIBELLES_POSTE[p]}, ${i + 1} personne${i > 0 ? 's' : ''}`}
                      inputMode="decimal"
                      value={b.postes[p].parTaille[i] ?? ''}
                      onInput={(e) => changerMontant(p, i, (e.currentTarget as HTMLInputElement).value)}
                    />
                  </td>
                ))}
                <td>
                  <input
                    aria-label={`${LIBELLES_POSTE[p]}, par personne supplémentaire`}
                    inputMode="decimal"
                    value={b.postes[p].parPersonneSupplementaire}
                    onInput={(e) => changerMontant(p, 'sup', (e.currentTarget as HTMLInputElement).value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" class="bouton discret" onClick={ajouterTaille}>
        Ajouter une taille de ménage
      </button>
      {erreurs.length > 0 && (
        <ul class="erreur" role="alert">
          {erreurs.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <button type="button" class="bouton principal" onClick={() => void enregistrer()}>
        Enregistrer le barème
      </button>
      {etat && <p role="status">{etat}</p>}
    </section>
  );
}

export default function BaremesScreen() {
  const db = useBase();
  const lectureSeule = proposesReferenceData(useRole());
  const donnees = useLive(async () => ({ parametres: await lireParametres(db), baremes: await listerBaremes(db) }), [db]);
  if (!donnees) return <EnChargement titre={ECRANS.baremes.titre} />;
  const { parametres, baremes } = donnees;
  return (
    <div>
      <p class="retour">
        <a href={lien.parametres()}>← Paramètres</a>
      </p>
      <h1>{ECRANS.baremes.titre}</h1>
      {lectureSeule && (
        <p class="aide" role="note">
          Les seuils et les barèmes sont fixés par les encadrants : vous les consultez ici.
        </p>
      )}
      <fieldset class="sans-cadre" disabled={lectureSeule}>
        <legend class="invisible">Seuils et barèmes</legend>
        <Seuils parametres={parametres} />
        <section class="panneau" aria-labelledby="titre-baremes">
          <h2 id="titre-baremes">Barèmes FSL</h2>
          {baremes.length === 0 && (
            <p class="erreur">Aucun barème saisi : les simulations utilisent le barème d’exemple et l’affichent en rouge.</p>
          )}
          {!lectureSeule && (
            <button type="button" class="bouton" onClick={() => void creerBareme(db, parametres.territoire, aujourdhui())}>
              Nouveau barème (prérempli avec l’exemple)
            </button>
          )}
        </section>
        {baremes.map((b) => (
          <EditeurBareme key={b.id} bareme={b} />
        ))}
      </fieldset>
    </div>
  );
}
