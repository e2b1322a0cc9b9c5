// Used by scripts/bench-pdf-vs-chromium.sh (not run alone). In one process, round after round:
// a warm Chromium (launched once, the signed-in summary page already open in a tab) prints that page
// to PDF with Playwright's page.pdf, and then the portal's own summary.pdf is downloaded with curl from
// the same portal, so both are measured in the same minutes under the same load. Playwright-core is
// the copy inside the Microsoft.Playwright NuGet package the browser tests restore (no network).
//
// Arguments: playwright-core folder, base URL, cookie "name=value", summary path, PDF path, rounds,
// output folder. Prints one JSON line: the times in ms of every round for each measurement.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [playwrightDir, base, cookie, pagePath, pdfPath, roundsText, out] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { chromium } = require(playwrightDir);
const rounds = Number(roundsText);
const [cookieName, ...cookieValue] = cookie.split('=');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext();
await context.addCookies([{ name: cookieName, value: cookieValue.join('='), url: base }]);
const page = await context.newPage();
const pdfOptions = { format: 'A4', printBackground: true };

// curl's own clock (time_total: from the request to the last byte), not the process start.
function download() {
  const text = execFileSync('curl', ['-sf', '-o', `${out}/portal.pdf`, '-w', '%{time_total} %{http_code} %{size_download}',
    '-H', `Cookie: ${cookie}`, base + pdfPath]).toString();
  const [seconds, status, size] = text.trim().split(' ');
  if (status !== '200') throw new Error(`summary.pdf answered ${status}`);
  return { ms: Number(seconds) * 1000, size: Number(size) };
}

async function timed(action) {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

const response = await page.goto(base + pagePath, { waitUntil: 'load' });
if (!response.ok() || !(await page.content()).includes('Kopsavilkums')) {
  throw new Error(`the summary page was not shown (HTTP ${response.status()}, ${page.url()})`);
}
// Warm-up: the browser's first layouts and print set-up, the portal's JIT and document cache.
for (let i = 0; i < 3; i++) {
  await page.pdf(pdfOptions);
  await page.reload({ waitUntil: 'load' });
  download();
}

const result = { print: [], loadAndPrint: [], download: [], chromiumBytes: 0, portalBytes: 0 };
for (let i = 0; i < rounds; i++) {
  // (a) The page already open, as a user who has it on screen presses Print.
  let pdf;
  result.print.push(await timed(async () => { pdf = await page.pdf(pdfOptions); }));
  // (a') Open (reload) and print: what a server that made its PDFs with a browser would do per download.
  result.loadAndPrint.push(await timed(async () => {
    await page.reload({ waitUntil: 'load' });
    pdf = await page.pdf(pdfOptions);
  }));
  // (b) The portal's PDF, as a user downloads it again (warm document cache).
  const got = download();
  result.download.push(got.ms);
  result.chromiumBytes = pdf.length;
  result.portalBytes = got.size;
  if (i === 0) writeFileSync(`${out}/chromium.pdf`, pdf);
}
await browser.close();
console.log(JSON.stringify(result));
