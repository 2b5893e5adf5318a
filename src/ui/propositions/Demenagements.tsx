import { useState } from 'preact/hooks';
import {
  ETATS_POSTE,
  LIBELLES_ETAT_POSTE,
  LIBELLES_PAYEUR,
  LIBELLES_POSTE_DEMENAGEMENT,
  PAYEURS,
  POSTES_DEMENAGEMENT,
  demenagementsDus,
  echeanceRemboursement,
  etatEcheance,
  libelleDelai,
  parseNombreFr,
  posteDe,
  reglementCaution,
  rembourseHorsDelai,
  verifierDate,
  verifierDemenagement,
  verifierNombre,
  type DemenagementDu,
  type Demenagement,
  type Delai,
  type PosteDemenagement,
  type PosteDemenagementSaisi,
} from '../../domain/index.ts';
import { modifierDemenagement, modifierPoste, ouvrirDemenagement, type DossierPropositions } from '../../data/index.ts';
import { aujourdhui, useBase } from '../commun/contexte.ts';
import { ChampChoix, ChampSaisie } from '../commun/champs.tsx';
import { le } from './format.ts';

// The checklist of each move (charte §3.2, §3.3): one per signed lease, the temporary dwelling's
// and the final one's, so every cost is covered twice after a double move. Saved as typed.

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const montantTexte = (n: number | null) => (n === null ? '' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n));
const verifierMontant = (v: string) => verifierNombre(v, { min: 0, max: 1_000_000, unite: '€' });
const verifierJour = (v: string) => verifierDate(v, { pasApres: aujourdhui() });

/** Saves a typed amount once it reads as one; an empty field clears it. */
const enMontant = (v: string, enregistrer: (n: number | null) => Promise<unknown>): Promise<unknown> =>
  v.trim() === '' ? enregistrer(null) : verifierMontant(v).ok ? enregistrer(parseNombreFr(v)) : Promise.resolve();
const enDate = (v: string, enregistrer: (d: string | null) => Promise<unknown>): Promise<unknown> =>
  v.trim() === '' ? enregistrer(null) : verifierDate(v).ok ? enregistrer(v) : Promise.resolve();

function Remboursement({ p, delai }: { p: PosteDemenagementSaisi; delai: Delai }) {
  const echeance = echeanceRemboursement(p, delai);
  if (echeance === null) return null;
  if (p.rembourseLe !== null) {
    return (
      <p class={rembourseHorsDelai(p, delai) ? 'alerte' : 'succes'}>
        Remboursé le {le(p.rembourseLe)}
        {rembourseHorsDelai(p, delai) ? ` : au-delà de l’échéance du ${le(echeance)}` : ''}.
      </p>
    );
  }
  const etat = etatEcheance(echeance, aujourdhui(), 0);
  return (
    <p class={`delai ${etat}`}>
      À rembourser au ménage au plus tard le <strong>{le(echeance)}</strong> ({libelleDelai(delai)} après la remise de la facture)
      {etat === 'en_retard' && (
        <>
          {' '}
          <span class="badge alerte">Remboursement en retard</span>
        </>
      )}
    </p>
  );
}

function Poste({ d, poste, delai }: { d: Demenagement; poste: PosteDemenagement; delai: Delai }) {
  const db = useBase();
  const p = posteDe(d, poste);
  const maj = (modif: Partial<PosteDemenagementSaisi>) => modifierPoste(db, d.id, poste, modif);
  const base = `dem-${d.id}-${poste}`;
  const libelle = LIBELLES_POSTE_DEMENAGEMENT[poste];
  const echeance = echeanceRemboursement(p, delai);
  const enRetard = echeance !== null && p.rembourseLe === null && echeance < aujourdhui();
  return (
    <details class="poste-demenagement">
      <summary>
        {libelle} — {LIBELLES_ETAT_POSTE[p.etat]}
        {p.payeur ? ` · à la charge : ${LIBELLES_PAYEUR[p.payeur]}` : ''}
        {enRetard && (
          <>
            {' '}
            <span class="badge alerte">Remboursement en retard</span>
          </>
        )}
      </summary>
      <div class="grille-champs">
        <ChampChoix
          id={`${base}-etat`}
          libelle={`Avancement — ${libelle}`}
          options={ETATS_POSTE.map((e) => ({ valeur: e, libelle: LIBELLES_ETAT_POSTE[e] }))}
          valeur={p.etat}
          enregistrer={(v) => maj({ etat: v as PosteDemenagementSaisi['etat'] })}
        />
        <ChampChoix
          id={`${base}-payeur`}
          libelle={`À la charge de — ${libelle}`}
          options={PAYEURS.map((x) => ({ valeur: x, libelle: LIBELLES_PAYEUR[x] }))}
          valeur={p.payeur ?? ''}
          enregistrer={(v) => maj({ payeur: v as PosteDemenagementSaisi['payeur'] })}
        />
        <ChampSaisie
          id={`${base}-montant`}
          libelle={`Montant de la facture (€) — ${libelle}`}
          genre="nombre"
          valeur={montantTexte(p.montant)}
          verifier={verifierMontant}
          enregistrer={(v) => enMontant(v, (montant) => maj({ montant }))}
        />
        <ChampSaisie
          id={`${base}-facture`}
          libelle={`Facture remise par le ménage le — ${libelle}`}
          genre="date"
          valeur={p.factureRemiseLe ?? ''}
          verifier={verifierJour}
          enregistrer={(v) => enDate(v, (factureRemiseLe) => maj({ factureRemiseLe }))}
        />
        <ChampSaisie
          id={`${base}-rembourse`}
          libelle={`Remboursé au ménage le — ${libelle}`}
          genre="date"
          valeur={p.rembourseLe ?? ''}
          verifier={verifierJour}
          enregistrer={(v) => enDate(v, (rembourseLe) => maj({ rembourseLe }))}
        />
        <ChampSaisie
          id={`${base}-commentaire`}
          libelle={`Commentaire — ${libelle}`}
          valeur={p.commentaire}
          enregistrer={(commentaire) => maj({ commentaire })}
        />
      </div>
      <Remboursement p={p} delai={delai} />
    </details>
  );
}

function Caution({ d }: { d: Demenagement }) {
  if (d.cautionOrigine === null || d.cautionAccueil === null) return null;
  const r = reglementCaution(d.cautionOrigine, d.cautionAccueil);
  return (
    <p class="info">
      Le bailleur d’origine verse {euros.format(r.verseAuBailleurAccueil)} au bailleur d’accueil
      {r.complementBailleurOrigine > 0 ? `, dont ${euros.format(r.complementBailleurOrigine)} à sa charge` : ''}
      {r.rembourseAuMenage > 0 ? ` et rembourse ${euros.format(r.rembourseAuMenage)} au ménage` : ''}. Le ménage ne verse aucun dépôt de
      garantie.
    </p>
  );
}

function ListeDemenagement({ d, du, delai }: { d: Demenagement; du: DemenagementDu; delai: Delai }) {
  const db = useBase();
  const maj = (modif: Parameters<typeof modifierDemenagement>[2]) => modifierDemenagement(db, d.id, modif);
  const erreurs = verifierDemenagement(d, du.bailSigneLe, aujourdhui());
  return (
    <>
      <div class="grille-champs">
        <ChampSaisie
          id={`dem-${d.id}-date`}
          libelle="Date du déménagement"
          genre="date"
          valeur={d.demenageLe ?? ''}
          verifier={(v) => verifierDate(v)}
          enregistrer={(v) => enDate(v, (demenageLe) => maj({ demenageLe }))}
        />
        <ChampSaisie
          id={`dem-${d.id}-caution-origine`}
          libelle="Dépôt de garantie versé au bailleur d’origine (€)"
          genre="nombre"
          valeur={montantTexte(d.cautionOrigine)}
          verifier={verifierMontant}
          enregistrer={(v) => enMontant(v, (cautionOrigine) => maj({ cautionOrigine }))}
        />
        <ChampSaisie
          id={`dem-${d.id}-caution-accueil`}
          libelle="Dépôt de garantie demandé par le bailleur d’accueil (€)"
          genre="nombre"
          valeur={montantTexte(d.cautionAccueil)}
          verifier={verifierMontant}
          enregistrer={(v) => enMontant(v, (cautionAccueil) => maj({ cautionAccueil }))}
        />
      </div>
      <Caution d={d} />
      {POSTES_DEMENAGEMENT.map((poste) => (
        <Poste key={poste} d={d} poste={poste} delai={delai} />
      ))}
      {erreurs.length > 0 && (
        <ul class="erreur">
          {erreurs.map((e) => (
            <li key={e.champ}>{e.message}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function UnDemenagement({ du, d, delai }: { du: DemenagementDu; d: Demenagement | undefined; delai: Delai }) {
  const db = useBase();
  const [erreur, setErreur] = useState<string | null>(null);
  const titre = `Déménagement vers le logement ${du.temporaire ? 'temporaire' : 'définitif'}`;
  const idTitre = `titre-demenagement-${du.proposition.id}`;
  const ouvrir = () =>
    ouvrirDemenagement(db, du.proposition.menageId, du.proposition.id).then(
      () => setErreur(null),
      () => setErreur('La liste du déménagement n’a pas pu être créée ; réessayez.'),
    );
  return (
    <section class="fiche demenagement" aria-labelledby={idTitre}>
      <h3 id={idTitre}>{titre}</h3>
      <p>Bail signé le {le(du.bailSigneLe)}.</p>
      {d ? (
        <ListeDemenagement d={d} du={du} delai={delai} />
      ) : (
        <button type="button" class="bouton" onClick={() => void ouvrir()}>
          Ouvrir la liste du déménagement
        </button>
      )}
      {erreur && (
        <p class="erreur" role="alert">
          {erreur}
        </p>
      )}
    </section>
  );
}

export function Demenagements({ dossier }: { dossier: DossierPropositions }) {
  const dus = demenagementsDus(dossier.propositions);
  if (dus.length === 0) return null;
  const delai = dossier.territoire.propositions.delaiRemboursement;
  return (
    <section class="panneau" aria-labelledby="titre-demenagements">
      <h2 id="titre-demenagements">Déménagements et frais</h2>
      <p class="aide">
        Le déménagement ne coûte rien au ménage : entreprise mandatée par le bailleur, aucun nouveau dépôt de garantie, compteurs, courrier
        pendant 6 mois et carte grise remboursés sur facture dans un délai de {libelleDelai(delai)}. Après un relogement temporaire, tous
        ces frais sont pris en charge une seconde fois.
      </p>
      {dus.map((du) => (
        <UnDemenagement
          key={du.proposition.id}
          du={du}
          d={dossier.demenagements.find((x) => x.propositionId === du.proposition.id)}
          delai={delai}
        />
      ))}
    </section>
  );
}
