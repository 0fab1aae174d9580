// Opens training pages in headless Chromium, as a trainee would: takes each exercise
// (reveals every answer with the keyboard or the mouse and checks the page shows what
// the library computed), then runs axe-core for WCAG 2.2 A and AA. Fails on any
// violation, any console error, any request for anything but the page itself, and any
// answer that differs from the library's.
//
//   node check_pages.mjs PAGES_DIR SCENARIOS.json   every page the command wrote
//   node check_pages.mjs --page FILE.html ...       pages alone (no exercise to take)
//
// Installed and run by .ci/run with Debian's chromium; CHROMIUM names another binary.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const args = process.argv.slice(2);
const jobs = [];
if (args[0] === '--page') {
  for (const file of args.slice(1)) jobs.push({ file, scenario: null });
} else if (args.length === 2) {
  const [dir, json] = args;
  const scenarios = JSON.parse(readFileSync(json, 'utf8'));
  jobs.push({ file: path.join(dir, 'index.html'), scenario: null, index: scenarios });
  for (const scenario of scenarios) {
    jobs.push({ file: path.join(dir, `${scenario.slug}.html`), scenario });
  }
} else {
  console.error('usage: check_pages.mjs PAGES_DIR SCENARIOS.json | --page FILE...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // Without the background-networking flags Chromium tries to reach Google's hosts.
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

const failures = [];
let answersChecked = 0;

/** The text of an element as a reader sees it, spaces collapsed. */
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** Opens a disclosure as a trainee would, and checks it hid its answer until then. */
async function reveal(page, details, how, where) {
  const summary = details.locator('summary');
  const hidden = details.locator(':scope > :not(summary)').first();
  if (await hidden.isVisible()) failures.push(`${where}: the answer shows before it is asked for`);
  if (how === 'keyboard') {
    await summary.focus();
    await page.keyboard.press('Enter');
  } else {
    await summary.click();
  }
  if (!(await details.evaluate((d) => d.open))) failures.push(`${where}: the answer did not open`);
  if (!(await hidden.isVisible())) failures.push(`${where}: the answer is not shown once asked for`);
}

async function takeExercise(page, scenario, where) {
  const exercise = scenario.exercise;
  const findings = page.locator('details.findings');
  if (!exercise) {
    if (await findings.count()) failures.push(`${where}: an exercise the scenario does not have`);
    return;
  }
  await reveal(page, findings, 'keyboard', `${where} findings`);
  const shown = page.locator('details.findings li.finding');
  const codes = await shown.evaluateAll((items) => items.map((li) => li.dataset.code));
  const expected = exercise.findings.map((f) => f.code);
  if (JSON.stringify(codes) !== JSON.stringify(expected)) {
    failures.push(`${where}: shows findings ${codes}, the library found ${expected}`);
  }
  for (let i = 0; i < exercise.findings.length; i++) {
    const shownText = await text(shown.nth(i));
    if (!shownText.startsWith(exercise.findings[i].explanation)) {
      failures.push(`${where}: finding ${i + 1} reads "${shownText}"`);
    }
    answersChecked++;
  }
  for (let i = 0; i < exercise.questions.length; i++) {
    const question = exercise.questions[i];
    const details = page.locator(`details[data-question="${i + 1}"]`);
    await reveal(page, details, i % 2 ? 'mouse' : 'keyboard', `${where} question ${i + 1}`);
    const word = await text(details.locator('.answer-word'));
    if (word !== `${question.answer}.`) {
      failures.push(`${where} question ${i + 1}: shows "${word}", the library answered "${question.answer}"`);
    }
    // Every reason shown is one the library gave, and every one it gave is shown.
    const reasons = await details.locator('.decision li').allInnerTexts();
    const given = question.decision.answer.decision.reasons ?? [];
    if (reasons.length !== given.length) {
      failures.push(`${where} question ${i + 1}: ${reasons.length} reasons shown, ${given.length} given`);
    }
    for (const reason of reasons) {
      if (!question.decision.inWords.includes(reason.trim())) {
        failures.push(`${where} question ${i + 1}: a reason the library did not give: ${reason}`);
      }
    }
    answersChecked++;
  }
}

for (const job of jobs) {
  const url = pathToFileURL(path.resolve(job.file)).href;
  const where = path.basename(job.file);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') failures.push(`${where}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => failures.push(`${where}: script error: ${e.message}`));
  page.on('request', (r) => { if (r.url() !== url) failures.push(`${where}: requested ${r.url()}`); });
  const response = await page.goto(url);
  if (!response || !response.ok()) failures.push(`${where}: did not load`);
  if (job.scenario) {
    const heading = await text(page.locator('h1'));
    if (heading !== job.scenario.title) failures.push(`${where}: headed "${heading}"`);
    const steps = await page.locator('ol.timeline > li').count();
    if (steps !== job.scenario.steps.length) failures.push(`${where}: ${steps} steps shown of ${job.scenario.steps.length}`);
    await takeExercise(page, job.scenario, where);
  }
  if (job.index) {
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const wanted = job.index.map((s) => `${s.slug}.html`);
    if (JSON.stringify(links) !== JSON.stringify(wanted)) failures.push(`${where}: links ${links}`);
  }
  // Everything revealed, so that axe checks what a trainee sees once they have asked.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    async (tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG,
  );
  for (const violation of result.violations) {
    const targets = violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ');
    failures.push(`${where}: ${violation.id} (${violation.impact}): ${violation.help} at ${targets}`);
  }
  if (result.passes.length === 0) failures.push(`${where}: axe checked nothing`);
  await context.close();
}
await browser.close();

if (failures.length) {
  for (const failure of failures) console.error(failure);
  console.error(`${failures.length} problem(s) in ${jobs.length} page(s)`);
  process.exit(1);
}
console.log(`${jobs.length} page(s) pass axe-core (WCAG 2.2 A and AA) with no console errors and no requests; ${answersChecked} exercise answers shown as the library computed them`);
