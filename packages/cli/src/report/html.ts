// Shared pieces of the self-contained HTML reports: page frame, escaping, band colours.
// No external fonts, scripts or images: the file opens offline and makes no request.

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const BAND_COLOUR: Record<string, string> = {
  green: '#d5f5e3',
  amber: '#fdebd0',
  red: '#f5b7b1',
  'not-measurable': '#eaeded',
};

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; color: #1b2631; line-height: 1.45; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  th, td { border: 1px solid #ccd1d1; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
  th { background: #f4f6f6; }
  .verdict { font-size: 1.15rem; padding: 0.8rem 1rem; border-radius: 6px; background: #eef5fb; }
  .snaps { display: flex; flex-wrap: wrap; gap: 1rem; }
  figure { margin: 0; } figcaption { font-size: 0.85rem; max-width: 360px; }
  .note { font-size: 0.85rem; color: #566573; }
  svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
