// The clinic pages' one stylesheet, served from the clinic's own origin so the CSP can forbid
// inline styles and every other source.

export const CLINIC_CSS = `
:root { font-family: system-ui, sans-serif; color: #111827; background: #f9fafb; }
body { max-width: 960px; margin: 0 auto; padding: 0 16px 48px; line-height: 1.45; }
header { display: flex; gap: 16px; align-items: center; border-bottom: 1px solid #e5e7eb; padding: 12px 0; }
header nav { display: flex; gap: 12px; flex: 1; }
header form { margin: 0; }
a { color: #1f4f8a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }
.muted { color: #6b7280; }
.card { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.attention { border-color: #b45309; background: #fffbeb; }
.error { border-color: #b91c1c; background: #fef2f2; }
.light { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.85rem; border: 1px solid #d1d5db; }
.light-green { background: #dcfce7; } .light-amber { background: #fef3c7; } .light-red { background: #fee2e2; }
.code { font-family: ui-monospace, monospace; font-size: 2rem; letter-spacing: 0.15em; }
.qr svg { width: 200px; height: 200px; }
.chart svg[role="img"] { width: 100%; height: auto; background: #fff; border: 1px solid #e5e7eb; }
.legend svg { width: 10px; height: 10px; margin-right: 4px; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; font-size: 0.85rem; }
label { display: block; margin: 8px 0 2px; }
input, select, textarea, button { font: inherit; }
textarea { width: 100%; min-height: 5rem; }
button { padding: 6px 14px; }
`;
