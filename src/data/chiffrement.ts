// Encryption at rest with WebCrypto only (docs/chiffrement.md): a random AES-GCM 256 data key,
// wrapped by a key derived from the officer's code with PBKDF2-SHA256 (OWASP 2023: 600,000
// iterations) and a salt of this device. Unwrapped, the data key is not extractable and lives in
// memory only while the app is unlocked.

export const ITERATIONS_PBKDF2 = 600_000;

/** The data key as stored: useless without the officer's code. */
export type CleEnveloppee = { sel: Uint8Array<ArrayBuffer>; iterations: number; iv: Uint8Array<ArrayBuffer>; cle: ArrayBuffer };

/** A sealed value: AES-GCM of its JSON, and of each file it holds (photos of papers), with their own IV. */
export type Scelle = { iv: Uint8Array<ArrayBuffer>; donnees: ArrayBuffer; fichiers?: Record<string, { iv: Uint8Array<ArrayBuffer>; donnees: ArrayBuffer; type: string }> };

const AES = { name: 'AES-GCM', length: 256 } as const;
const aleatoire = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const texte = new TextEncoder();

async function cleDuCode(code: string, sel: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', texte.encode(code), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: sel, iterations }, base, AES, false, ['wrapKey', 'unwrapKey']);
}

const deballer = (enveloppe: CleEnveloppee, kek: CryptoKey, extractible = false) =>
  crypto.subtle.unwrapKey('raw', enveloppe.cle, kek, { name: 'AES-GCM', iv: enveloppe.iv }, AES, extractible, ['encrypt', 'decrypt']);

/** `brute` (extractable only to be wrapped) wrapped by the code, with a new salt and IV. */
async function envelopper(brute: CryptoKey, code: string, iterations: number): Promise<{ enveloppe: CleEnveloppee; kek: CryptoKey }> {
  const sel = aleatoire(16);
  const iv = aleatoire(12);
  const kek = await cleDuCode(code, sel, iterations);
  return { enveloppe: { sel, iterations, iv, cle: await crypto.subtle.wrapKey('raw', brute, kek, { name: 'AES-GCM', iv }) }, kek };
}

/** A new data key for this device, wrapped by the code: the key to use and what to store. */
export async function nouvelleCle(code: string, iterations = ITERATIONS_PBKDF2): Promise<{ cle: CryptoKey; enveloppe: CleEnveloppee }> {
  // The key used from now on is the non-extractable unwrapped one.
  const { enveloppe, kek } = await envelopper(await crypto.subtle.generateKey(AES, true, ['encrypt', 'decrypt']), code, iterations);
  return { cle: await deballer(enveloppe, kek), enveloppe };
}

/**
 * The same data key wrapped by a new code: nothing is encrypted again. Null when `actuel` is not
 * the code it is wrapped with. The key is extractable only in this function's hands.
 */
export async function envelopperAutrement(
  actuel: string,
  nouveau: string,
  enveloppe: CleEnveloppee,
  iterations = ITERATIONS_PBKDF2,
): Promise<CleEnveloppee | null> {
  const kek = await cleDuCode(actuel, enveloppe.sel, enveloppe.iterations);
  const brute = await deballer(enveloppe, kek, true).catch(() => null);
  return brute && (await envelopper(brute, nouveau, iterations)).enveloppe;
}

/** The data key, or null when the code is not the one it was wrapped with (the GCM tag does not match). */
export async function ouvrirCle(code: string, enveloppe: CleEnveloppee): Promise<CryptoKey | null> {
  const kek = await cleDuCode(code, enveloppe.sel, enveloppe.iterations);
  try {
    return await deballer(enveloppe, kek);
  } catch {
    return null;
  }
}

async function chiffrer(cle: CryptoKey, octets: BufferSource, contexte: Uint8Array<ArrayBuffer>) {
  const iv = aleatoire(12);
  return { iv, donnees: await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: contexte }, cle, octets) };
}

const dechiffrer = (cle: CryptoKey, { iv, donnees }: { iv: Uint8Array<ArrayBuffer>; donnees: ArrayBuffer }, contexte: Uint8Array<ArrayBuffer>) =>
  crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: contexte }, cle, donnees);

/**
 * Seals a row. `contexte` (its table and clear keys) is authenticated with it, so a sealed payload
 * moved to another row fails to open. Top-level Blob values are sealed as bytes.
 */
export async function sceller(cle: CryptoKey, valeur: Record<string, unknown>, contexte: string): Promise<Scelle> {
  return (await scellerAvecTexte(cle, valeur, contexte)).scelle;
}

/** `sceller`, with the JSON text sealed when the row holds no file: opening the payload gives back exactly that text. */
export async function scellerAvecTexte(cle: CryptoKey, valeur: Record<string, unknown>, contexte: string): Promise<{ scelle: Scelle; texte: string | null }> {
  const aad = texte.encode(contexte);
  // Most rows hold no file: those are sealed as they are, without a copy (a first sync seals tens of thousands).
  if (!Object.values(valeur).some((v) => v instanceof Blob)) {
    const enJson = JSON.stringify(valeur);
    return { scelle: await chiffrer(cle, texte.encode(enJson), aad), texte: enJson };
  }
  const json: Record<string, unknown> = {};
  const fichiers: NonNullable<Scelle['fichiers']> = {};
  for (const [champ, v] of Object.entries(valeur)) {
    if (v instanceof Blob) fichiers[champ] = { ...(await chiffrer(cle, await v.arrayBuffer(), aad)), type: v.type };
    else json[champ] = v;
  }
  const scelle: Scelle = { ...(await chiffrer(cle, texte.encode(JSON.stringify(json)), aad)), fichiers };
  return { scelle, texte: null };
}

/** Opens what `sceller` sealed with the same key and context; rejects when either differs. */
export async function desceller(cle: CryptoKey, scelle: Scelle, contexte: string): Promise<Record<string, unknown>> {
  const aad = texte.encode(contexte);
  const valeur = JSON.parse(new TextDecoder().decode(await dechiffrer(cle, scelle, aad))) as Record<string, unknown>;
  for (const [champ, f] of Object.entries(scelle.fichiers ?? {})) valeur[champ] = new Blob([await dechiffrer(cle, f, aad)], { type: f.type });
  return valeur;
}
