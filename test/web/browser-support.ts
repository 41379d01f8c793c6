/**
 * Chromium (Debian's, driven by playwright-core) for the web tests: one browser, a page per person (sessions are
 * per tab), screenshots of every page at 1366×768 and 390×844 into reports/screenshots/, and the phone check
 * that nothing is wider than the screen.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../support/test-config';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(ROOT, 'reports', 'screenshots');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Errors a page must never show: script errors and CSP refusals. A refused request (4xx) is not one of them. */
export async function newPage(browser: Browser, problems: string[], who: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => problems.push(`${who} pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    problems.push(`${who} console: ${msg.text()}`);
  });
  return page;
}

/** Page width beyond the viewport, in CSS pixels (0 = no horizontal overflow). */
export async function overflowX(page: Page): Promise<number> {
  return (await page.evaluate(
    'Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth',
  )) as number;
}

/**
 * Screenshots the current page at both sizes (the phone one after the layout settles) and returns the phone
 * layout's horizontal overflow. `ready` is waited for at each size.
 */
export async function shoot(page: Page, name: string, ready?: () => Promise<unknown>): Promise<number> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(DESKTOP);
  await ready?.();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-1366x768.png`) });
  await page.setViewportSize(PHONE);
  await ready?.();
  await page.waitForTimeout(600);
  const overflow = await overflowX(page);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-390x844.png`) });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(200);
  return overflow;
}

/** Picks an option of an antd Select found by its label. */
export async function choose(page: Page | Locator, label: string, option: string): Promise<void> {
  // Not exact: a required field's label also holds its mark.
  const input = page.getByLabel(label).first();
  await input.click();
  const root = 'page' in page ? page.page() : page;
  const item = root
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first();
  if (await input.isEditable()) {
    // A searchable select narrows the (virtualised) list; Enter, not a click: the dropdown may still be moving.
    await input.fill(option);
    await item.waitFor();
    await input.press('Enter');
  } else await item.click();
}

/**
 * Checks a radio (by its accessible name) in a dialog that may still be opening: under load a click can land
 * while antd's zoom-in animation is running and not take, so it is tried again until the radio reads checked.
 */
export async function checkRadio(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name });
  for (let attempt = 1; ; attempt++) {
    try {
      await radio.check({ timeout: 5000 });
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      if (await radio.isChecked()) return;
      await page.waitForTimeout(300);
    }
  }
}

/** Types a date into an antd DatePicker found by its label. */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label).first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

export async function withScreenshot(page: Page, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const dir = resolve(ROOT, 'var', 'test');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-failure-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(`${(err as Error).message}\n(screenshot: ${file}; page: ${page.url()})`, { cause: err });
  }
}
