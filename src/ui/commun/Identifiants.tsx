// The account's address and password, as every login form asks them (the header's login, the lock
// screen's new login after a forgotten code), with the form's error under them.

type Props = {
  /** Prefix of the fields' ids, unique on the screen. */
  id: string;
  email: string;
  motDePasse: string;
  erreur: string | null;
  changerEmail: (v: string) => void;
  changerMotDePasse: (v: string) => void;
};

export function Identifiants({ id, email, motDePasse, erreur, changerEmail, changerMotDePasse }: Props) {
  return (
    <>
      <div class="champ">
        <label for={`${id}-email`}>Adresse électronique</label>
        <input id={`${id}-email`} type="email" autoComplete="username" value={email} onInput={(e) => changerEmail(e.currentTarget.value)} />
      </div>
      <div class="champ">
        <label for={`${id}-mdp`}>Mot de passe</label>
        <input
          id={`${id}-mdp`}
          type="password"
          autoComplete="current-password"
          value={motDePasse}
          onInput={(e) => changerMotDePasse(e.currentTarget.value)}
        />
      </div>
      {erreur && (
        <p class="erreur" role="alert">
          {erreur}
        </p>
      )}
    </>
  );
}
