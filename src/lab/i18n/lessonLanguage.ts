// Which language a lesson shows in: the editor's display language (`vscode.env.language`,
// e.g. "it" or "pt-br"), or on the command line `--lang it` / the POSIX locale variables
// (LC_ALL, LC_MESSAGES, LANG such as "it_IT.UTF-8"). English is the lessons' own language.

export const SOURCE_LANGUAGE = 'en';

/** A language tag as lessons name their translations: "it_IT.UTF-8" → "it-it", "C" → "en". */
export function normalizeLanguage(tag: string | undefined): string {
  const t = (tag ?? '')
    .trim()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase();
  if (!t || t === 'c' || t === 'posix') return SOURCE_LANGUAGE;
  return t;
}

/** The command line's language: `--lang` first, then the locale variables as POSIX orders them. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv, flag?: string): string {
  return normalizeLanguage(flag || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * The translation to use among those a lesson has: the whole tag ("pt-br"), else its primary
 * subtag ("it-it" → "it"); undefined means English.
 */
export function pickTranslation(language: string, available: readonly string[]): string | undefined {
  const wanted = normalizeLanguage(language);
  if (wanted === SOURCE_LANGUAGE || wanted.startsWith(`${SOURCE_LANGUAGE}-`)) return undefined;
  const byLower = new Map(available.map((a) => [a.toLowerCase(), a]));
  return byLower.get(wanted) ?? byLower.get(wanted.split('-')[0]);
}

/** A folder or file name that reads as a language tag ("it", "pt-br"). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i;
