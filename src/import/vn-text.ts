// Telling Vietnamese text from mojibake: a word is scored by whether it is a well-formed syllable; and the case fix
// for text typed with a capitals-only TCVN3 font. Used by encoding detection (encoding.ts).

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?';
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ôô',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEI.join('|')})(?:ch|ng|nh|c|m|n|p|t)?$`);
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** True when a word (any case) is a well-formed Vietnamese syllable with at most one tone mark. */
export function isVietnameseSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize('NFD');
  const tones = d.match(TONE_RE);
  if (tones && tones.length > 1) return false;
  const base = d.replace(TONE_RE, '').normalize('NFC');
  return SYLLABLE.test(base);
}

const SPLIT = /[\s\x21-\x40\x5b-\x60\x7b-\x7e\u00a0\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026]+/;

/**
 * Share (0..1) of the words containing non-ASCII characters that are valid Vietnamese syllables.
 * Returns null when no word has a non-ASCII character.
 */
export function vietnameseScore(text: string): number | null {
  let total = 0;
  let valid = 0;
  for (const w of text.split(SPLIT)) {
    if (!w || !/[^\x00-\x7f]/.test(w)) continue;
    total++;
    if (isVietnameseSyllable(w)) valid++;
  }
  return total === 0 ? null : valid / total;
}

/**
 * Upper-case words typed with a capitals-only TCVN3 font (.VnTimeH): the bytes are the lower-case letters, so
 * "BIÓU" decodes as "BIểU". A word with at least two upper-case letters and no ASCII lower-case letter is
 * upper-cased. Returns the text and the number of words changed.
 */
export function fixVnTimeHCase(text: string): { text: string; words: number } {
  let words = 0;
  const out = text.replace(/[\p{L}\p{M}]+/gu, (w) => {
    if (/[a-z]/.test(w)) return w;
    let upper = 0;
    let lowerNonAscii = false;
    for (const c of w) {
      if (c !== c.toLowerCase()) upper++;
      else if (c !== c.toUpperCase()) lowerNonAscii = true;
    }
    if (upper >= 2 && lowerNonAscii) {
      words++;
      return w.toUpperCase();
    }
    return w;
  });
  return { text: out, words };
}
