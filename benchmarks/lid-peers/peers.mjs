// Runs the npm language identifiers on the items of a lid_eval TSV (label, category, text) and prints one JSON
// object per detector: {"name", "counts": {"label/category": [correct, total]}, "microsPerItem", "note"}.
// Usage: node peers.mjs ITEMS.tsv   (run from the folder where the packages are installed)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');

const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l).map(l => {
  const [label, category, text] = l.split('\t');
  return { key: `${label}/${category}`, label, text };
});

const two = code => (code === 'en' || code === 'eng' ? 'en' : code === 'vi' || code === 'vie' ? 'vi' : 'unknown');

async function measure(name, detect, note = '') {
  for (let i = 0; i < Math.min(50, rows.length); i++) await detect(rows[i].text); // warm-up
  const counts = {};
  const guesses = new Array(rows.length);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i++) guesses[i] = await detect(rows[i].text);
  const micros = Number(process.hrtime.bigint() - t0) / 1000 / rows.length;
  rows.forEach((r, i) => {
    const c = (counts[r.key] ??= [0, 0]);
    c[1]++;
    if (two(guesses[i]) === r.label) c[0]++;
  });
  console.log(JSON.stringify({ name, counts, microsPerItem: micros, note }));
}

async function tryPeer(name, setup) {
  try {
    await setup();
  } catch (e) {
    console.log(JSON.stringify({ name, error: String(e && e.message || e).split('\n')[0] }));
  }
}

await tryPeer('franc', async () => {
  const { franc } = await import('franc');
  await measure('franc', t => franc(t));
  await measure('franc (eng, vie only)', t => franc(t, { only: ['eng', 'vie'] }));
});

await tryPeer('cld (CLD2)', async () => {
  const cld = require('cld');
  await measure('cld (CLD2)', async t => {
    try {
      const r = await cld.detect(t);
      return r.languages.length ? r.languages[0].code : 'unknown';
    } catch {
      return 'unknown'; // "Failed to identify language"
    }
  });
});

await tryPeer('cld3-asm', async () => {
  const { loadModule } = await import('cld3-asm');
  const factory = await loadModule();
  const identifier = factory.create(0, 1000);
  await measure('cld3-asm', t => identifier.findLanguage(t).language);
  identifier.dispose();
});

await tryPeer('eld', async () => {
  const { eld } = await import('eld/large');
  await measure('eld (large)', t => eld.detect(t).language);
  eld.setLanguageSubset(['en', 'vi']);
  await measure('eld (large; en, vi only)', t => eld.detect(t).language);
});

await tryPeer('tinyld', async () => {
  const { detect } = await import('tinyld');
  await measure('tinyld', t => detect(t));
});
