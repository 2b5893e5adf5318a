// A password chosen for an account must survive the first guesses an attacker tries: the most
// common passwords and their long variants (French and English lists of leaked passwords), the
// account's own address, one character repeated. Length does the rest (NIST SP 800-63B).

export const MIN_PASSWORD_LENGTH = 12;

const COMMON = new Set(
  [
    '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '098765432109', '111111111111', '000000000000', '123123123123', '121212121212',
    'azertyuiop12', 'azertyuiop123', 'azertyuiopqsd', 'azertyuiopqsdf', 'azertyuiopqsdfghjklm', 'azerty123456', 'azertyazerty', 'qwertyuiop12', 'qwertyuiop123', 'qwertyuiopasdf',
    'qwerty123456', 'qwertyqwerty', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'a1b2c3d4e5f6', 'abcdefghijkl', 'abc123abc123', 'abcd12345678', 'password1234', 'password12345',
    'password123456', 'passwordpassword', 'passw0rd1234', 'p@ssw0rd1234', 'iloveyou1234', 'letmein12345', 'welcome12345', 'football1234', 'baseball1234', 'sunshine1234',
    'motdepasse12', 'motdepasse123', 'motdepasse1234', 'motdepasse2024', 'motdepasse2025', 'motdepasse2026', 'motdepassemotdepasse', 'motdepasse!!', 'mot de passe', 'mot de passe 123',
    'bonjour12345', 'bonjour123456', 'bonjourbonjour', 'soleil123456', 'doudou123456', 'chouchou1234', 'jetaime12345', 'jetaime123456', 'marseille1234', 'marseille13013',
    'liverpool1234', 'chocolat1234', 'chocolat12345', 'princesse1234', 'nicolas12345', 'camille12345', 'vacances2024', 'vacances2025', 'bienvenue123', 'bienvenue1234',
    'bienvenue2024', 'bienvenue2025', 'bienvenue2026', 'changeme1234', 'changemoi123', 'changemoi1234', 'administrateur', 'administrator', 'admin1234567', 'adminadmin12',
    'relogement123', 'relogement2024', 'relogement2025', 'relogement2026', 'bailleur1234', 'bailleur2025', 'logement1234', 'logement2025', 'habitat12345', 'azerty12345678',
  ].map((p) => p.toLowerCase()),
);

/** Why a password may not be chosen (French), or null when it may. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  const plain = password.normalize('NFC').toLowerCase();
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  if (COMMON.has(plain) || COMMON.has(plain.replace(/\s+/g, ''))) return 'Ce mot de passe est parmi les plus courants : choisissez-en un autre (une phrase de plusieurs mots, par exemple).';
  if (new Set(plain).size <= 2) return 'Ce mot de passe répète un ou deux caractères : choisissez-en un autre.';
  if (local.length >= 4 && plain.includes(local)) return 'Le mot de passe ne doit pas contenir l’adresse électronique du compte.';
  return null;
}
