/**
 * A small streaming scanner for the machine-written XML of XLSX parts: tags and text are handed to callbacks as
 * the text arrives in chunks, without building a document (a 200,000-row sheet is ~30 MB of XML). Names lose
 * their namespace prefix ("x:row" -> "row"); text and attribute values are entity-decoded; comments, processing
 * instructions and the declaration are skipped; CDATA is text.
 */

export interface XmlHandlers {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(raw: string): string {
  // XML's end-of-line handling: a literal CR or CRLF is read as LF (a CR written as &#13; stays), as exceljs reads it
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

/** The value of attribute `name` in a tag's attribute text (` r="B2" t="s"`), decoded; null when absent. */
export function attr(attrs: string, name: string): string | null {
  let at = attrs.indexOf(` ${name}="`);
  let quote = '"';
  if (at < 0) {
    at = attrs.indexOf(` ${name}='`);
    quote = "'";
    if (at < 0) {
      // a prefixed attribute ("r:id") asked for without its prefix is not matched: callers name it in full
      return null;
    }
  }
  const start = at + name.length + 3;
  const end = attrs.indexOf(quote, start);
  return end < 0 ? null : decodeXml(attrs.slice(start, end));
}

const localName = (s: string) => {
  const colon = s.indexOf(':');
  return colon < 0 ? s : s.slice(colon + 1);
};

export class XmlScanner {
  private rest = '';

  constructor(private readonly h: XmlHandlers) {}

  write(chunk: string): void {
    const s = this.rest ? this.rest + chunk : chunk;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break; // text up to the end of the chunk: it may go on in the next one
      if (lt > i) this.h.text(decodeXml(s.slice(i, lt)));
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) {
          i = lt;
          break;
        }
        this.h.text(s.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end < 0) {
          i = lt;
          break;
        }
        i = end + 3;
        continue;
      }
      const gt = s.indexOf('>', lt + 1);
      if (gt < 0) {
        i = lt;
        break;
      }
      const first = s.charCodeAt(lt + 1);
      if (first === 47 /* / */) this.h.close(localName(s.slice(lt + 2, gt).trim()));
      else if (first !== 63 /* ? */ && first !== 33 /* ! */) {
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const inner = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
        let nameEnd = 0;
        while (nameEnd < inner.length) {
          const c = inner.charCodeAt(nameEnd);
          if (c === 32 || c === 9 || c === 10 || c === 13) break;
          nameEnd++;
        }
        // attributes keep a leading space so attr() can look for ` name="`; line breaks between them become spaces
        const attrs = nameEnd < inner.length ? inner.slice(nameEnd).replace(/[\t\r\n]/g, ' ') : '';
        this.h.open(localName(inner.slice(0, nameEnd)), attrs, selfClosing);
      }
      i = gt + 1;
    }
    this.rest = i < n ? s.slice(i) : '';
  }

  /** The end of the part: text left over is handed on. */
  end(): void {
    if (this.rest && !this.rest.startsWith('<')) this.h.text(decodeXml(this.rest));
    this.rest = '';
  }
}
