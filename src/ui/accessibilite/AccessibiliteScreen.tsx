import { ECRANS, lien } from '../app/route.ts';

// The accessibility statement that article 47 of the law of 11 February 2005 and the RGAA ask of
// public bodies and their delegates. Without a valid audit the RGAA says « non conforme », whatever
// the automated checks find: that is the level stated.
export default function AccessibiliteScreen() {
  return (
    <div class="ecran-accessibilite">
      <p class="retour">
        <a href={lien.parametres()}>← Paramètres</a>
      </p>
      <h1>{ECRANS.accessibilite.titre}</h1>
      <p>
        L’organisme qui met l’application Relogement à votre disposition (bailleur, collectivité ou opérateur du projet de renouvellement
        urbain) s’engage à la rendre accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration
        porte sur l’application Relogement, utilisée sur tablette par les chargés de relogement.
      </p>

      <section class="panneau" aria-labelledby="titre-etat">
        <h2 id="titre-etat">État de conformité</h2>
        <p>
          L’application Relogement est <strong>non conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA),
          version 4.1.2 : aucun audit de conformité n’a encore été réalisé, et le RGAA demande de déclarer non conforme un service qui n’a
          pas de résultat d’audit en cours de validité. Les vérifications décrites ci-dessous sont faites à chaque version, mais elles ne
          mesurent pas le taux de conformité aux critères du RGAA.
        </p>
      </section>

      <section class="panneau" aria-labelledby="titre-tests">
        <h2 id="titre-tests">Comment l’accessibilité est vérifiée</h2>
        <p>
          À chaque modification de l’application, des tests automatiques ouvrent chaque écran principal dans le navigateur Chromium, sur une
          tablette en portrait (800 × 1280) et en paysage (1280 × 800), et vérifient :
        </p>
        <ul>
          <li>
            l’absence d’erreur d’accessibilité de gravité modérée ou supérieure détectée par l’outil axe-core (contrastes, étiquettes des
            champs, noms des boutons et des liens, structure des titres et des régions) ;
          </li>
          <li>
            la taille des cibles tactiles : chaque bouton, champ, liste de choix et lien utilisé comme un bouton mesure au moins 44 pixels
            de haut ;
          </li>
          <li>l’absence de défilement horizontal de la page : les tableaux larges défilent dans leur propre cadre.</li>
        </ul>
        <p>
          Au clavier, un test vérifie que la première tabulation atteint le lien « Aller au contenu », visible, qui mène au contenu de la
          page. Le focus est toujours signalé par un contour, et l’état de la synchronisation est annoncé aux lecteurs d’écran. Chaque écran
          porte son titre dès son ouverture, pendant son chargement, et ce qui se charge est annoncé. Le reste du parcours au clavier n’a
          pas encore été vérifié systématiquement. Les tests automatiques ne détectent qu’une partie des difficultés : ils ne remplacent pas
          un audit.
        </p>
      </section>

      <section class="panneau" aria-labelledby="titre-limites">
        <h2 id="titre-limites">Contenus dont l’accessibilité n’est pas garantie</h2>
        <ul>
          <li>
            les photos des pièces justificatives et le dossier exporté en PDF, qui sont des images de documents sans texte alternatif ;
          </li>
          <li>les courriers et fiches imprimables, dont la mise en page vise la feuille A4 plutôt que l’écran.</li>
        </ul>
      </section>

      <section class="panneau" aria-labelledby="titre-contact">
        <h2 id="titre-contact">Retour d’information et contact</h2>
        <p>
          Si vous n’arrivez pas à accéder à un contenu ou à une fonctionnalité, signalez-le à votre encadrant ou au référent numérique de
          votre organisme : il transmet la demande et vous propose une autre façon d’obtenir l’information ou de faire la démarche (document
          accessible, accompagnement, saisie par un collègue).
        </p>
      </section>

      <section class="panneau" aria-labelledby="titre-recours">
        <h2 id="titre-recours">Voies de recours</h2>
        <p>
          Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas
          obtenu de réponse satisfaisante, vous pouvez :
        </p>
        <ul>
          <li>écrire un message au Défenseur des droits, par son formulaire en ligne ;</li>
          <li>contacter le délégué du Défenseur des droits de votre région ;</li>
          <li>envoyer un courrier, sans l’affranchir, à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>
        </ul>
      </section>
      <p class="aide">Déclaration établie le 4 décembre 2026.</p>
    </div>
  );
}
