import { useState } from 'preact/hooks';
import { LIBELLES_STATUT_OFFRE, formatEuros } from '../../domain/index.ts';
import type { Offre } from '../../domain/index.ts';
import { creerOffre, filtrerOffres, importerOffres, listerOffres, texteDuFichier } from '../../data/index.ts';
import type { BilanImport } from '../../data/index.ts';
import { useBase } from '../commun/contexte.ts';
import { useLive } from '../commun/useLive.ts';
import { ECRANS, lien, naviguer } from '../app/route.ts';

// The offers list (issue 4 §4): search, a new offer typed offline, a landlord's CSV imported.

const resume = (o: Offre) =>
  [
    o.typologie,
    o.surface !== null ? `${new Intl.NumberFormat('fr-FR').format(o.surface)} m²` : null,
    o.loyer !== null ? `loyer ${formatEuros(o.loyer)}` : null,
    o.charges !== null ? `charges ${formatEuros(o.charges)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

function ImportCsv() {
  const db = useBase();
  const [bilan, setBilan] = useState<BilanImport | null>(null);
  const [etat, setEtat] = useState<string | null>(null);
  const importer = async (fichier: File | undefined) => {
    if (!fichier) return;
    setEtat('Import en cours…');
    setBilan(null);
    try {
      const b = await importerOffres(db, texteDuFichier(await fichier.arrayBuffer()));
      setBilan(b);
      setEtat(`${b.importees} offre${b.importees > 1 ? 's' : ''} importée${b.importees > 1 ? 's' : ''} depuis « ${fichier.name} ».`);
    } catch (e) {
      setEtat(`Import impossible : ${e instanceof Error ? e.message : String(e)} Rien n’a été importé.`);
    }
  };
  return (
    <section class="panneau" aria-labelledby="titre-import">
      <h2 id="titre-import">Importer un fichier du bailleur</h2>
      <p class="aide">
        Export Excel en CSV (séparateur point-virgule, virgule décimale). Une ligne incomplète devient une offre à compléter.
      </p>
      <div class="champ">
        <label for="import-offres">Fichier CSV des offres</label>
        <input
          id="import-offres"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void importer((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>
      {etat && <p role="status">{etat}</p>}
      {bilan && bilan.erreurs.length > 0 && (
        <table class="rapport-import">
          <caption>Points à vérifier, ligne par ligne</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {bilan.erreurs.map((e, i) => (
              <tr key={i}>
                <td>{e.ligne}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function OffresScreen() {
  const db = useBase();
  const offres = useLive(() => listerOffres(db), [db]);
  const [texte, setTexte] = useState('');
  const nouvelle = async () => naviguer(lien.offre((await creerOffre(db)).id));
  const affichees = offres ? filtrerOffres(offres, texte) : [];
  return (
    <div>
      <div class="titre-ligne">
        <h1>{ECRANS.offres.titre}</h1>
        <button type="button" class="bouton principal" onClick={() => void nouvelle()}>
          Nouvelle offre
        </button>
      </div>
      <div class="champ">
        <label for="recherche-offres">Rechercher (commune, adresse, bailleur, RPLS, typologie)</label>
        <input id="recherche-offres" type="search" value={texte} onInput={(e) => setTexte((e.currentTarget as HTMLInputElement).value)} />
      </div>
      {offres && (
        <p class="compteurs" role="status">
          {affichees.length} offre{affichees.length > 1 ? 's' : ''} sur {offres.length}
        </p>
      )}
      <ul class="liste-menages">
        {affichees.map((o) => (
          <li key={o.id}>
            <a class="carte" href={lien.offre(o.id)}>
              <span class="carte-titre">{[o.adresse, o.commune].filter(Boolean).join(', ') || 'Offre sans adresse'}</span>
              <span class="carte-detail">{resume(o) || 'À compléter'}</span>
              <span class="carte-detail">
                {o.bailleur || 'Bailleur non renseigné'} — {LIBELLES_STATUT_OFFRE[o.statut]}
                {o.aValider ? ' — à valider' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <ImportCsv />
    </div>
  );
}
