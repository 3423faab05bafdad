// Where things are in a JSON text: a strict JSON reader (RFC 8259) that keeps, for every field it reads, the
// line and column it starts at, named the way the API names fields in its error details ("roles.host.priority",
// "publishParams.allowed[0]": server http/Json.path and templates/Problems). JSON.parse says neither where a
// field is nor, in every browser, where a syntax error is; the editor needs both.

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/**
 * Reads text. Answers {paths, error}: paths maps each field's path to {line, column, offset} (1-based line and
 * column; an object member at its key, an array element at its value), error is null or {message, line, column,
 * offset}. On an error, paths still holds every field read before it.
 */
export function locate(text) {
  const paths = new Map();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const here = () => ({ line, column: i - lineStart + 1, offset: i });
  const fail = (message) => {
    throw Object.assign(new SyntaxError(message), { at: here() });
  };
  const show = (c) => (c === undefined ? 'the end of the text' : c === '\n' ? 'a line break' : `'${c}'`);
  const space = () => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        i++;
        line++;
        lineStart = i;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        i++;
      } else {
        return;
      }
    }
  };
  const expect = (c, what) => {
    if (text[i] !== c) fail(`Expected ${what}, found ${show(text[i])}`);
    i++;
  };

  const string = () => {
    expect('"', 'a string');
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('Unterminated string');
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') fail(c === '\n' ? 'Unterminated string (a line break must be written \\n)' : 'Control character in a string');
      if (c === '\\') {
        const e = text[i + 1];
        const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`Bad escape \\${e ?? ''} in a string`);
        }
      } else {
        out += c;
        i++;
      }
    }
  };

  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail(`Expected a value, found ${show(text[i])}`);
    i += m[0].length;
  };

  const value = (path) => {
    space();
    const c = text[i];
    if (c === '{') return object(path);
    if (c === '[') return array(path);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`Expected a value, found ${show(c)}`);
  };

  const object = (path) => {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      const at = here();
      const key = string();
      const field = path === '' ? key : `${path}.${key}`;
      paths.set(field, at); // a key given twice: the last one counts, as in JSON.parse and the API's reader
      space();
      expect(':', '":" after a key');
      value(field);
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      expect(',', '"," or "}" after a value in an object');
    }
  };

  const array = (path) => {
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (let n = 0; ; n++) {
      space();
      paths.set(`${path}[${n}]`, here());
      value(`${path}[${n}]`);
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      expect(',', '"," or "]" after a value in an array');
    }
  };

  try {
    value('');
    space();
    if (i < text.length) fail(`Unexpected ${show(text[i])} after the JSON value`);
    return { paths, error: null };
  } catch (e) {
    // Anything else (a stack overflow on absurd nesting): no places known; JSON.parse still judges the text.
    if (!(e instanceof SyntaxError) || !e.at) return { paths: new Map(), error: null };
    return { paths, error: { message: e.message, ...e.at } };
  }
}

/**
 * The field an error detail names ("<path> <what is wrong>", as the API writes them), found in paths: the longest
 * leading run of the detail, ended by a space, that is a path there (keys may hold spaces and dots). Answers
 * {path, rule, line, column, offset} or null when the detail names no field of the text.
 */
export function fieldOf(detail, paths) {
  if (typeof detail !== 'string') return null;
  for (let end = detail.lastIndexOf(' '); end > 0; end = detail.lastIndexOf(' ', end - 1)) {
    const path = detail.slice(0, end);
    const at = paths.get(path);
    if (at) return { path, rule: detail.slice(end + 1), ...at };
  }
  return null;
}
