// Small drawing helpers over pdf-lib for the one-page report: the A4 page, the two standard fonts,
// the palette (semantic chart colours -> print colours), text that the standard fonts can encode,
// and word wrapping. Everything is vector: no images, so the PDF stays a few tens of kB.

import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { ChartColour } from '@steadyback/core';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 34;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export const INK: RGB = rgb(0.1, 0.1, 0.12);
export const MUTED: RGB = rgb(0.42, 0.42, 0.46);
export const RULE: RGB = rgb(0.8, 0.8, 0.82);

export const PALETTE: Record<ChartColour, RGB> = {
  left: rgb(0.9, 0.45, 0.0),
  right: rgb(0.0, 0.5, 0.75),
  before: rgb(0.45, 0.5, 0.6),
  peak: rgb(0.15, 0.15, 0.15),
  morning: rgb(0.5, 0.3, 0.65),
  green: rgb(0.15, 0.6, 0.25),
  amber: rgb(0.92, 0.62, 0.0),
  red: rgb(0.8, 0.12, 0.12),
  incomplete: rgb(0.6, 0.6, 0.6),
  'not-rated': rgb(0.75, 0.75, 0.75),
  cap: rgb(0.8, 0.12, 0.12),
  neutral: rgb(0.25, 0.25, 0.3),
};

export async function newA4(): Promise<{ doc: PDFDocument; page: PDFPage; fonts: Fonts }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([A4.width, A4.height]);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  return { doc, page, fonts };
}

// WinAnsi, the standard fonts' encoding: ASCII, Latin-1 and a few typographic marks.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '−': '-', '\u00a0': ' ' };

/** Text the standard fonts can draw: a few symbols spelled out, anything else as '?'. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (REPLACE[ch] !== undefined) out += REPLACE[ch];
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\n' || ch === '\t') out += ' ';
    else out += '?';
  }
  return out;
}

/** Greedy word wrap to a width in points. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  colour?: RGB;
}

/** Writes one line at (x, baseline y). */
export function line(page: PDFPage, fonts: Fonts, x: number, y: number, text: string, style: TextStyle = {}): void {
  page.drawText(winAnsi(text), {
    x,
    y,
    size: style.size ?? 8,
    font: style.bold ? fonts.bold : fonts.regular,
    color: style.colour ?? INK,
  });
}

/**
 * Writes a wrapped paragraph whose first line's top is at yTop; returns the y below it. No line is
 * drawn below yMin: when the text does not fit, the last line that fits ends with an ellipsis.
 */
export function paragraph(
  page: PDFPage,
  fonts: Fonts,
  x: number,
  yTop: number,
  width: number,
  text: string,
  style: TextStyle & { yMin?: number; leading?: number } = {},
): number {
  const size = style.size ?? 8;
  const font = style.bold ? fonts.bold : fonts.regular;
  const leading = style.leading ?? size * 1.25;
  const yMin = style.yMin ?? -Infinity;
  const lines = wrap(text, font, size, width);
  let y = yTop - size;
  if (y < yMin) return yTop;
  for (const [i, l] of lines.entries()) {
    const lastThatFits = y - leading < yMin && i < lines.length - 1;
    page.drawText(lastThatFits ? `${l} ...` : l, { x, y, size, font, color: style.colour ?? INK });
    y -= leading;
    if (lastThatFits) break;
  }
  return y + leading - size * 0.25 - 2;
}

export function heading(page: PDFPage, fonts: Fonts, x: number, yTop: number, width: number, text: string): number {
  line(page, fonts, x, yTop - 10, text, { size: 10, bold: true });
  page.drawLine({ start: { x, y: yTop - 13 }, end: { x: x + width, y: yTop - 13 }, thickness: 0.5, color: RULE });
  return yTop - 17;
}
