/**
 * Is this text Dutch? The commonest short words give a language away in a few sentences, the way the first
 * language identifiers did (Cavnar & Trenkle's profiles, the stopword ratio of Grefenstette). Good enough to
 * stop a reader importing an English or German page into a Dutch→English reader; not a general identifier.
 */
const WORDS: Record<string, readonly string[]> = {
  nl: 'de het een en van dat niet zijn op te met voor er maar ook als aan bij om door naar wordt werd heeft hebben nog wel dan uit over zo tot hun deze geen meer kan worden was zich zal ze hij wij jullie wat zoals omdat nu al onze mijn haar dit veel bij toch'.split(
    ' ',
  ),
  en: 'the and of to that is for it with as was on are be by this from have not or at which an they but his her their has had were been will would there what about when who more can into than its our your these'.split(
    ' ',
  ),
  de: 'der die das und ist nicht mit sich auf für ein eine dem den zu von auch es im sind wird wurde werden hat haben nach bei aus wie oder aber noch nur über kann vor dass'.split(
    ' ',
  ),
  fr: 'le la les et des est pas une un du que qui dans pour sur avec par plus sont ont été mais ou aux ce cette il elle nous vous leur'.split(
    ' ',
  ),
  es: 'el la los las y que es no una un del por con para se su al lo como más pero sus le ya o este entre cuando muy sin sobre también'.split(
    ' ',
  ),
};
const SETS = Object.fromEntries(Object.entries(WORDS).map(([lang, words]) => [lang, new Set(words)]));

/** Share of the text's words that are each language's commonest words. */
export function languageScores(text: string): Record<string, number> {
  const words =
    text
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.slice(0, 2000) ?? [];
  const scores: Record<string, number> = {};
  for (const [lang, set] of Object.entries(SETS))
    scores[lang] = words.length ? words.filter((w) => set.has(w)).length / words.length : 0;
  return scores;
}

/**
 * 'nl' or another language when the text says so clearly, null when it is too short or too mixed to tell.
 * The page's own `lang` decides only what the text leaves open.
 */
export function guessLanguage(text: string, declared: string | null): string | null {
  const scores = languageScores(text);
  const [best, second] = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  if (words >= 20 && best![1] >= 0.12 && best![1] >= 1.5 * second![1]) return best![0];
  return declared ? declared.toLowerCase().split('-')[0]! : null;
}
