import { readFileSync } from 'node:fs';

/**
 * The command lines of a systemd unit's `key` (ExecStart, ExecStartPre…), read the way systemd reads
 * them (systemd.syntax(7), systemd.service(5)): a trailing backslash continues the line, comment
 * lines inside a continuation are skipped, words split on blanks with "…" and '…' quoting,
 * `$$` is a dollar, and the %-specifiers given are expanded (`%%` is a percent). A leading `-` (ignore
 * the exit code) is dropped. Enough for the units in build/linux, so tests run their exact commands.
 */
export function unitCommands(file: string, key: string, specifiers: Record<string, string>): string[][] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const values: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith(`${key}=`)) continue;
    let value = line.slice(key.length + 1);
    while (value.endsWith('\\')) {
      value = value.slice(0, -1) + ' ';
      let next = (lines[++i] ?? '').trim();
      while (next.startsWith('#') || next.startsWith(';')) next = (lines[++i] ?? '').trim();
      value += next;
    }
    values.push(value);
  }
  return values.map((value) => splitWords(value).map((word) => expand(word, specifiers)));
}

function splitWords(value: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (value[i] === ' ' || value[i] === '\t') i++;
    if (i >= value.length) break;
    let word = '';
    while (i < value.length && value[i] !== ' ' && value[i] !== '\t') {
      const quote = value[i];
      if (quote === '"' || quote === "'") {
        const end = value.indexOf(quote, i + 1);
        if (end < 0) throw new Error(`unbalanced quote in: ${value}`);
        word += value.slice(i + 1, end);
        i = end + 1;
      } else word += value[i++];
    }
    words.push(word);
  }
  if (words[0]?.startsWith('-')) words[0] = words[0].slice(1);
  return words;
}

function expand(word: string, specifiers: Record<string, string>): string {
  return word.replace(/\$\$/g, '$').replace(/%(.)/g, (_all, letter: string) => {
    if (letter === '%') return '%';
    const value = specifiers[letter];
    if (value === undefined) throw new Error(`no value for the specifier %${letter}`);
    return value;
  });
}
