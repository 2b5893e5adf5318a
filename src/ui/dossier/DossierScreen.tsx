import { useState } from 'preact/hooks';
import { KINDS_PIECE, LIBELLES_KIND_PIECE, LIBELLES_STATUT_PIECE, nomAffiche } from '../../domain/index.ts';
import type { KindPiece, LigneDossier, Personne } from '../../domain/index.ts';
import {
  creerPiece,
  dossierDuMenage,
  enregistrerFichiersSurReseauNonMesure,
  lireBlob,
  lireFichiersSurReseauNonMesure,
  noterAcces,
} from '../../data/index.ts';
import type { DossierMenage } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { useBrouillon } from '../commun/brouillon.ts';
import { useLive } from '../commun/useLive.ts';
import { CaseACocher } from '../commun/champs.tsx';
import { ECRANS, lien } from '../app/route.ts';
import { useEtatSync } from '../synchro/useEtatSync.ts';
import { LignePiece } from './LignePiece.tsx';
import { EnChargement } from '../commun/EnChargement.tsx';

// The administrative dossier of one household (docs/domaine.md §2 step 3): the checklist from its
// situation, each piece photographed at the table, what is missing or expires soon, the PDF export.

const titreLigne = (l: LigneDossier, personnes: readonly Personne[]): string => {
  const base = l.piece?.libelle || LIBELLES_KIND_PIECE[l.kind];
  const personne = personnes.find((p) => p.id === l.personneId);
  return personne ? `${base} — ${nomAffiche(personne)}` : base;
};

function Synthese({ d }: { d: DossierMenage }) {
  const { etat, personnes } = d;
  return (
    <section class="panneau" aria-labelledby="titre-synthese">
      <h2 id="titre-synthese">Où en est le dossier</h2>
      <p>
        <label for="completude">Complet à {etat.completude} %</label>{' '}
        <progress id="completude" max={100} value={etat.completude}>
          {etat.completude} %
        </progress>
      </p>
      {etat.manquantes.length > 0 && (
        <>
          <h3>Pièces manquantes ou expirées ({etat.manquantes.length})</h3>
          <ul>
            {etat.manquantes.map((l) => (
              <li key={l.cle}>
                <a href={`#ligne-${l.cle.replace(/[^\w-]/g, '-')}-titre`}>{titreLigne(l, personnes)}</a> — {LIBELLES_STATUT_PIECE[l.statut]}
              </li>
            ))}
          </ul>
        </>
      )}
      {etat.aRenouveler.length > 0 && (
        <>
          <h3>
            À renouveler dans les {d.reglages.alerteJours} jours ({etat.aRenouveler.length})
          </h3>
          <ul>
            {etat.aRenouveler.map((l) => (
              <li key={l.cle}>
                {titreLigne(l, personnes)}
                {l.finValidite ? ` — jusqu’au ${l.finValidite.split('-').reverse().join('/')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AjoutPiece({ d }: { d: DossierMenage }) {
  const db = useBase();
  const brouillon = useBrouillon(`piece:${d.menage.id}`, { kind: 'autre', personneId: '', libelle: '' }, () => d.menage.id);
  const { personneId, libelle } = brouillon.valeurs;
  const kind = brouillon.valeurs.kind as KindPiece;
  const ajouter = async (e: Event) => {
    e.preventDefault();
    await creerPiece(db, { menageId: d.menage.id, kind, personneId: personneId || null, libelle: libelle.trim() });
    await brouillon.effacer({ kind, personneId, libelle: '' });
  };
  return (
    <form class="panneau" aria-labelledby="titre-ajout-piece" onSubmit={(e) => void ajouter(e)}>
      <h2 id="titre-ajout-piece">Ajouter une pièce</h2>
      <div class="grille-champs">
        <div class="champ">
          <label for="nouvelle-piece-type">Type de pièce</label>
          <select id="nouvelle-piece-type" value={kind} onChange={(e) => brouillon.changer('kind', e.currentTarget.value)}>
            {KINDS_PIECE.map((k) => (
              <option key={k} value={k}>
                {LIBELLES_KIND_PIECE[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for="nouvelle-piece-personne">Personne concernée</label>
          <select id="nouvelle-piece-personne" value={personneId} onChange={(e) => brouillon.changer('personneId', e.currentTarget.value)}>
            <option value="">Tout le ménage</option>
            {d.personnes.map((p) => (
              <option key={p.id} value={p.id}>
                {nomAffiche(p)}
              </option>
            ))}
          </select>
        </div>
        <div class="champ">
          <label for="nouvelle-piece-libelle">Intitulé (facultatif)</label>
          <input
            id="nouvelle-piece-libelle"
            type="text"
            maxLength={200}
            value={libelle}
            onInput={(e) => brouillon.changer('libelle', e.currentTarget.value)}
          />
        </div>
      </div>
      <button type="submit" class="bouton">
        Ajouter la pièce
      </button>
    </form>
  );
}

function Export({ d }: { d: DossierMenage }) {
  const db = useBase();
  const avecPages = d.etat.lignes.filter((l) => (l.piece?.pages.length ?? 0) > 0);
  const [exclues, setExclues] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ texte: string; erreur: boolean } | null>(null);
  const basculer = (cle: string) =>
    setExclues((s) => {
      const n = new Set(s);
      if (n.has(cle)) n.delete(cle);
      else n.add(cle);
      return n;
    });
  const exporter = async () => {
    setMessage({ texte: 'Création du PDF…', erreur: false });
    try {
      const { creerPdfDossier } = await import('./export-pdf.ts');
      const choisies = avecPages.filter((l) => !exclues.has(l.cle));
      const octets = await creerPdfDossier(
        {
          titre: `Dossier administratif — ${d.menage.nom}`,
          sousTitre: `${d.menage.reference ? `${d.menage.reference} · ` : ''}exporté le ${aujourdhui().split('-').reverse().join('/')} · complet à ${d.etat.completude} %`,
        },
        choisies.map((l) => ({ titre: titreLigne(l, d.personnes), statut: LIBELLES_STATUT_PIECE[l.statut], pages: l.piece?.pages ?? [] })),
        (hash) => lireBlob(db, hash),
      );
      const url = URL.createObjectURL(new Blob([octets as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `dossier-${(d.menage.reference || d.menage.nom).replace(/[^\w-]+/g, '-')}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      await noterAcces(db, d.menage.id, 'export');
      setMessage({ texte: `PDF créé : ${choisies.length} pièce(s).`, erreur: false });
    } catch {
      setMessage({ texte: 'Le PDF n’a pas pu être créé. Réessayez ; si une page est en cause, retirez-la de l’export.', erreur: true });
    }
  };
  return (
    <section class="panneau" aria-labelledby="titre-export">
      <h2 id="titre-export">Exporter en PDF</h2>
      {avecPages.length === 0 ? (
        <p class="aide">Aucune pièce n’a encore de page.</p>
      ) : (
        <fieldset class="champ">
          <legend>Pièces à exporter</legend>
          {avecPages.map((l) => (
            <label key={l.cle} class="case">
              <input type="checkbox" checked={!exclues.has(l.cle)} onChange={() => basculer(l.cle)} /> {titreLigne(l, d.personnes)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" class="bouton principal" disabled={avecPages.length === exclues.size} onClick={() => void exporter()}>
        Exporter le dossier en PDF
      </button>
      {message && (
        <p class={message.erreur ? 'erreur' : 'info'} role={message.erreur ? 'alert' : 'status'}>
          {message.texte}
        </p>
      )}
    </section>
  );
}

function TransfertEnCours() {
  const fichiers = useEtatSync()?.fichiers ?? null;
  if (!fichiers)
    return (
      <p class="aide" role="status">
        Aucun transfert de photo en cours.
      </p>
    );
  return (
    <p class="info" role="status">
      {fichiers.sens === 'envoi' ? 'Envoi' : 'Réception'} des photos : {fichiers.faits} sur {fichiers.total}{' '}
      <progress max={fichiers.total} value={fichiers.faits} aria-label="Progression du transfert des photos" />
    </p>
  );
}

function ReglageReseau() {
  const db = useBase();
  const oui = useLive(() => lireFichiersSurReseauNonMesure(db), [db]);
  if (oui === undefined) return null;
  return (
    <CaseACocher
      id="fichiers-reseau-non-mesure"
      libelle="Envoyer et recevoir les photos seulement sur une connexion non limitée (Wi-Fi), quand la tablette le sait"
      coche={oui}
      enregistrer={(v) => enregistrerFichiersSurReseauNonMesure(db, v)}
    />
  );
}

/** Two occupants may share a name: numbered, their sections stay distinct for a screen reader. */
function titresDistincts(noms: string[]): string[] {
  return noms.map((nom, i) =>
    noms.indexOf(nom) === noms.lastIndexOf(nom) ? nom : `${nom} (${noms.slice(0, i + 1).filter((n) => n === nom).length})`,
  );
}

export default function DossierScreen({ id }: { id: string }) {
  const db = useBase();
  const d = useLive(() => dossierDuMenage(db, id, aujourdhui()), [db, id]);
  if (d === undefined) return <EnChargement titre={ECRANS.dossier.titre}>Chargement du dossier du ménage…</EnChargement>;
  if (d === null)
    return (
      <p class="erreur">
        Ce ménage n’existe pas sur cette tablette. <a href={lien.menages()}>Retour à la liste</a>
      </p>
    );
  const noms = titresDistincts(d.personnes.map(nomAffiche));
  const groupes = [
    { cle: 'menage', titre: 'Pour tout le ménage', lignes: d.etat.lignes.filter((l) => !l.personneId) },
    ...d.personnes.map((p, i) => ({ cle: p.id, titre: noms[i] ?? '', lignes: d.etat.lignes.filter((l) => l.personneId === p.id) })),
  ];
  return (
    <div class="ecran-dossier">
      <p class="retour">
        <a href={lien.menage(id)}>← {d.menage.nom || 'Ménage sans nom'}</a>
      </p>
      <h1>
        {ECRANS.dossier.titre} — {d.menage.nom || 'Ménage sans nom'}
      </h1>
      <Synthese d={d} />
      {groupes
        .filter((g) => g.lignes.length > 0)
        .map((g) => (
          <section key={g.cle} class="panneau" aria-labelledby={`groupe-${g.cle}`}>
            <h2 id={`groupe-${g.cle}`}>{g.titre}</h2>
            <ul class="pieces">
              {g.lignes.map((l) => (
                <LignePiece key={l.cle} ligne={l} titre={titreLigne(l, d.personnes)} menageId={id} />
              ))}
            </ul>
          </section>
        ))}
      <AjoutPiece d={d} />
      <Export d={d} />
      <section class="panneau" aria-labelledby="titre-reglage-fichiers">
        <h2 id="titre-reglage-fichiers">Photos et synchronisation</h2>
        <TransfertEnCours />
        <ReglageReseau />
      </section>
    </div>
  );
}
