/**
 * franc names languages by ISO 639-3; the directory and the portal store BCP 47 tags, whose primary subtag
 * is the two-letter ISO 639-1 code where one exists and the ISO 639-3 code otherwise. So only the languages
 * with a two-letter code need a row here; any other franc language is already its own tag (`ceb`, `hnj`).
 *
 * franc's models are of individual languages, and several are what a family would call the macrolanguage:
 * `cmn` (Mandarin) is what a district calls Chinese, `zh`; likewise `arb` → `ar`, `swh` → `sw`, `npi` → `ne`,
 * `pes` → `fa`, `pbu` → `ps`, `zlm` → `ms`, `uzn` → `uz`, `azj` → `az`, `khk` → `mn`, `lvs` → `lv`,
 * `ekk` → `et`.
 */
const ISO_639_3_TO_TAG: Readonly<Record<string, string>> = {
  // The district's top languages.
  eng: 'en',
  spa: 'es',
  vie: 'vi',
  cmn: 'zh',
  arb: 'ar',
  som: 'so',
  hat: 'ht',
  // Other languages families in U.S. districts write in, and their neighbours in franc.
  fra: 'fr',
  por: 'pt',
  rus: 'ru',
  ukr: 'uk',
  pol: 'pl',
  kor: 'ko',
  jpn: 'ja',
  tgl: 'tl',
  hin: 'hi',
  urd: 'ur',
  pes: 'fa',
  pan: 'pa',
  npi: 'ne',
  mya: 'my',
  khm: 'km',
  lao: 'lo',
  amh: 'am',
  tir: 'ti',
  swh: 'sw',
  pbu: 'ps',
  ben: 'bn',
  guj: 'gu',
  tel: 'te',
  tam: 'ta',
  mar: 'mr',
  mal: 'ml',
  kan: 'kn',
  sin: 'si',
  tha: 'th',
  ind: 'id',
  zlm: 'ms',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
  ron: 'ro',
  tur: 'tr',
  ell: 'el',
  heb: 'he',
  ydd: 'yi',
  hye: 'hy',
  kat: 'ka',
  bod: 'bo',
  uzn: 'uz',
  azj: 'az',
  khk: 'mn',
  bel: 'be',
  bul: 'bg',
  mkd: 'mk',
  bos: 'bs',
  hrv: 'hr',
  srp: 'sr',
  ces: 'cs',
  slk: 'sk',
  slv: 'sl',
  hun: 'hu',
  lit: 'lt',
  lvs: 'lv',
  ekk: 'et',
  fin: 'fi',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  nno: 'nn',
  als: 'sq',
  cat: 'ca',
  glg: 'gl',
  yor: 'yo',
  ibo: 'ig',
  hau: 'ha',
  kin: 'rw',
  run: 'rn',
  zul: 'zu',
  xho: 'xh',
  sna: 'sn',
  lin: 'ln',
  wol: 'wo',
  ewe: 'ee',
  plt: 'mg',
  kaz: 'kk',
  kir: 'ky',
  tgk: 'tg',
  tuk: 'tk',
  tat: 'tt',
  uig: 'ug',
  afr: 'af',
  jav: 'jv',
  sun: 'su',
};

/**
 * Hmong: franc has Hmong Njua (`hnj`, Green Hmong), not White Hmong, whose written form (the RPA) it is the
 * nearest to; districts record both as `hmn`. (`hms`, Qiandong Miao, is another language and stays `hms`.)
 * Dari (`prs`) keeps its own tag, as districts list it apart from Farsi, though the two read much alike.
 */
const EXTRA_TAGS: Readonly<Record<string, string>> = { hnj: 'hmn' };

/** The BCP 47 primary tag for one of franc's ISO 639-3 codes. */
export function tagOfFrancCode(code: string): string {
  return ISO_639_3_TO_TAG[code] ?? EXTRA_TAGS[code] ?? code;
}

const FRANC_CODES_OF_TAG = new Map<string, string[]>();
for (const [code, tag] of Object.entries({ ...ISO_639_3_TO_TAG, ...EXTRA_TAGS })) {
  FRANC_CODES_OF_TAG.set(tag, [...(FRANC_CODES_OF_TAG.get(tag) ?? []), code]);
}

/**
 * franc's codes for a BCP 47 tag, from its primary subtag (`es-MX` → `spa`, `zh-Hans` → `cmn`); a
 * three-letter subtag without a row is taken as franc's own code. franc ignores codes it has no model for.
 */
export function francCodesOfTag(tag: string): readonly string[] {
  const primary = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return FRANC_CODES_OF_TAG.get(primary) ?? (primary.length === 3 ? [primary] : []);
}
