// French Excel saves « CSV (séparateur : point-virgule) » in Windows-1252, and « CSV UTF-8 » in
// UTF-8 with a byte order mark. A file that is valid UTF-8 is read as UTF-8 (its mark dropped);
// any other is Windows-1252, where every byte is a character, so that « Mons-en-Barœul » reads
// as written in both cases.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

// Bytes 0x80 to 0x9F of Windows-1252 (WHATWG Encoding Standard, index-windows-1252). Node from
// 20.18.3 decodes them as Latin-1 control characters (nodejs/node#60888); browsers do not. Any
// control character left in that range is mapped here, so the result is the same everywhere.
const OCTETS_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The text of a file saved by a spreadsheet, whichever of its two encodings it was saved in. */
export function texteDuFichier(octets: ArrayBuffer | Uint8Array): string {
  try {
    return utf8.decode(octets);
  } catch {
    return windows1252.decode(octets).replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(OCTETS_80_9F[c.charCodeAt(0) - 0x80]!));
  }
}
