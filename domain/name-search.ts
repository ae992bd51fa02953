// FTS5's unicode61 tokenizer keeps a run of Chinese characters as one token, so "小明" would not
// find "王小明". We index Chinese (and other CJK) characters as one token each and search them as
// a phrase; Latin words stay words and are searched by prefix.

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const wordChars = /[\p{L}\p{N}]+/gu;

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.normalize('NFKC').toLowerCase().match(wordChars) ?? []) {
    let latin = '';
    for (const ch of word) {
      if (cjk.test(ch)) {
        if (latin) {
          out.push(latin);
          latin = '';
        }
        out.push(ch);
      } else latin += ch;
    }
    if (latin) out.push(latin);
  }
  return out;
}

/** What goes into the FTS index for a member's name. */
export function nameIndexText(name: string): string {
  return tokens(name).join(' ');
}

/**
 * An FTS5 MATCH expression for what staff typed, or null when nothing searchable is left.
 * Consecutive CJK characters must be consecutive in the name; Latin words match by prefix.
 * Every token is quoted, so FTS syntax in the input (AND, *, quotes) is just text.
 */
export function nameMatchQuery(query: string): string | null {
  const parts: string[] = [];
  let phrase: string[] = [];
  const endPhrase = () => {
    if (phrase.length) parts.push(`"${phrase.join(' ')}"`);
    phrase = [];
  };
  for (const token of tokens(query)) {
    if (cjk.test(token)) phrase.push(token);
    else {
      endPhrase();
      parts.push(`"${token}"*`);
    }
  }
  endPhrase();
  return parts.length ? parts.join(' ') : null;
}
